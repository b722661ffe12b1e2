import LogCheckSyntax

public enum LC201ConfigNotAnObject: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC201", slug: "config-not-an-object", family: .log4js, severity: .error,
        summary: "The log4js config is not an object.",
        rationale: """
            `configure()` first checks that the config is a non-null, non-array object \
            (configuration.js:44) and throws `must be an object.` otherwise (C02).
            """,
        references: ["C02"],
        examples: [
            .bad(
                "log4js.json", "«[{ \"type\": \"stdout\" }]»",
                "log4js throws at start-up: the config must be an object with \"appenders\" and \"categories\", but this is an array (\"must be an object.\")"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        let root = context.config.root
        guard !root.isMapping && !root.isUnknown else { return }
        context.report(
            description,
            "log4js throws at start-up: the config must be an object with \"appenders\" and \"categories\", but this is \(Log4jsContext.show(root)) (\"must be an object.\")",
            at: root)
    }
}
