import LogCheckSyntax

public enum LC009FileTooLarge: InputRule {
    public static let codes: [SyntaxCode] = [.tooLarge]
    public static let description = RuleDescription(
        id: "LC009", slug: "file-too-large", family: .input, severity: .error,
        summary: "A file is larger than logcheck reads (\(FileSystem.maxFileSize >> 20) MiB).",
        rationale: """
            Real ecosystem files and log4js configs are kilobytes. logcheck refuses files above \
            \(FileSystem.maxFileSize >> 20) MiB with exit code 2 and a message naming the file, so that a \
            mistaken path (a log file, a database dump) cannot exhaust memory in a pre-commit hook.
            """)
}
