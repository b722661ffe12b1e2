import LogCheckSyntax

public enum LC229NoLogFilterExclude: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC229", slug: "no-log-filter-exclude", family: .log4js, severity: .warning,
        summary: "A noLogFilter's `exclude` is missing or is not a valid JavaScript regular expression.",
        rationale: """
            `noLogFilter` compiles each `exclude` entry with `new RegExp(source, 'i')` at every event and never \
            checks them at configure time (S13): an invalid expression throws a SyntaxError from every log \
            call, and a missing `exclude` a TypeError. logcheck reads each expression with the ECMAScript \
            grammar V8 uses (no `u` flag) and quotes V8's error.
            """,
        references: ["S13"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, "quiet": {"type": "noLogFilter", "exclude": [«"(health"», "metrics"], "appender": "out"}}, "categories": {"default": {"appenders": ["quiet"], "level": "info"}}}"#,
                "noLogFilter \"quiet\" excludes \"(health\", which is not a valid regular expression (Unterminated group): every event it sees throws a SyntaxError"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, "quiet": {"type": "noLogFilter", "exclude": ["^GET /health", "metrics?"], "appender": "out"}}, "categories": {"default": {"appenders": ["quiet"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders where a.type == "noLogFilter" {
            guard let exclude = a.option("exclude"), !exclude.isUndefined, !exclude.isNull else {
                if !a.node.hasUnknownEntries {
                    context.reportAppender(
                        a, description,
                        "noLogFilter \"\(a.name)\" has no \"exclude\": every event it sees throws a TypeError",
                        at: a.entry.keyNode,
                        help: "add \"exclude\": a regular expression (or a list of them) matched against each message")
                }
                continue
            }
            let items = exclude.isSequence ? Array(exclude.elements) : [exclude]
            for item in items {
                guard let source = item.string, let error = ECMARegex.error(in: source) else { continue }
                context.reportAppender(
                    a, description,
                    "noLogFilter \"\(a.name)\" excludes \"\(source)\", which is not a valid regular expression (\(error)): every event it sees throws a SyntaxError",
                    at: item)
            }
        }
    }
}
