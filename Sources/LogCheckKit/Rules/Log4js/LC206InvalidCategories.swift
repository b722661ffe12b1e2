import LogCheckSyntax

public enum LC206InvalidCategories: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC206", slug: "invalid-categories", family: .log4js, severity: .error,
        summary: "`categories` is missing, empty, not an object, or has no `default` category.",
        rationale: """
            log4js needs a `categories` object with at least one category and one named `default` \
            (categories.js:77-141; C16, C17, C24). Since log4js 6.3.0 a missing or null `categories` does \
            not even reach that check: building appenders reads it first and crashes with \
            `TypeError: Cannot convert undefined or null to object` (appenders/index.js:136; C25, S01). \
            A common cause is `categories` nested inside `appenders` (issue #798). Another is a log4js 1.x \
            config (S03; issues #555, #563, #581, #1102): a list of `appenders`, each naming its `category`, and \
            no `categories`. log4js 6 rejects it already at the list (C10, LC202: appenders are validated \
            before anything reads `categories`), and needs named appenders and a `categories` object.
            """,
        references: ["C16", "C17", "C24", "C25", "S01", "S03", "V02"],
        examples: [
            .bad(
                "log4js.json", #"«{"appenders": {"out": {"type": "stdout"}}}»"#,
                "log4js crashes at start-up with \"TypeError: Cannot convert undefined or null to object\": there is no \"categories\" object (log4js means: must have a property \"categories\" of type object)"
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": «{"Default": {"appenders": ["out"], "level": "info"}}»}"#,
                "log4js throws at start-up: there is no \"default\" category (\"must define a \\\"default\\\" category.\"); did you mean \"Default\"?",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
            .bad(
                "log4js.json", #"«{"appenders": [{"type": "file", "filename": "app.log", "category": "http"}]}»"#,
                "there is no \"categories\" object: this is the log4js 1.x format (a list of appenders, each naming its category), which log4js 6 rejects at start-up"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "A category named like `default` in another case or with a typo is renamed to `default`.")

    static let example = "\"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } }"
    /// A whole log4js 6 config.
    static let shape6 = "{ \"appenders\": { \"out\": { \"type\": \"stdout\" } }, \(example) }"

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        guard config.root.isMapping else { return }
        guard let entry = config.categoriesEntry, !entry.value.isNull, !entry.value.isUndefined else {
            var related: [RelatedLocation] = []
            if let nested = config.appendersEntry?.value.entry("categories") {
                related.append(
                    RelatedLocation(
                        Location(nested.tree.source, nested.keySpan),
                        "\"categories\" is nested inside \"appenders\" here; it must be at the top level"))
            }
            // The 1.x format: appenders validation (C10) throws before anything reads categories.
            if config.appendersEntry?.value.isSequence == true {
                context.report(
                    description,
                    "there is no \"categories\" object: this is the log4js 1.x format (a list of appenders, each naming its category), which log4js \(context.version.major) rejects at start-up",
                    at: Location(config.root), related: related, notes: [context.version.note],
                    help: "since log4js 2 appenders are named and categories pick them by name: \(shape6)")
                return
            }
            context.report(
                description,
                "log4js crashes at start-up with \"TypeError: Cannot convert undefined or null to object\": there is no \"categories\" object (log4js means: must have a property \"categories\" of type object)",
                at: config.categoriesEntry.map { Location($0.value) } ?? Location(config.root), related: related,
                help: "add \(example)")
            return
        }
        let value = entry.value
        switch value.kind {
        case .unknown:
            return
        case .sequence, .scalar:
            if let s = value.string, !s.isEmpty {
                context.report(
                    description,
                    "log4js crashes at start-up with a TypeError (\"category.appenders is not iterable\"): \"categories\" is a string, not an object of categories",
                    at: value, help: "for example \(example)")
            } else {
                context.report(
                    description,
                    "log4js throws at start-up: \"categories\" must be an object of named categories, not \(Log4jsContext.show(value)) (\"must have a property \\\"categories\\\" of type object.\")",
                    at: value, help: "for example \(example)")
            }
        case .mapping:
            if value.hasUnknownEntries { return }
            if value.entryCount == 0 {
                context.report(
                    description,
                    "log4js throws at start-up: \"categories\" is empty (\"must define at least one category.\")",
                    at: value, help: "add \(example)")
                return
            }
            if value.entry("default") == nil {
                let names = value.entries.compactMap(\.key)
                var fixes: [Fix] = []
                var message =
                    "log4js throws at start-up: there is no \"default\" category (\"must define a \\\"default\\\" category.\")"
                if let near = Suggest.closest("default", among: names, maxDistance: 2),
                    let e = value.entries.first(where: { $0.key == near })
                {
                    message += "; did you mean \"\(near)\"?"
                    fixes.append(
                        Fix("rename category \"\(near)\" to \"default\"", .safe, [Edits.renameKey(e, to: "default")]))
                }
                context.report(
                    description, message, at: value,
                    help:
                        "log4js sends events of every category it has no entry for to \"default\"; add one, for example \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" }",
                    fixes: fixes)
            }
        }
    }
}
