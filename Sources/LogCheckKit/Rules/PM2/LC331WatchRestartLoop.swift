import LogCheckSyntax

public enum LC331WatchRestartLoop: EcosystemRule, EcosystemStartRule {
    public static let description = RuleDescription(
        id: "LC331", slug: "watch-restart-loop", family: .pm2, severity: .warning,
        summary: "`watch` on a tree that contains the app's own log files, which `ignore_watch` does not exclude.",
        rationale: """
            With `watch` on, PM2 restarts the app when a file under the watched paths (by default its working \
            directory) changes; without `ignore_watch` it ignores only dot files and `node_modules` \
            (Watcher.js). If the app's `out_file`, `error_file` or `log_file` is inside, every line it logs \
            changes a watched file and restarts it: a restart loop (inferred from chokidar's behaviour, corpus \
            120, R35).

            The command line that starts the file can turn `watch` on too: `pm2 start ecosystem.config.js \
            --watch`, `pm2-runtime --watch` and `pm2-dev` set it on every app whose own `watch` is falsy \
            (API.js:1002-1004; DevCLI.js:67). logcheck reads the launch files that start the ecosystem file \
            (package.json scripts, Dockerfiles, shell scripts) and reports those apps at their log file, \
            with the command line as the related location.
            """,
        references: ["R35"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'index.js', watch: true, log_file: «'./api.log'» }],\n};\n",
                "watch is on for app \"api\" and log_file \"./api.log\" is inside the watched tree: every line it logs restarts the app"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'index.js', watch: true, ignore_watch: ['node_modules', 'logs'], log_file: './logs/api.log' }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            for key in [PM2Key.outFile, .errorFile, .logFile] {
                guard let f = app.field(key), let raw = f.value.string, !raw.containsBytes("NULL"),
                    app.watchRestarts(onChangeTo: raw) == .yes
                else { continue }
                context.report(
                    description,
                    "watch is on for \(EcosystemContext.label(app)) and \(key.name) \"\(raw)\" is inside the watched tree: every line it logs restarts the app",
                    at: f.value,
                    help: "add its directory to ignore_watch, or write logs outside the watched tree")
            }
        }
    }

    /// The apps a command line turns watch on for (`pm2 start ecosystem.config.js --watch`).
    public static func check(_ context: inout EcosystemStartContext) {
        let start = context.start
        guard let word = start.overrides.watch else { return }
        for app in context.startedApps where app.field(.watch)?.value.isTruthy != true {
            for key in [PM2Key.outFile, .errorFile, .logFile] {
                guard let f = app.field(key), let raw = f.value.string, !raw.containsBytes("NULL"),
                    app.watchRestarts(onChangeTo: raw, startedWith: start.overrides) == .yes
                else { continue }
                context.report(
                    description,
                    "\(start.label) turns watch on for \(EcosystemContext.label(app)) of \(context.ecosystemName), and \(key.name) \"\(raw)\" is inside the watched tree: every line it logs restarts the app",
                    at: Location(f.value),
                    related: [
                        RelatedLocation(
                            start.location(word),
                            "this command line turns watch on for the apps of \(context.ecosystemName)")
                    ],
                    help:
                        "give \(EcosystemContext.label(app)) an ignore_watch with the log file's directory (the command line never replaces an app's own), or write logs outside the watched tree"
                )
            }
        }
    }
}
