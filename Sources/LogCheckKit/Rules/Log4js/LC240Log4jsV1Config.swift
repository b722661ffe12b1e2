import LogCheckSyntax

public enum LC240Log4jsV1Config: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC240", slug: "log4js-v1-config", family: .log4js, severity: .warning,
        summary: "Keys of the log4js 1.x config format, which log4js 2+ ignores.",
        rationale: """
            log4js 2 replaced the 1.x format (S03; issues #555, #563, #581, #1102): appenders became a named \
            object, an appender's `category` became the `categories` section, and `replaceConsole` was removed. \
            log4js 6 ignores these keys silently, so a 1.x config that happens to pass validation logs \
            differently from what it says. `categories` nested inside `appenders` (issue #798) belongs at the top level.
            """,
        references: ["S03", "V02"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout", «"category"»: "http"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "\"category\" on an appender is the log4js 1.x format and is ignored: categories choose their appenders in \"categories\""
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, «"replaceConsole"»: true}"#,
                "\"replaceConsole\" was removed in log4js 2 and is ignored: console.log is not redirected"),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}, "http": {"appenders": ["out"], "level": "debug"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        guard config.root.isMapping else { return }
        if let e = config.root.entry("replaceConsole") {
            context.report(
                description, "\"replaceConsole\" was removed in log4js 2 and is ignored: console.log is not redirected",
                at: e.keyNode, notes: [context.version.note],
                help:
                    "call log4js.getLogger() where the app used console.log, or keep console output with a console or stdout appender"
            )
        }
        if let nested = config.appendersEntry?.value.entry("categories"), config.categoriesEntry == nil {
            context.report(
                description,
                "\"categories\" is nested inside \"appenders\"; it must be at the top level, next to \"appenders\"",
                at: nested.keyNode)
        }
        for a in config.appenders {
            guard a.node.isMapping, let e = a.node.entry("category") else { continue }
            context.report(
                description,
                "\"category\" on an appender is the log4js 1.x format and is ignored: categories choose their appenders in \"categories\"",
                at: e.keyNode, notes: [context.version.note],
                help:
                    "list \"\(a.name)\" in \"categories\": { \"\(e.value.string ?? "<category>")\": { \"appenders\": [\"\(a.name)\"], \"level\": \"info\" } }"
            )
        }
    }
}
