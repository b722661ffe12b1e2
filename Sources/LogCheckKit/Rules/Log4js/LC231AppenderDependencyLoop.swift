import LogCheckSyntax

public enum LC231AppenderDependencyLoop: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC231", slug: "appender-dependency-loop", family: .log4js, severity: .error,
        summary: "Filters (or a multiprocess master) refer to each other in a loop.",
        rationale: """
            Building a filter builds its target first (`findAppender`); a chain that comes back to itself, \
            including a filter that names itself, throws `Dependency loop detected for appender …` \
            (appenders/index.js:62-63, C14).
            """,
        references: ["C14"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"a": {"type": "logLevelFilter", "level": "error", "appender": "b"}, "b": {"type": "logLevelFilter", "level": "warn", "appender": «"a"»}}, "categories": {"default": {"appenders": ["a"], "level": "info"}}}"#,
                "log4js throws at start-up: appenders a → b → a refer to each other in a loop (\"Dependency loop detected for appender a.\")"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "a.log"}, "a": {"type": "logLevelFilter", "level": "error", "appender": "file"}}, "categories": {"default": {"appenders": ["a"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        func next(_ a: Appender) -> String? {
            if a.isFilter { return a.targetName }
            if a.type == "multiprocess" && a.option("mode")?.isString("master") == true { return a.targetName }
            return nil
        }
        var reported = Set<String>()
        for start in config.appenders {
            var path: [Appender] = [start]
            var current = start
            while let name = next(current), let target = config.appender(named: name) {
                if let loopStart = path.firstIndex(where: { $0.name == target.name }) {
                    let loop = Array(path[loopStart...])
                    let key = loop.map(\.name).sorted().joined(separator: "|")
                    if loopStart == 0 && reported.insert(key).inserted, let last = loop.last,
                        let at = last.option("appender")
                    {
                        let names = (loop.map(\.name) + [target.name]).joined(separator: " → ")
                        context.reportAppender(
                            loop[0], description,
                            "log4js throws at start-up: appenders \(names) refer to each other in a loop (\"Dependency loop detected for appender \(loop[0].name).\")",
                            at: at)
                    }
                    break
                }
                path.append(target)
                current = target
            }
        }
    }
}
