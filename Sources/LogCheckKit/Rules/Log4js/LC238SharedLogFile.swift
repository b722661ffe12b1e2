import LogCheckSyntax

public enum LC238SharedLogFile: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC238", slug: "shared-log-file", family: .log4js, severity: .warning,
        summary: "Two appenders of one config write the same file.",
        rationale: """
        log4js never checks whether appenders share a file (S07). Each file appender keeps its own size \
        and date and rolls on its own: one renames the file under the other, and lines are lost. \
        (The same file written by several processes is LC104.)
        """,
        references: ["S07"],
        examples: [
            .bad("log4js.json", #"{"appenders": {"all": {"type": "file", "filename": "logs/app.log"}, "daily": {"type": "dateFile", "filename": «"./logs/app.log"»}}, "categories": {"default": {"appenders": ["all", "daily"], "level": "info"}}}"#,
                 "appenders \"daily\" and \"all\" both write logs/app.log: each rolls the file on its own and moves it away from under the other, so lines are lost"),
            .good("log4js.json", #"{"appenders": {"all": {"type": "file", "filename": "logs/app.log"}, "daily": {"type": "dateFile", "filename": "logs/daily.log"}}, "categories": {"default": {"appenders": ["all", "daily"], "level": "info"}}}"#),
        ])

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        var seen: [String: Appender] = [:]
        for a in config.appenders {
            guard let type = a.type, type == "file" || type == "dateFile" || type == "fileSync",
                  config.builtAppenders.contains(a.name), let node = a.option("filename"), let name = node.string, !name.isEmpty else { continue }
            let key = Path.normalize(name)
            if let first = seen[key] {
                context.report(description, "appenders \"\(a.name)\" and \"\(first.name)\" both write \(key): each rolls the file on its own and moves it away from under the other, so lines are lost", at: node,
                               related: [RelatedLocation(Location(first.option("filename")!), "\"\(first.name)\" writes it here")],
                               help: "give each appender its own file, or list one appender in several categories")
            } else {
                seen[key] = a
            }
        }
    }
}
