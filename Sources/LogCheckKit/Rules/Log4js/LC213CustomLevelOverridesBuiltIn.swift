import LogCheckSyntax

public enum LC213CustomLevelOverridesBuiltIn: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC213", slug: "custom-level-overrides-built-in", family: .log4js, severity: .warning,
        summary: "A custom level redefines a built-in level, or two custom levels differ only in case.",
        rationale: """
            Level names are upper-cased when they are added (`Level.addLevels`, levels.js:49-70). A custom \
            level named like a built-in one (`info`, `WARN`) replaces it for the whole process, for every \
            library that uses log4js (S30); two keys that differ only in case (`Audit`, `AUDIT`) collapse \
            into one, and the last wins.
            """,
        references: ["S30"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {«"info"»: {"value": 25000, "colour": "cyan"}}}"#,
                "custom level \"info\" replaces the built-in level INFO (value 20000) for the whole process, including every other library that logs with log4js"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {"NOTICE": {"value": 25000, "colour": "cyan"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        var seen: [String: CustomLevel] = [:]
        for level in context.config.customLevels {
            let upper = level.name.uppercased()
            let key = Location(level.entry.tree.source, level.entry.keySpan)
            if let builtIn = Log4jsFacts.builtInLevels.first(where: { $0.name == upper }) {
                let value =
                    builtIn.name == "ALL"
                    ? "Number.MIN_VALUE"
                    : builtIn.name == "OFF"
                        ? "Number.MAX_VALUE" : builtIn.name == "MARK" ? "9007199254740992" : String(Int(builtIn.value))
                context.report(
                    description,
                    "custom level \"\(level.name)\" replaces the built-in level \(builtIn.name) (value \(value)) for the whole process, including every other library that logs with log4js",
                    at: key,
                    help: "give the level a name of its own")
            }
            if let first = seen[upper], first.name != level.name {
                context.report(
                    description,
                    "custom levels \"\(first.name)\" and \"\(level.name)\" are the same level \(upper) (names are upper-cased), so this one replaces the first",
                    at: key,
                    related: [
                        RelatedLocation(
                            Location(first.entry.tree.source, first.entry.keySpan), "\"\(first.name)\" is defined here")
                    ])
            }
            seen[upper] = level
        }
    }
}
