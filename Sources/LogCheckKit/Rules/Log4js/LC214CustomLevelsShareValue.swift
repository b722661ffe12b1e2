import LogCheckSyntax

public enum LC214CustomLevelsShareValue: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC214", slug: "custom-levels-share-value", family: .log4js, severity: .info,
        summary: "Two levels have the same value.",
        rationale: """
            Levels are ordered by `value`; log4js allows several levels with one value, but then a category \
            at one of them also passes the others, and which name a comparison sees is arbitrary (S29).
            """,
        references: ["S29"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {"NOTICE": {"value": «20000», "colour": "cyan"}}}"#,
                "custom level \"NOTICE\" has value 20000, the same as INFO; levels with one value cannot be told apart when filtering"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {"NOTICE": {"value": 25000, "colour": "cyan"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        let levels = context.config.customLevels
        guard !levels.isEmpty else { return }
        // A few levels: lists, not a hashed table.
        let custom = levels.map { $0.name.uppercased() }
        var values = Log4jsFacts.builtInLevels.filter { !custom.contains($0.name) }.map {
            (value: $0.value, name: $0.name)
        }
        for (level, name) in zip(levels, custom) {
            guard let value = level.node["value"], let n = value.integer, n != 0 else { continue }
            if let other = values.first(where: { $0.value == Double(n) }) {
                if other.name != name {
                    context.report(
                        description,
                        "custom level \"\(level.name)\" has value \(n), the same as \(other.name); levels with one value cannot be told apart when filtering",
                        at: value)
                }
            } else {
                values.append((Double(n), name))
            }
        }
    }
}
