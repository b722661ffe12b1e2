import LogCheckSyntax

public enum LC110LogFileInWatchedTree: DeploymentRule {
    public static let description = RuleDescription(
        id: "LC110", slug: "log-file-in-watched-tree", family: .deployment, severity: .warning,
        summary:
            "`watch` is on and a log4js file appender writes inside the watched tree: every log line restarts the app.",
        rationale: """
            With `watch` on, PM2 restarts the app when a file under the watched paths (by default its working \
            directory) changes, ignoring only dot files and `node_modules` unless `ignore_watch` says otherwise \
            (Watcher.js, R35). log4js resolves a relative `filename` against `process.cwd()`, which PM2 sets to \
            the app's `cwd`, so a `file`, `fileSync` or `dateFile` appender writing `logs/app.log` changes a \
            watched file on every line: the app restarts, logs its start-up, and restarts again. LC331 checks \
            PM2's own log files the same way; this rule checks the files of the log4js config the app loads. \
            `watch` may come from the command line that starts the ecosystem file (`pm2 start \
            ecosystem.config.js --watch`, `pm2-runtime --watch`, `pm2-dev`), which turns it on for every app \
            whose own is falsy (API.js:1002-1004).
            """,
        references: ["R35"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', watch: true }],\n};\n"),
                    ExampleFile(
                        "log4js.json",
                        #"{"appenders": {"file": {"type": "file", "filename": «"logs/api.log"»}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
                    ),
                ],
                messages: [
                    "watch is on for app \"api\" and log4js appender \"file\" writes logs/api.log inside the watched tree: every line it logs restarts the app"
                ]),
            RuleExample(files: [
                ExampleFile(
                    "ecosystem.config.js",
                    "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', watch: ['src'], ignore_watch: ['logs'] }],\n};\n"
                ),
                ExampleFile(
                    "log4js.json",
                    #"{"appenders": {"file": {"type": "file", "filename": "logs/api.log"}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
                ),
            ]),
        ])

    public static func check(_ context: inout DeploymentContext) {
        let app = context.app
        let config = context.config
        // Where watch comes from: the app's own, or a command line that starts its ecosystem file.
        let watchedBy: String
        let watchAt: RelatedLocation
        var overrides: EcosystemOverrides?
        if let watch = app.field(.watch), watch.value.isTruthy == true {
            watchedBy = "watch is on for \(context.appLabel)"
            watchAt = RelatedLocation(Location(watch.value), "PM2 watches \(context.appLabel)'s files here")
        } else if let start = context.starts.first(where: { s in
            s.overrides.watch != nil && s.overrides.starts(app.name) == .yes
        }), let word = start.overrides.watch {
            watchedBy = "\(start.label) turns watch on for \(context.appLabel)"
            watchAt = RelatedLocation(start.location(word), "this command line turns watch on for \(context.appLabel)")
            overrides = start.overrides
        } else {
            return
        }
        for a in config.appenders where config.builtAppenders.contains(a.name) {
            guard let type = a.type, ["file", "fileSync", "dateFile"].contains(type),
                let filename = a.option("filename"), let path = filename.string, !path.isEmpty,
                app.watchRestarts(onChangeTo: path, startedWith: overrides) == .yes
            else { continue }
            context.report(
                description,
                "\(watchedBy) and log4js appender \"\(a.name)\" writes \(path) inside the watched tree: every line it logs restarts the app",
                at: Location(filename),
                related: [watchAt],
                help:
                    "add the log folder to ignore_watch (ignore_watch: ['node_modules', '\(Path.dirname(path) == "." ? path : Path.dirname(path))']), or write the logs outside the watched tree"
            )
        }
    }
}
