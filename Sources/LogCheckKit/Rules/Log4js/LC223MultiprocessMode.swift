import LogCheckSyntax

public enum LC223MultiprocessMode: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC223", slug: "multiprocess-mode", family: .log4js, severity: .warning,
        summary: "A multiprocess appender that looks meant as a master but runs as a worker.",
        rationale: """
            Only `mode` exactly `"master"` makes a multiprocess master; anything else, `"Master"` or a missing \
            mode included, silently makes a worker that connects to port 5000 (multiprocess.js:162-168, S21). \
            An `appender` option is only read by a master, so a worker that has one was meant to be the master.
            """,
        references: ["S21"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log"}, "server": {"type": "multiprocess", "mode": «"Master"», "appender": "file"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#,
                "mode \"Master\" is not exactly \"master\", so this multiprocess appender runs as a worker: it connects to a master instead of listening, and never writes to \"file\"",
                fixed:
                    #"{"appenders": {"file": {"type": "file", "filename": "app.log"}, "server": {"type": "multiprocess", "mode": "master", "appender": "file"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "multiprocess", "mode": "worker", "loggerPort": 5000}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "A mode that is `master` in another case or with spaces becomes `\"master\"`.")

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders where a.type == "multiprocess" {
            let mode = a.option("mode")
            if mode?.isUnknown == true || mode?.isString("master") == true { continue }
            let target = a.option("appender").flatMap { $0.string }
            if let mode, let s = mode.string, s.trimmingWhitespace().lowercased() == "master" {
                let writes = target.map { ", and never writes to \"\($0)\"" } ?? ""
                context.reportAppender(
                    a, description,
                    "mode \"\(s)\" is not exactly \"master\", so this multiprocess appender runs as a worker: it connects to a master instead of listening\(writes)",
                    at: mode,
                    fixes: [Fix("set mode to \"master\"", .safe, [Edits.replaceValue(mode, with: .string("master"))])])
            } else if let target {
                context.reportAppender(
                    a, description,
                    "this multiprocess appender has an \"appender\" (\"\(target)\"), which only a master uses, but its mode is not \"master\": it runs as a worker",
                    at: mode ?? a.entry.keyNode,
                    help: "add \"mode\": \"master\" if this process should receive the events, or remove \"appender\"")
            }
        }
    }
}
