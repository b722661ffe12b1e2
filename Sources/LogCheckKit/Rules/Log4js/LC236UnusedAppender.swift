import LogCheckSyntax

public enum LC236UnusedAppender: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC236", slug: "unused-appender", family: .log4js, severity: .info,
        summary: "An appender no category uses (directly or through a filter).",
        rationale: """
            Since log4js 6.3.0 only appenders used by a category, reached through a filter, or of type \
            `tcp-server` or `multiprocess` are built (appenders/index.js:128-150, PR #1002). The others are \
            never built, so their type and options are never checked: they fail only when a category starts \
            using them (S02). logcheck still checks them and reports problems in them as warnings.
            """,
        references: ["S02"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, «"file"»: {"type": "file", "filename": "app.log"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "appender \"file\" is not used by any category, so log4js never builds it (and never checks it)"),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, "file": {"type": "file", "filename": "app.log"}, "errors": {"type": "logLevelFilter", "appender": "file", "level": "error"}}, "categories": {"default": {"appenders": ["out", "errors"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        guard config.categoriesEntry?.value.isMapping == true,
            !(config.categoriesEntry?.value.hasUnknownEntries ?? true),
            config.resolved.allSatisfy({ $0.appendersKnown && $0.appenders.allSatisfy { $0.name != nil } })
        else { return }
        for a in config.appenders where !config.builtAppenders.contains(a.name) {
            context.report(
                description,
                "appender \"\(a.name)\" is not used by any category, so log4js never builds it (and never checks it)",
                at: a.entry.keyNode,
                help: "list it in a category's \"appenders\", or remove it")
        }
    }
}
