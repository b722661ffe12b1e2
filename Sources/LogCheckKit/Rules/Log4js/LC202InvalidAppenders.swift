import LogCheckSyntax

public enum LC202InvalidAppenders: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC202", slug: "invalid-appenders", family: .log4js, severity: .error,
        summary: "`appenders` is missing, empty, or not an object of named appenders.",
        rationale: """
            log4js requires a truthy, non-array `appenders` object with at least one key \
            (appenders/index.js:158-168; C10, C11). A list of appenders is the log4js 1.x format (S03, \
            issues #555, #563, #581, #1102): since 2.x appenders are named, and categories refer to them \
            by name. Before 2.0 it is the other way round: log4js 0.6 and 1.x call \
            `config.appenders.forEach(...)` on whatever is there (log4js.js:245-260 at v0.6.38, 251-265 at \
            v1.1.1, inside the try of configureOnceOff, 304-322 / 310-327), so an object of named appenders \
            throws "appenderList.forEach is not a function" at start-up, and a list is right. logcheck reads \
            the log4js version from the project's package.json (V01-V07) and, for a version before 2.0, \
            checks only this; the finding says which version it assumes.
            """,
        references: ["C10", "C11", "S03", "V01", "V02", "V06", "V07"],
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
            RuleExample(
                files: [
                    ExampleFile("package.json", #"{"name": "api", "dependencies": {"log4js": "~1.1.1"}}"#),
                    ExampleFile(
                        "log4js.json",
                        #"{"appenders": «{"out": {"type": "stdout"}}», "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
                    ),
                ],
                messages: [
                    "log4js 1.x throws at start-up: \"appenders\" is an object, the format of log4js 2 and later, but log4js 1.x takes a list of appenders (\"appenderList.forEach is not a function\")"
                ],
                caption: "With a package.json that declares log4js 1.x, the 2.x format is the error."),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
            RuleExample(
                files: [
                    ExampleFile("package.json", #"{"name": "api", "dependencies": {"log4js": "~1.1.1"}}"#),
                    ExampleFile(
                        "log4js.json",
                        #"{"appenders": [{"type": "console"}, {"type": "file", "filename": "logs/http.log", "category": "http"}]}"#
                    ),
                ],
                messages: [],
                caption: "The 1.x format, where the project runs log4js 1.x."),
        ])

    static let example = "\"appenders\": { \"out\": { \"type\": \"stdout\" } }"

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        guard config.root.isMapping else { return }
        guard context.version.takesNamedAppenders else {
            checkBefore2(&context)
            return
        }
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
                at: value, notes: [context.version.note],
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

    /// log4js 0.6 and 1.x: `appenders`, when truthy, must be a list.
    static func checkBefore2(_ context: inout Log4jsContext) {
        guard let entry = context.config.appendersEntry, entry.value.isTruthy == true, !entry.value.isUnknown else {
            return
        }
        let value = entry.value
        guard value.kind != .sequence else { return }
        let line = context.version.line
        let what = value.isMapping ? "an object, the format of log4js 2 and later" : Log4jsContext.show(value)
        context.report(
            description,
            "log4js \(line) throws at start-up: \"appenders\" is \(what), but log4js \(line) takes a list of appenders (\"appenderList.forEach is not a function\")",
            at: value, notes: [context.version.note],
            help:
                "list the appenders, each naming its category: \"appenders\": [{ \"type\": \"file\", \"filename\": \"app.log\", \"category\": \"app\" }]; or upgrade log4js to 6.x and keep this format"
        )
    }
}
