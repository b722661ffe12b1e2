import LogCheckSyntax

public enum LC239DuplicateAppenderInCategory: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC239", slug: "duplicate-appender-in-category", family: .log4js, severity: .warning,
        summary: "A category lists the same appender twice.",
        rationale: """
            log4js keeps duplicate names in a category's list, so every event is written twice (S32). \
            (Inheritance itself never duplicates: a dotted category gets only parent appenders it does not list.)
            """,
        references: ["S32"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out", «"out"»], "level": "info"}}}"#,
                "category \"default\" lists appender \"out\" twice, so every event is written twice",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}, "http": {"appenders": ["out"], "level": "debug"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "The repeated name is removed.")

    public static func check(_ context: inout Log4jsContext) {
        for cat in context.config.categories {
            guard let list = cat.appendersNode, list.isSequence else { continue }
            var seen = Set<String>()
            for (index, element) in list.elements.enumerated() {
                guard let name = element.string else { continue }
                if !seen.insert(name).inserted {
                    context.report(
                        description,
                        "category \"\(cat.name)\" lists appender \"\(name)\" twice, so every event is written twice",
                        at: element,
                        fixes: [Fix("remove the second \"\(name)\"", .safe, Edits.removeElement(index, of: list))])
                }
            }
        }
    }
}
