import LogCheckSyntax

public enum LC226FilterAppenderUndefined: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC226", slug: "filter-appender-undefined", family: .log4js, severity: .warning,
        summary: "A filter's `appender` is missing, a list, or not a defined appender.",
        rationale: """
            `logLevelFilter`, `categoryFilter` and `noLogFilter` look their target up with `findAppender`, which \
            returns `false` for an unknown name, and nothing checks it (S10). configure() succeeds, then every \
            event that reaches the filter throws `TypeError: appender is not a function` out of the log call \
            (issues #502, #746). `appender` is one name, not a list.
            """,
        references: ["S10"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"errors": {"type": "file", "filename": "errors.log"}, "only-errors": {"type": "logLevelFilter", "appender": «"error"», "level": "error"}}, "categories": {"default": {"appenders": ["only-errors"], "level": "info"}}}"#,
                "filter \"only-errors\" sends to appender \"error\", which is not defined: every event it lets through throws \"TypeError: appender is not a function\"; defined appenders are: errors, only-errors",
                fixed:
                    #"{"appenders": {"errors": {"type": "file", "filename": "errors.log"}, "only-errors": {"type": "logLevelFilter", "appender": "errors", "level": "error"}}, "categories": {"default": {"appenders": ["only-errors"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"errors": {"type": "file", "filename": "errors.log"}, "only-errors": {"type": "logLevelFilter", "appender": "errors", "level": "error"}}, "categories": {"default": {"appenders": ["only-errors"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "A misspelt name close to exactly one defined appender is corrected.")

    public static func check(_ context: inout Log4jsContext) {
        let defined = context.config.appenders.map(\.name)
        for a in context.config.appenders where a.isFilter {
            guard let target = a.option("appender"), !target.isUndefined else {
                context.reportAppender(
                    a, description,
                    "filter \"\(a.name)\" has no \"appender\" to pass events to: every event it lets through throws \"TypeError: appender is not a function\"",
                    at: a.entry.keyNode, help: "add \"appender\": the name of the appender it filters for")
                continue
            }
            if target.isUnknown { continue }
            if target.isSequence {
                context.reportAppender(
                    a, description,
                    "filter \"\(a.name)\" has \"appender\" as a list, but it takes one appender name: every event it lets through throws \"TypeError: appender is not a function\"",
                    at: target,
                    help: "use one filter per target appender")
                continue
            }
            if let name = target.string, defined.contains(name), name != a.name { continue }
            if target.string == a.name { continue }
            var fixes: [Fix] = []
            if let name = target.string {
                let close = Suggest.close(name, among: defined.filter { $0 != a.name })
                if close.count == 1 {
                    fixes.append(
                        Fix(
                            "use appender \"\(close[0])\"", .safe, [Edits.replaceValue(target, with: .string(close[0]))]
                        ))
                }
            }
            context.reportAppender(
                a, description,
                "filter \"\(a.name)\" sends to appender \(Log4jsContext.show(target)), which is not defined: every event it lets through throws \"TypeError: appender is not a function\"; defined appenders are: \(context.definedAppenderList)",
                at: target, fixes: fixes)
        }
    }
}
