import LogCheckSyntax

public enum LC225TCPServerInCategory: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC225", slug: "tcp-server-in-category", family: .log4js, severity: .warning,
        summary: "A category lists a `tcp-server` appender.",
        rationale: """
            A `tcp-server` receives events from other processes and dispatches them through its own \
            categories; it is started whether or not a category uses it. Its `configure` returns an object, not \
            a function (tcp-server.js:43-48), so when a category lists it, every log call in that category \
            throws `TypeError: appender is not a function` (S23). configure() itself does not fail.
            """,
        references: ["S23"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"server": {"type": "tcp-server", "port": 5000}, "file": {"type": "file", "filename": "all.log"}}, "categories": {"default": {"appenders": ["file", «"server"»], "level": "info"}}}"#,
                "category \"default\" lists the tcp-server \"server\": every log call in it throws \"TypeError: appender is not a function\"; a tcp-server only receives events, it is started without being listed",
                fixed:
                    #"{"appenders": {"server": {"type": "tcp-server", "port": 5000}, "file": {"type": "file", "filename": "all.log"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"server": {"type": "tcp-server", "port": 5000}, "file": {"type": "file", "filename": "all.log"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "The tcp-server is removed from the list when other appenders remain.")

    public static func check(_ context: inout Log4jsContext) {
        for cat in context.config.categories {
            guard let list = cat.appendersNode, list.isSequence else { continue }
            for (index, element) in list.elements.enumerated() {
                guard let name = element.string, context.config.appender(named: name)?.type == "tcp-server" else {
                    continue
                }
                let fixes =
                    list.elements.count > 1
                    ? [Fix("remove \"\(name)\" from the list", .safe, Edits.removeElement(index, of: list))] : []
                context.report(
                    description,
                    "category \"\(cat.name)\" lists the tcp-server \"\(name)\": every log call in it throws \"TypeError: appender is not a function\"; a tcp-server only receives events, it is started without being listed",
                    at: element, fixes: fixes)
            }
        }
    }
}
