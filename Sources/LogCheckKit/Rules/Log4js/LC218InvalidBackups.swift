import LogCheckSyntax

public enum LC218InvalidBackups: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC218", slug: "invalid-backups", family: .log4js, severity: .error,
        summary: "A file or dateFile appender keeps a negative (or absurdly large) number of backups.",
        rationale: """
            streamroller checks the number of old files to keep: negative throws \
            `options.numBackups (…) should be >= 0` (C37), `Number.MAX_SAFE_INTEGER` or more throws \
            `options.numBackups (…) should be < Number.MAX_SAFE_INTEGER` (C38) \
            (RollingFileWriteStream.js:129-133). For `file` a `numBackups` key wins over `backups`; `dateFile` \
            reads only `numBackups`.
            """,
        references: ["C37", "C38"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log", "maxLogSize": "10M", "backups": «-1»}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#,
                "log4js throws at start-up: backups is -1 (\"options.numBackups (-1) should be >= 0\")"),
            .good(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log", "maxLogSize": "10M", "backups": 0}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let type = a.type, type == "file" || type == "dateFile" else { continue }
            let key = a.option("numBackups") != nil ? "numBackups" : (type == "file" ? "backups" : nil)
            guard let key, let value = a.option(key), let n = value.number else { continue }
            if n < 0 {
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: \(key) is \(value.text ?? "") (\"options.numBackups (\(value.text ?? "")) should be >= 0\")",
                    at: value,
                    help: "use 0 to keep no old files")
            } else if n >= 9_007_199_254_740_991 {
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: \(key) is \(value.text ?? "") (\"options.numBackups (\(value.text ?? "")) should be < Number.MAX_SAFE_INTEGER\")",
                    at: value)
            }
        }
    }
}
