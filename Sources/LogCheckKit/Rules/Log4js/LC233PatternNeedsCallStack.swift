import LogCheckSyntax

public enum LC233PatternNeedsCallStack: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC233", slug: "pattern-needs-call-stack", family: .log4js, severity: .warning,
        summary:
            "A pattern prints caller information (`%f %l %o %s %C %M %A %F`), but no category that writes to it sets `enableCallStack: true`.",
        rationale: """
            The file, line, column, stack, class, method and function tokens are filled only for events of a \
            category with `enableCallStack: true` (S27); otherwise they print nothing, silently. \
            `enableCallStack` is not inherited by dotted categories.
            """,
        references: ["S27"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout", "layout": {"type": "pattern", "pattern": «"%d %p %f:%l %m"»}}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "the pattern uses %f, %l (caller file and line), but no category that writes to \"out\" sets \"enableCallStack\": true, so they print nothing"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout", "layout": {"type": "pattern", "pattern": "%d %p %f:%l %m"}}}, "categories": {"default": {"appenders": ["out"], "level": "info", "enableCallStack": true}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        for a in config.appenders {
            guard let layout = a.option("layout"), layout["type"]?.isString("pattern") == true,
                let node = layout["pattern"], let pattern = node.string
            else { continue }
            let used = PatternLayout.tokens(pattern).compactMap { $0.conversion }.filter {
                Log4jsFacts.callStackTokens.contains($0)
            }
            guard !used.isEmpty else { continue }
            let categories = config.categoriesReaching(a.name)
            guard !categories.isEmpty else { continue }
            if categories.contains(where: { $0.enableCallStack?.bool == true || $0.enableCallStack?.isUnknown == true })
            {
                continue
            }
            var unique: [Character] = []
            for t in used where !unique.contains(t) { unique.append(t) }
            let names = unique.map { "%\($0)" }.joined(separator: ", ")
            let what =
                unique.count == 2 && unique.contains("f") && unique.contains("l")
                ? " (caller file and line)" : " (caller information)"
            context.reportAppender(
                a, description,
                "the pattern uses \(names)\(what), but no category that writes to \"\(a.name)\" sets \"enableCallStack\": true, so they print nothing",
                at: node,
                help: "add \"enableCallStack\": true to category "
                    + categories.map { "\"\($0.name)\"" }.joined(separator: ", "))
        }
    }
}
