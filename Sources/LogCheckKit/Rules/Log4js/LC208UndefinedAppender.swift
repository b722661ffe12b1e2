import LogCheckSyntax

public enum LC208UndefinedAppender: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC208", slug: "undefined-appender", family: .log4js, severity: .error,
        summary: "A category lists an appender name that `appenders` does not define.",
        rationale: """
            Every name in a category's `appenders` must be an appender log4js built \
            (categories.js:121-127, C22): `category "http" is not valid (appender "fil" is not defined)`. \
            Appender and category names are separate namespaces (S33), so `appenders.default` is fine, but the \
            names must match exactly, case included.
            """,
        references: ["C22"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, "file": {"type": "file", "filename": "app.log"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}, "http": {"appenders": [«"fil"»], "level": "info"}}}"#,
                "log4js throws at start-up: category \"http\" lists appender \"fil\", which is not defined; defined appenders are: out, file",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout"}, "file": {"type": "file", "filename": "app.log"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}, "http": {"appenders": ["file"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"default": {"type": "stdout"}}, "categories": {"default": {"appenders": ["default"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription:
            "When exactly one defined appender name is close to the unknown one, the name is replaced by it.")

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        guard let appendersNode = config.appendersEntry?.value, appendersNode.isMapping,
            !appendersNode.hasUnknownEntries
        else { return }
        let defined = config.appenders.map(\.name)
        for resolved in config.resolved {
            guard let cat = resolved.category else { continue }
            for ref in resolved.appenders where ref.inheritedFrom == nil {
                if ref.node.isUnknown { continue }
                if let name = ref.name, defined.contains(name) { continue }
                let shown = ref.name.map { "\"\($0)\"" } ?? Log4jsContext.show(ref.node)
                var fixes: [Fix] = []
                if let name = ref.name {
                    let close = Suggest.close(name, among: defined)
                    if close.count == 1
                        || (close.first.map { Suggest.normalized($0) == Suggest.normalized(name) } ?? false)
                    {
                        fixes.append(
                            Fix(
                                "use appender \"\(close[0])\"", .safe,
                                [Edits.replaceValue(ref.node, with: .string(close[0]))]))
                    }
                }
                context.report(
                    description,
                    "log4js throws at start-up: category \"\(cat.name)\" lists appender \(shown), which is not defined; defined appenders are: \(context.definedAppenderList)",
                    at: ref.node, fixes: fixes)
            }
        }
    }
}
