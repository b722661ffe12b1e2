import LogCheckSyntax

public enum LC202InvalidAppenders: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC202", slug: "invalid-appenders", family: .log4js, severity: .error,
        summary: "`appenders` is missing, empty, or not an object of named appenders.",
        rationale: """
            log4js requires a truthy, non-array `appenders` object with at least one key \
            (appenders/index.js:158-168; C10, C11). A list of appenders is the log4js 1.x format (S03, \
            issues #555, #563, #581, #1102): since 2.x appenders are named, and categories refer to them \
            by name.
            """,
        references: ["C10", "C11", "S03"],
        examples: [
            .bad(
                "log4js.json",
                """
                {
                  "appenders": «[{ "type": "stdout" }]»,
                  "categories": { "default": { "appenders": ["out"], "level": "info" } }
                }
                """,
                "log4js throws at start-up: \"appenders\" is a list, the log4js 1.x format (\"must have a property \\\"appenders\\\" of type object.\")"
            ),
            .bad(
                "log4js.yaml", "«categories:»\n  default: { appenders: [out], level: info }\n",
                "log4js throws at start-up: there is no \"appenders\" object (\"must have a property \\\"appenders\\\" of type object.\")"
            ),
            .bad(
                "log4js.json",
                #"{"appenders": «{}», "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "log4js throws at start-up: \"appenders\" is empty (\"must define at least one appender.\")"),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ])

    static let example = "\"appenders\": { \"out\": { \"type\": \"stdout\" } }"

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        guard config.root.isMapping else { return }
        guard let entry = config.appendersEntry, entry.value.isTruthy != false else {
            context.report(
                description,
                "log4js throws at start-up: there is no \"appenders\" object (\"must have a property \\\"appenders\\\" of type object.\")",
                at: config.appendersEntry.map { Location($0.value) } ?? context.head(config.root),
                help: "add an object of named appenders, for example \(example)")
            return
        }
        let value = entry.value
        switch value.kind {
        case .unknown:
            return
        case .sequence:
            context.report(
                description,
                "log4js throws at start-up: \"appenders\" is a list, the log4js 1.x format (\"must have a property \\\"appenders\\\" of type object.\")",
                at: value,
                help:
                    "since log4js 2, appenders are an object keyed by name, and categories list those names: \(example)"
            )
        case .scalar:
            context.report(
                description,
                "log4js throws at start-up: \"appenders\" must be an object of named appenders, not \(Log4jsContext.show(value)) (\"must have a property \\\"appenders\\\" of type object.\")",
                at: value, help: "for example \(example)")
        case .mapping:
            if value.entryCount == 0 && !value.hasUnknownEntries {
                context.report(
                    description,
                    "log4js throws at start-up: \"appenders\" is empty (\"must define at least one appender.\")",
                    at: value, help: "define at least one appender, for example \(example)")
            }
        }
    }
}
