import LogCheckSyntax

public enum LC203AppenderWithoutType: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC203", slug: "appender-without-type", family: .log4js, severity: .error,
        summary: "An appender has no `type` (or is not an object at all).",
        rationale: """
            Every appender, used or not, must be an object with a truthy `type` \
            (appenders/index.js:171-175, C12). A `null` appender makes log4js crash with \
            `TypeError: Cannot read properties of null (reading 'type')` instead (C29).
            """,
        references: ["C12", "C29"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, «"file"»: {"filename": "app.log"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "log4js throws at start-up: appender \"file\" has no \"type\" (\"appender \\\"file\\\" is not valid (must be an object with property \\\"type\\\")\")"
            ),
            .bad(
                "log4js.yaml",
                "appenders:\n  out: { type: stdout }\n  «broken»:\ncategories:\n  default: { appenders: [out], level: info }\n",
                "log4js crashes at start-up with \"TypeError: Cannot read properties of null (reading 'type')\": appender \"broken\" is null"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, "file": {"type": "file", "filename": "app.log"}}, "categories": {"default": {"appenders": ["out", "file"], "level": "info"}}}"#
            ),
        ])

    static let help =
        "give it one of the core types: " + Log4jsFacts.coreTypes.joined(separator: ", ") + ", or a package name"

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            let v = a.node
            let key = Location(a.entry.tree.source, a.entry.keySpan)
            if v.isNull {
                context.report(
                    description,
                    "log4js crashes at start-up with \"TypeError: Cannot read properties of null (reading 'type')\": appender \"\(a.name)\" is null",
                    at: key, help: Self.help)
                continue
            }
            if v.isUnknown || v.hasUnknownEntries { continue }
            let type = v.isMapping ? v["type"] : nil
            if let type, type.isUnknown || type.isTruthy == true { continue }
            context.report(
                description,
                "log4js throws at start-up: appender \"\(a.name)\" has no \"type\" (\"appender \\\"\(a.name)\\\" is not valid (must be an object with property \\\"type\\\")\")",
                at: key, help: Self.help)
        }
    }
}
