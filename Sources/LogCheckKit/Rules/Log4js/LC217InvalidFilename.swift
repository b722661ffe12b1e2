import LogCheckSyntax

public enum LC217InvalidFilename: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC217", slug: "invalid-filename", family: .log4js, severity: .error,
        summary: "A file, fileSync or dateFile appender has no usable `filename`.",
        rationale: """
        `file` and `fileSync` throw `Invalid filename: …` when `filename` is not a non-empty string and \
        `Filename is a directory: …` when it ends with `/` (file.js:37-40, fileSync.js:182-185; C32, C33); \
        `dateFile` fails the same way inside streamroller (RollingFileWriteStream.js:42-45; C34, C35). Missing \
        directories are not an error: they are created (S06). Whether a path names an existing directory or \
        sits under a file is only known on the machine that runs the app (C39, C40, C42), so logcheck does \
        not guess.
        """,
        references: ["C32", "C33", "C32'", "C33'", "C34", "C35"],
        examples: [
            .bad("log4js.json", #"{"appenders": {«"file"»: {"type": "file", "path": "logs/app.log"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#,
                 "log4js throws at start-up: file appender \"file\" has no filename (\"Invalid filename: undefined\")"),
            .bad("log4js.yaml", "appenders:\n  file: { type: dateFile, filename: «logs/» }\ncategories:\n  default: { appenders: [file], level: info }\n",
                 "log4js throws at start-up: filename \"logs/\" ends with '/' (\"Filename is a directory: logs/\")"),
            .good("log4js.json", #"{"appenders": {"file": {"type": "file", "filename": "~/logs/app.log"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#),
        ])

    static let types: Set<String> = ["file", "fileSync", "dateFile"]

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let type = a.type, types.contains(type), a.node.isMapping, !a.node.hasUnknownEntries else { continue }
            guard let filename = a.option("filename"), !filename.isUndefined else {
                context.reportAppender(a, description, "log4js throws at start-up: \(type) appender \"\(a.name)\" has no filename (\"Invalid filename: undefined\")",
                                       at: a.entry.keyNode,
                                       help: "add \"filename\": \"logs/\(a.name).log\"")
                continue
            }
            if filename.isUnknown { continue }
            guard let s = filename.string, !s.isEmpty else {
                context.reportAppender(a, description, "log4js throws at start-up: filename is \(Log4jsContext.show(filename)), not a path (\"Invalid filename: \(filename.string ?? filename.text ?? "")\")", at: filename)
                continue
            }
            if s.hasSuffix("/") {
                context.reportAppender(a, description, "log4js throws at start-up: filename \"\(s)\" ends with '/' (\"Filename is a directory: \(s)\")", at: filename,
                                       help: "name the file: \"\(s)\(a.name).log\"")
            }
        }
    }
}
