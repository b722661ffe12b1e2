import LogCheckSyntax

public enum LC222MultiprocessMasterAppender: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC222", slug: "multiprocess-master-appender", family: .log4js, severity: .error,
        summary: "A multiprocess master has no `appender`, or names one that is not defined.",
        rationale: """
            A `multiprocess` appender with `mode: "master"` forwards every event to its `appender` and is built \
            even when no category uses it (appenders/index.js:142-146). Without `appender` it throws \
            `multiprocess master must have an "appender" defined` (C43); with an undefined name, \
            `multiprocess master appender "…" not defined` (C44) (multiprocess.js:175-186).
            """,
        references: ["C43", "C44"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log"}, «"server"»: {"type": "multiprocess", "mode": "master"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#,
                "log4js throws at start-up: multiprocess master \"server\" has no \"appender\" to write the events it receives to (\"multiprocess master must have an \\\"appender\\\" defined\")"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log"}, "server": {"type": "multiprocess", "mode": "master", "appender": "file"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "A misspelt appender name close to exactly one defined appender is corrected.")

    public static func check(_ context: inout Log4jsContext) {
        let defined = context.config.appenders.map(\.name)
        for a in context.config.appenders where a.type == "multiprocess" && a.option("mode")?.isString("master") == true
        {
            guard let target = a.option("appender"), !target.isUndefined else {
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: multiprocess master \"\(a.name)\" has no \"appender\" to write the events it receives to (\"multiprocess master must have an \\\"appender\\\" defined\")",
                    at: a.entry.keyNode,
                    help:
                        "add \"appender\": the name of the appender that writes the events; defined appenders are: \(context.definedAppenderList)"
                )
                continue
            }
            if target.isUnknown { continue }
            if let name = target.string, defined.contains(name) { continue }
            var fixes: [Fix] = []
            if let name = target.string, let near = Suggest.closest(name, among: defined.filter { $0 != a.name }) {
                fixes.append(Fix("use appender \"\(near)\"", .safe, [Edits.replaceValue(target, with: .string(near))]))
            }
            context.reportAppender(
                a, description,
                "log4js throws at start-up: multiprocess master \"\(a.name)\" forwards to appender \(Log4jsContext.show(target)), which is not defined (\"multiprocess master appender \(Log4jsContext.show(target)) not defined\"); defined appenders are: \(context.definedAppenderList)",
                at: target, fixes: fixes)
        }
    }
}
