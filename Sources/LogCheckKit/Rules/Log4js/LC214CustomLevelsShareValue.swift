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
            .bad("log4js.json", #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {"NOTICE": {"value": «20000», "colour": "cyan"}}}"#,
                 "custom level \"NOTICE\" has value 20000, the same as INFO; levels with one value cannot be told apart when filtering"),
            .good("log4js.json", #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {"NOTICE": {"value": 25000, "colour": "cyan"}}}"#),
        ])

    public static func check(_ context: inout Log4jsContext) {
        var values: [Double: String] = [:]
        let custom = Set(context.config.customLevels.map { $0.name.uppercased() })
        for l in Log4jsFacts.builtInLevels where !custom.contains(l.name) { values[l.value] = l.name }
        for level in context.config.customLevels {
            guard let value = level.node["value"], let n = value.integer, n != 0 else { continue }
            if let other = values[Double(n)], other != level.name.uppercased() {
                context.report(description, "custom level \"\(level.name)\" has value \(n), the same as \(other); levels with one value cannot be told apart when filtering", at: value)
            } else {
                values[Double(n)] = level.name.uppercased()
            }
        }
    }
}
