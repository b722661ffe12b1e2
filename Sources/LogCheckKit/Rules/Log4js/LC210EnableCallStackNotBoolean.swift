import LogCheckSyntax

public enum LC210EnableCallStackNotBoolean: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC210", slug: "enable-call-stack-not-boolean", family: .log4js, severity: .error,
        summary: "A category's `enableCallStack` is present but not `true` or `false`.",
        rationale: """
            When a category has its own `enableCallStack` key, even `null`, it must be a boolean \
            (categories.js:113-119, C21); the string `"false"` fails too (S04).
            """,
        references: ["C21", "S04"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info", "enableCallStack": «"true"»}}}"#,
                "log4js throws at start-up: category \"default\" has enableCallStack \"true\", which is not a boolean (\"category \\\"default\\\" is not valid (enableCallStack must be boolean type)\")",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info", "enableCallStack": true}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info", "enableCallStack": true}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "The strings `\"true\"` and `\"false\"` become the booleans.")

    public static func check(_ context: inout Log4jsContext) {
        for cat in context.config.categories {
            guard cat.node.isMapping, let v = cat.node["enableCallStack"], !v.isUnknown, v.bool == nil else { continue }
            var fixes: [Fix] = []
            if let s = v.string?.lowercased(), s == "true" || s == "false" {
                fixes.append(Fix("use the boolean \(s)", .safe, [Edits.replaceValue(v, with: .bool(s == "true"))]))
            }
            context.report(
                description,
                "log4js throws at start-up: category \"\(cat.name)\" has enableCallStack \(Log4jsContext.show(v)), which is not a boolean (\"category \\\"\(cat.name)\\\" is not valid (enableCallStack must be boolean type)\")",
                at: v, fixes: fixes)
        }
    }
}
