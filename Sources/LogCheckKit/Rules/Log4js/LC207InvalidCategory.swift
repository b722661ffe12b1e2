import LogCheckSyntax

public enum LC207InvalidCategory: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC207", slug: "invalid-category", family: .log4js, severity: .error,
        summary:
            "A category is null, not an object, or lacks a non-empty `appenders` list or a `level` (after inheritance).",
        rationale: """
            Each category needs an array `appenders` with at least one name and a `level`, after log4js' \
            inheritance pre-processing has given dotted categories their parents' appenders and level \
            (categories.js:18-111; C18, C19, C20). Several mistakes crash with a TypeError before log4js' own \
            message (S01): a top-level category without `appenders` (appenders/index.js:137, \
            `category.appenders is not iterable`, C26), a `null` category (categories.js:19, C27), or a \
            malformed `appenders` during inheritance (categories.js:48-50, C28a, C28b). logcheck says what \
            log4js meant to say.
            """,
        references: ["C18", "C19", "C20", "C26", "C27", "C28a", "C28b", "S01"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {«"default"»: {"level": "info"}}}"#,
                "log4js crashes at start-up with \"TypeError: category.appenders is not iterable\": category \"default\" has no \"appenders\" list (log4js means: category \"default\" is not valid (must be an object with properties \"appenders\" and \"level\"))"
            ),
            .bad(
                "log4js.yaml",
                "appenders:\n  out: { type: stdout }\ncategories:\n  default: { appenders: [out], level: info }\n  «http»: { appenders: [], level: debug }\n",
                "log4js throws at start-up: category \"http\" has an empty \"appenders\" list (\"category \\\"http\\\" is not valid (appenders must contain at least one appender name)\")"
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": «"out"», "level": "info"}}}"#,
                "log4js throws at start-up: category \"default\" has \"appenders\" as a string; it must be a list of appender names (\"category \\\"default\\\" is not valid (appenders must be an array of appender names)\")",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}, «"http.access"»: {"level": "debug"}}}"#,
                "log4js throws at start-up: category \"http.access\" has an empty \"appenders\" list and inherits none from its parent categories (\"category \\\"http.access\\\" is not valid (appenders must contain at least one appender name)\")",
                caption: "A dotted category inherits from its parent (`http`), never from `default`."),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}, "http": {"appenders": ["out"], "level": "info"}, "http.access": {"level": "debug"}}}"#,
                caption: "`http.access` inherits `out` from `http`."),
        ],
        fix: .safe,
        fixDescription: "`\"appenders\": \"out\"` (a single name as a string) becomes `[\"out\"]`.")

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        for failure in config.inheritanceFailures {
            switch failure.kind {
            case .nullCategory:
                let cat = config.categories.first { $0.name == failure.category }
                let at = cat.map { Location($0.entry.tree.source, $0.entry.keySpan) } ?? Location(failure.node)
                context.report(
                    description,
                    "log4js crashes at start-up with \"TypeError: Cannot read properties of null (reading 'inherit')\": category \"\(failure.category)\" is null",
                    at: at, help: "give it \"appenders\" and \"level\", or remove it")
            case .parentAppendersNotArray(let parent):
                context.report(
                    description,
                    "log4js crashes at start-up with a TypeError while category \"\(failure.category)\" inherits from \"\(parent)\": the parent's \"appenders\" is not a list",
                    at: failure.node)
            case .childAppendersString(let parent):
                context.report(
                    description,
                    "log4js crashes at start-up with a TypeError: category \"\(failure.category)\" has \"appenders\" that is not a list, so the appenders it inherits from \"\(parent)\" cannot be added",
                    at: failure.node)
            }
        }
        for resolved in config.resolved {
            guard let cat = resolved.category else { continue }
            let key = Location(cat.entry.tree.source, cat.entry.keySpan)
            let v = cat.node
            if v.isNull || v.isUnknown || v.hasUnknownEntries { continue }
            guard v.isMapping else {
                context.report(
                    description,
                    "log4js crashes at start-up with a TypeError: category \"\(cat.name)\" is \(Log4jsContext.show(v)), not an object with \"appenders\" and \"level\"",
                    at: v)
                continue
            }
            if !resolved.appendersKnown { continue }
            let dotted = cat.name.contains(".") && v["inherit"]?.bool != false
            if let notList = resolved.appendersNotAList {
                if let s = notList.string {
                    context.report(
                        description,
                        "log4js throws at start-up: category \"\(cat.name)\" has \"appenders\" as a string; it must be a list of appender names (\"category \\\"\(cat.name)\\\" is not valid (appenders must be an array of appender names)\")",
                        at: notList,
                        fixes: [
                            Fix(
                                "make it a list: [\(JSONValue.quoted(s))]", .safe,
                                [TextEdit(notList.source, notList.span, "[" + notList.sourceText + "]")])
                        ])
                } else {
                    context.report(
                        description,
                        "log4js crashes at start-up with a TypeError (\"category.appenders is not iterable\"): category \"\(cat.name)\" has \"appenders\" that is \(Log4jsContext.show(notList)), not a list of appender names",
                        at: notList)
                }
                continue
            }
            let ownAppenders = v["appenders"]
            if ownAppenders == nil || ownAppenders?.isUndefined == true || (ownAppenders?.isTruthy == false && !dotted)
            {
                if !dotted {
                    context.report(
                        description,
                        "log4js crashes at start-up with \"TypeError: category.appenders is not iterable\": category \"\(cat.name)\" has no \"appenders\" list (log4js means: category \"\(cat.name)\" is not valid (must be an object with properties \"appenders\" and \"level\"))",
                        at: key,
                        help:
                            "add \"appenders\": [\"<name of an appender>\"]; defined appenders are: \(context.definedAppenderList)"
                    )
                    continue
                }
            }
            if resolved.appenders.isEmpty {
                let inherited = dotted ? " and inherits none from its parent categories" : ""
                context.report(
                    description,
                    "log4js throws at start-up: category \"\(cat.name)\" has an empty \"appenders\" list\(inherited) (\"category \\\"\(cat.name)\\\" is not valid (appenders must contain at least one appender name)\")",
                    at: key)
                continue
            }
            if resolved.level == nil {
                let inherited = dotted ? " and inherits none from its parent categories" : ""
                context.report(
                    description,
                    "log4js throws at start-up: category \"\(cat.name)\" has no \"level\"\(inherited) (\"category \\\"\(cat.name)\\\" is not valid (must be an object with properties \\\"appenders\\\" and \\\"level\\\")\")",
                    at: key, help: "add \"level\": \"info\" (or another level: \(config.knownLevelList))")
            }
        }
    }
}
