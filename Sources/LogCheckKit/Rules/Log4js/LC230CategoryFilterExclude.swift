import LogCheckSyntax

public enum LC230CategoryFilterExclude: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC230", slug: "category-filter-exclude", family: .log4js, severity: .warning,
        summary: "A categoryFilter's `exclude` is missing or is neither a category name nor a list of them.",
        rationale: """
            `categoryFilter` does not check `exclude`: missing, or anything but a string or an array of \
            strings, and the first event throws a TypeError (docs/evidence/log4js.md#core-appenders).
            """,
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, «"no-http"»: {"type": "categoryFilter", "appender": "out"}}, "categories": {"default": {"appenders": ["no-http"], "level": "info"}}}"#,
                "categoryFilter \"no-http\" has no \"exclude\": the first event it sees throws a TypeError"),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, "no-http": {"type": "categoryFilter", "exclude": ["http"], "appender": "out"}}, "categories": {"default": {"appenders": ["no-http"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders where a.type == "categoryFilter" {
            guard let exclude = a.option("exclude"), !exclude.isUndefined else {
                if !a.node.hasUnknownEntries {
                    context.reportAppender(
                        a, description,
                        "categoryFilter \"\(a.name)\" has no \"exclude\": the first event it sees throws a TypeError",
                        at: a.entry.keyNode,
                        help: "add \"exclude\": a category name, or a list of them")
                }
                continue
            }
            if exclude.isUnknown || exclude.string != nil || exclude.isSequence { continue }
            context.reportAppender(
                a, description,
                "categoryFilter \"\(a.name)\" has exclude \(Log4jsContext.show(exclude)), but it must be a category name or a list of them: the first event it sees throws a TypeError",
                at: exclude)
        }
    }
}
