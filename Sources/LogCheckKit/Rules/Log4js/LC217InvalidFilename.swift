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
            not guess. In app code, a `filename` built from strings, `__dirname` and `process.cwd()` with `+` or \
            a template literal is evaluated (`__dirname` is the code file's folder). log4js builds only the \
            appenders a category, a filter or a multiprocess master uses, and every tcp-server and multiprocess \
            appender (appenders/index.js:132-149; S02): an unused appender without a usable filename makes \
            nothing fail until a category lists it, so that is a warning.
            """,
        references: ["C32", "C33", "C32'", "C33'", "C34", "C35", "S02"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {«"file"»: {"type": "file", "path": "logs/app.log"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#,
                "log4js throws at start-up: file appender \"file\" has no filename (\"Invalid filename: undefined\")"),
            .bad(
                "log4js.yaml",
                "appenders:\n  file: { type: dateFile, filename: «logs/» }\ncategories:\n  default: { appenders: [file], level: info }\n",
                "log4js throws at start-up: filename \"logs/\" ends with '/' (\"Filename is a directory: logs/\")"),
            .bad(
                "src/app.js",
                "const log4js = require('log4js');\nlog4js.configure({\n  appenders: { file: { type: 'file', filename: «__dirname + '/../logs/'» } },\n  categories: { default: { appenders: ['file'], level: 'info' } },\n});\n",
                "log4js throws at start-up: filename \"src/../logs/\" ends with '/' (\"Filename is a directory: src/../logs/\")"
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, «"file"»: {"type": "file"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "file appender \"file\" has no filename; no category uses appender \"file\", so log4js never builds it and nothing fails now, but it throws at start-up (\"Invalid filename: undefined\") once a category lists it",
                severity: .warning
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "~/logs/app.log"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
            .good(
                "src/app.js",
                "const log4js = require('log4js');\nlog4js.configure({\n  appenders: { file: { type: 'file', filename: __dirname + '/../logs/app.log' } },\n  categories: { default: { appenders: ['file'], level: 'info' } },\n});\n"
            ),
        ])

    static let types: Set<String> = ["file", "fileSync", "dateFile"]

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        // Whether log4js certainly never builds an appender: the categories are all known.
        let categoriesKnown =
            config.categoriesEntry?.value.isMapping == true
            && !(config.categoriesEntry?.value.hasUnknownEntries ?? true)
            && config.resolved.allSatisfy { $0.appendersKnown && $0.appenders.allSatisfy { $0.name != nil } }
        for a in config.appenders {
            guard let type = a.type, types.contains(type), a.node.isMapping, !a.node.hasUnknownEntries else { continue }
            let unused = categoriesKnown && !config.builtAppenders.contains(a.name)
            /// What happens: a throw at start-up, or, for an appender nothing builds, nothing yet.
            func report(_ problem: String, _ error: String, at node: Node, help: String? = nil) {
                if unused {
                    context.report(
                        description,
                        "\(problem); no category uses appender \"\(a.name)\", so log4js never builds it and nothing fails now, but it throws at start-up (\"\(error)\") once a category lists it",
                        at: Location(node), severity: .warning, help: help)
                } else {
                    context.reportAppender(
                        a, description, "log4js throws at start-up: \(problem) (\"\(error)\")", at: node, help: help)
                }
            }
            guard let filename = a.option("filename"), !filename.isUndefined else {
                report(
                    "\(type) appender \"\(a.name)\" has no filename", "Invalid filename: undefined",
                    at: a.entry.keyNode,
                    help: "add \"filename\": \"logs/\(a.name).log\"")
                continue
            }
            if filename.isUnknown {
                // `__dirname + '/../logs/'` in app code: the string it evaluates to, from known parts.
                guard let built = ConfigPath.value(filename, dir: Path.dirname(filename.source.path), cwd: "."),
                    built.text.hasSuffix("/")
                else { continue }
                report(
                    "filename \"\(built.text)\" ends with '/'", "Filename is a directory: \(built.text)", at: filename,
                    help: "name the file: end the expression with '\(a.name).log'")
                continue
            }
            guard let s = filename.string, !s.isEmpty else {
                report(
                    "filename is \(Log4jsContext.show(filename)), not a path",
                    "Invalid filename: \(filename.string ?? filename.text ?? "")", at: filename)
                continue
            }
            if s.hasSuffix("/") {
                report(
                    "filename \"\(s)\" ends with '/'", "Filename is a directory: \(s)", at: filename,
                    help: "name the file: \"\(s)\(a.name).log\"")
            }
        }
    }
}
