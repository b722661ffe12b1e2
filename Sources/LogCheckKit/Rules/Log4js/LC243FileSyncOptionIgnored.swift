import LogCheckSyntax

public enum LC243FileSyncOptionIgnored: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC243", slug: "file-sync-option-ignored", family: .log4js, severity: .warning,
        summary: "A fileSync appender option that does nothing, or a negative `backups` that stops rolling.",
        rationale: """
            `fileSync` is its own implementation, not streamroller's: it cannot `compress` old files (S20), it \
            never passes `encoding` to its writes, and a negative `backups` raises no error but means the file \
            never rolls and grows without bound (fileSync.js:46-73, S17).
            """,
        references: ["S20"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"sync": {"type": "fileSync", "filename": "app.log", "maxLogSize": "10M", «"compress"»: true}}, "categories": {"default": {"appenders": ["sync"], "level": "info"}}}"#,
                "fileSync cannot compress old files: \"compress\" is ignored"),
            .good(
                "log4js.json",
                #"{"appenders": {"sync": {"type": "fileSync", "filename": "app.log", "maxLogSize": "10M", "backups": 3}}, "categories": {"default": {"appenders": ["sync"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders where a.type == "fileSync" && a.node.isMapping {
            if let e = a.node.entry("compress"), e.value.isTruthy == true {
                context.reportAppender(
                    a, description, "fileSync cannot compress old files: \"compress\" is ignored", at: e.keyNode,
                    help: "use a file appender for compressed backups")
            }
            if let e = a.node.entry("encoding") {
                context.reportAppender(
                    a, description, "fileSync does not use \"encoding\": it writes UTF-8 whatever this says",
                    at: e.keyNode, severity: .info)
            }
            if let b = a.option("backups"), let n = b.number, n < 0 {
                context.reportAppender(
                    a, description,
                    "backups is negative: fileSync raises no error, but the file never rolls and grows without bound",
                    at: b)
            }
        }
    }
}
