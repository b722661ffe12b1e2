import LogCheckSyntax

public enum LC215InvalidMaxLogSize: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC215", slug: "invalid-max-log-size", family: .log4js, severity: .error,
        summary: "`maxLogSize` on a file, fileSync or dateFile appender is not a size log4js accepts.",
        rationale: """
            For `file`, `fileSync` and `dateFile`, log4js converts `maxLogSize` (appenders/adapters.js:10-46): \
            an integer passes; a string must be a whole number followed by K, M or G (`"10M"`, case-insensitive) \
            and anything else throws `maxLogSize: "10MB" is invalid` (C30; `"10485760"`, `"1.5M"` and `"1KB"` \
            fail too, S15); a value that is neither (`1.5`, `true`) crashes with \
            `TypeError: maxLogSize.slice is not a function` (C31). A negative size throws \
            `options.maxSize (…) should be > 0` (streamroller, C36) or, on fileSync, `maxLogSize (…) should be > 0` (C41).
            """,
        references: ["C30", "C31", "C36", "C41", "S15"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log", "maxLogSize": «"10MB"»}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#,
                "log4js throws at start-up: maxLogSize \"10MB\" is invalid; it must be a number of bytes or a whole number followed by K, M or G (\"maxLogSize: \\\"10MB\\\" is invalid\")",
                fixed:
                    #"{"appenders": {"file": {"type": "file", "filename": "app.log", "maxLogSize": "10M"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
            .bad(
                "log4js.yaml",
                "appenders:\n  file: { type: file, filename: app.log, maxLogSize: «'10485760'» }\ncategories:\n  default: { appenders: [file], level: info }\n",
                "log4js throws at start-up: maxLogSize \"10485760\" is invalid; it must be a number of bytes or a whole number followed by K, M or G (\"maxLogSize: \\\"10485760\\\" is invalid\")",
                fixed:
                    "appenders:\n  file: { type: file, filename: app.log, maxLogSize: 10485760 }\ncategories:\n  default: { appenders: [file], level: info }\n"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"a": {"type": "file", "filename": "a.log", "maxLogSize": "10m"}, "b": {"type": "dateFile", "filename": "b.log", "maxLogSize": 1048576}}, "categories": {"default": {"appenders": ["a", "b"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription:
            "A size written with a unit log4js does not read (`\"10MB\"`, `\"1.5M\"`, `\"10 mb\"`) becomes the same size in a form it does (`\"10M\"`, `\"1536K\"`); a number written as a string becomes the number."
    )

    static let types: Set<String> = ["file", "fileSync", "dateFile"]

    /// The same size written as log4js reads it, when the intent is clear.
    static func repaired(_ s: String) -> ScalarValue? {
        var text = s.trimmingWhitespace().lowercased()
        if !text.isEmpty && text.allSatisfy({ $0.isNumber }) { return Double(text).map { .number($0) } }
        for suffix in ["ib", "b"] where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        guard let unit = text.last, ["k", "m", "g"].contains(unit) else { return nil }
        let number = Double(text.dropLast().trimmingWhitespace())
        guard let n = number, n > 0 else { return nil }
        let bytes = n * (unit == "k" ? 1024 : unit == "m" ? 1_048_576 : 1_073_741_824)
        guard bytes == bytes.rounded() else { return nil }
        for (u, f) in [("G", 1_073_741_824.0), ("M", 1_048_576.0), ("K", 1024.0)]
        where bytes.truncatingRemainder(dividingBy: f) == 0 {
            return .string(String(Int(bytes / f)) + u)
        }
        return .number(bytes)
    }

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let type = a.type, types.contains(type), let size = a.option("maxLogSize"),
                let result = MaxLogSize.convert(size)
            else { continue }
            switch result {
            case .notStringOrNumber:
                context.reportAppender(
                    a, description,
                    "log4js crashes at start-up with \"TypeError: maxLogSize.slice is not a function\": maxLogSize is \(Log4jsContext.show(size)), but it must be a whole number of bytes or a string such as \"10M\"",
                    at: size)
            case .invalid:
                let shown = size.string ?? ""
                var fixes: [Fix] = []
                if let r = repaired(shown) {
                    fixes.append(
                        Fix(
                            "write it as \(Edits.literal(r, in: size.tree))", .safe, [Edits.replaceValue(size, with: r)]
                        ))
                }
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: maxLogSize \"\(shown)\" is invalid; it must be a number of bytes or a whole number followed by K, M or G (\"maxLogSize: \\\"\(shown)\\\" is invalid\")",
                    at: size, fixes: fixes)
            case .bytes(let n) where n < 0:
                let text = n.javaScriptText
                let message =
                    type == "fileSync"
                    ? "maxLogSize (\(text)) should be > 0" : "options.maxSize (\(text)) should be > 0"
                context.reportAppender(
                    a, description, "log4js throws at start-up: maxLogSize is negative (\"\(message)\")", at: size,
                    help: "use a positive size such as \"10M\", or remove maxLogSize to never roll")
            case .bytes:
                break
            }
        }
    }
}
