import LogCheckSyntax

public enum LC245InvalidFileOpenOption: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC245", slug: "invalid-file-open-option", family: .log4js, severity: .error,
        summary:
            "A file, dateFile or fileSync appender's `flags` or `mode` that Node's fs rejects: configure() throws.",
        rationale: """
            The file appenders open their file while `configure()` runs: streamroller touches it with \
            `fs.appendFileSync(filePath, '', {flag, encoding, mode})` (RollingFileWriteStream.js:312, C40), and \
            fileSync touches it with `fs.appendFileSync(file, '', {mode, flag})` (fileSync.js:43) when it has no \
            `maxLogSize`, or with one when the file does not exist yet (fileSync.js:60-69). A falsy `flags` or \
            `mode` is replaced by the default (`'a'`, `0o600`: file.js:142, fileSync.js:242-246). Node checks both before any \
            system call: `flags` must be one of `r`, `rs`, `sr`, `r+`, `rs+`, `sr+`, `w`, `wx`, `xw`, `w+`, `wx+`, \
            `xw+`, `a`, `ax`, `xa`, `as`, `sa`, `a+`, `ax+`, `xa+`, `as+`, `sa+` (or a number), and `mode` an \
            unsigned 32-bit integer or a string of octal digits (`"644"`, `"0o600"` is not one). Anything else \
            throws `ERR_INVALID_ARG_VALUE` (or `ERR_INVALID_ARG_TYPE` for a `mode` that is neither) out of \
            `configure()`, and the app stops at start-up.
            """,
        references: ["C40"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log", "flags": «"x"»}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#,
                "log4js throws at start-up: Node's fs rejects flags \"x\" (\"The argument 'flags' is invalid\"); file appender \"file\" cannot open app.log"
            ),
            .bad(
                "log4js.yaml",
                "appenders:\n  file: { type: dateFile, filename: logs/app.log, mode: «rw-r--r--» }\ncategories:\n  default: { appenders: [file], level: info }\n",
                "log4js throws at start-up: Node's fs rejects mode \"rw-r--r--\" (\"The argument 'mode' must be a 32-bit unsigned integer or an octal string\"); dateFile appender \"file\" cannot open logs/app.log"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"file": {"type": "fileSync", "filename": "app.log", "flags": "w", "mode": "644"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"sync": {"type": "fileSync", "filename": "app.log", "maxLogSize": 1048576, "flags": «"append"»}}, "categories": {"default": {"appenders": ["sync"], "level": "info"}}}"#,
                "log4js throws at start-up whenever app.log does not exist yet (a new host, a cleaned log folder): Node's fs rejects flags \"append\" (\"The argument 'flags' is invalid\"); fileSync appender \"sync\" cannot open app.log"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log", "flags": "a+", "mode": 420}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"file": {"type": "dateFile", "filename": "app.log", "flags": "", "mode": 0}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
        ])

    /// The string flags Node's fs accepts (lib/internal/fs/utils.js, stringToFlags).
    static let flags: Set<String> = [
        "r", "rs", "sr", "r+", "rs+", "sr+", "w", "wx", "xw", "w+", "wx+", "xw+",
        "a", "ax", "xa", "as", "sa", "a+", "ax+", "xa+", "as+", "sa+",
    ]

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let type = a.type, LC217InvalidFilename.types.contains(type), a.node.isMapping else { continue }
            let name = a.option("filename")?.string
            let file = name.map { " cannot open \($0)" } ?? " cannot open its file"
            // fileSync with maxLogSize touches the file only when it does not exist yet.
            let rolls = type == "fileSync" && (a.option("maxLogSize").map { $0.isTruthy != false } ?? false)
            let when =
                rolls
                ? "log4js throws at start-up whenever \(name ?? "the file") does not exist yet (a new host, a cleaned log folder)"
                : "log4js throws at start-up"
            if let f = a.option("flags"), let problem = flagsProblem(f) {
                context.reportAppender(
                    a, description,
                    "\(when): Node's fs rejects flags \(problem) (\"The argument 'flags' is invalid\"); \(type) appender \"\(a.name)\"\(file)",
                    at: f, help: "use \"a\" (append, the default) or \"w\" (truncate at start-up)")
            }
            if let m = a.option("mode"), let problem = modeProblem(m) {
                context.reportAppender(
                    a, description,
                    "\(when): Node's fs rejects mode \(problem) (\"The argument 'mode' must be a 32-bit unsigned integer or an octal string\"); \(type) appender \"\(a.name)\"\(file)",
                    at: m, help: "write the permissions as octal digits, such as \"644\", or as a number, such as 420")
            }
        }
    }

    /// Why Node rejects a `flags` value, or nil. A falsy value becomes the default `'a'`.
    static func flagsProblem(_ node: Node) -> String? {
        if node.isUnknown || node.isTruthy == false || node.number != nil { return nil }
        if let s = node.string { return s.isEmpty || flags.contains(s) ? nil : "\"\(s)\"" }
        return Log4jsContext.show(node)
    }

    /// Why Node rejects a `mode` value (parseFileMode), or nil.
    /// A falsy value becomes the default `0o600`.
    static func modeProblem(_ node: Node) -> String? {
        if node.isUnknown || node.isTruthy == false { return nil }
        if let s = node.string {
            return s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) ? nil : "\"\(s)\""
        }
        if let n = node.number {
            return n >= 0 && n <= 4_294_967_295 && n.rounded() == n ? nil : Log4jsContext.show(node)
        }
        return Log4jsContext.show(node)
    }
}
