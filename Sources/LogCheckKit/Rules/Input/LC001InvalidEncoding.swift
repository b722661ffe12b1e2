import LogCheckSyntax

public enum LC001InvalidEncoding: InputRule {
    public static let codes: [SyntaxCode] = [.encoding]
    public static let description = RuleDescription(
        id: "LC001", slug: "invalid-encoding", family: .input, severity: .error,
        summary: "The file is not UTF-8 text (invalid bytes, a NUL byte, or UTF-16).",
        rationale: """
            PM2 reads ecosystem files with `require()`, `vm.runInThisContext` or js-yaml, and log4js reads \
            its config with `fs.readFileSync(file, 'utf8')`; all of them decode UTF-8. Bytes that are not \
            UTF-8 turn into replacement characters, a UTF-16 file into garbage, and a NUL byte usually means \
            a binary file was named by mistake. logcheck stops reading such a file and checks nothing else in it.
            """,
        examples: [
            .bad(
                "log4js.json", "«\u{0}»{}",
                "the file contains a NUL byte at offset 0; it looks like a binary file, not a config"),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ])
}
