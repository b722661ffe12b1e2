import LogCheckSyntax

public enum LC228LogLevelFilterDropsMark: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC228", slug: "log-level-filter-drops-mark", family: .log4js, severity: .info,
        summary: "A logLevelFilter without `maxLevel` drops `logger.mark()` events.",
        rationale: """
            `maxLevel` defaults to FATAL, and MARK ranks above FATAL, so `logger.mark(...)`, which people use for \
            start-up and deploy markers because it always passes a category's level, never reaches a filter \
            without `maxLevel` (S12).
            """,
        references: ["S12"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"errors": {"type": "file", "filename": "errors.log"}, «"only-errors"»: {"type": "logLevelFilter", "appender": "errors", "level": "error"}}, "categories": {"default": {"appenders": ["only-errors"], "level": "info"}}}"#,
                "logLevelFilter \"only-errors\" has no maxLevel, so it stops at FATAL and drops MARK events (logger.mark)"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"errors": {"type": "file", "filename": "errors.log"}, "only-errors": {"type": "logLevelFilter", "appender": "errors", "level": "error", "maxLevel": "mark"}}, "categories": {"default": {"appenders": ["only-errors"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders
        where a.type == "logLevelFilter" && a.option("maxLevel") == nil && !a.node.hasUnknownEntries {
            context.report(
                description,
                "logLevelFilter \"\(a.name)\" has no maxLevel, so it stops at FATAL and drops MARK events (logger.mark)",
                at: a.entry.keyNode,
                help: "add \"maxLevel\": \"mark\" to let MARK events through")
        }
    }
}
