import LogCheckSyntax

public enum LC104SharedRotatingFile: DeploymentRule {
    public static let description = RuleDescription(
        id: "LC104", slug: "shared-rotating-file", family: .deployment, severity: .error,
        summary: "Several processes of an app write and rotate the same log file.",
        rationale: """
            In fork mode, and in cluster mode with `disableClustering: true`, every process builds its own \
            appenders (docs/evidence/log4js.md#routing rows 8, 9). A `file`, `fileSync` or `multiFile` appender with \
            `maxLogSize` counts only the bytes its own process wrote and rolls on its own; the processes rename \
            the live file under each other, and streamroller's `fs.move(…, {overwrite: true})` replaces \
            backups (CP8; streamroller #62, #163; log4js #408, #590). A `dateFile` appender makes every process \
            roll at the same moment and race on the rename. The same holds in cluster mode, `pm2: true` or not, \
            for an app whose script is a package manager (`pm2 start -i 4 npm -- start`): its code runs in a \
            child of npm, which Node never makes a cluster worker, so every instance is its own log4js master (docs/evidence/measured.md#M9).

            **Measured** (docs/evidence/measured.md#M6): with rotation, **15-95% of lines lost, varying per run**: 44% on \
            average with 2 fork processes, 75% with 4; 44-50% in cluster mode with `disableClustering`. A \
            per-second dateFile pattern lost 72-74% with 4 writers. Without rotation, nothing was lost.
            """,
        references: ["CP8", "S07"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'fork', instances: 4 }],\n};\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"file\": { \"type\": \"file\", \"filename\": «\"logs/api.log\"», \"maxLogSize\": \"10M\", \"backups\": 5 } },\n  \"categories\": { \"default\": { \"appenders\": [\"file\"], \"level\": \"info\" } }\n}\n"
                    ),
                ],
                messages: [
                    "the 4 processes of app \"api\" (fork mode) each write and roll logs/api.log on their own: each counts only its own bytes and renames the file under the others, so log lines are lost"
                ]),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'fork', instances: 4 }],\n};\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } }\n}\n"
                    ),
                ], caption: "stdout is collected by PM2 per process."),
        ])

    public static func check(_ context: inout DeploymentContext) {
        let d = context.deployment
        let writers = d.independentWriters
        guard writers != .no else { return }
        let how =
            if let manager = d.app.packageManager {
                "each running the app in a child of \(manager), which is never a cluster worker"
            } else {
                d.app.mode == .fork
                    ? "fork mode"
                    : d.app.mode == .cluster ? "cluster mode with disableClustering" : "each process writing itself"
            }
        var related: [RelatedLocation] = []
        if let origin = context.modeOrigin { related.append(origin) }
        for a in d.config.appenders where d.config.builtAppenders.contains(a.name) {
            guard let type = a.type else { continue }
            let rotates =
                a.option("maxLogSize").map {
                    MaxLogSize.convert($0).map { if case .bytes(let n) = $0 { return n > 0 } else { return false } }
                        ?? ($0.isUnknown)
                } ?? false
            let datePattern = type == "dateFile" || (type == "file" && a.option("pattern")?.string != nil)
            let node = type == "multiFile" ? a.option("base") : a.option("filename")
            guard Log4jsFacts.fileTypes.contains(type), let at = node ?? Optional(a.entry.keyNode),
                !(node?.isUnknown ?? false)
            else { continue }
            let file = node?.string ?? a.name
            let measured =
                "measured with log4js 6.9.1 under a simulated PM2: 15-95% of lines lost per run (44% on average with 2 fork processes, 75% with 4); nothing lost without rotation"
            let help =
                d.app.packageManager.map {
                    "point the app's script at the file `\($0)` runs instead of \($0) (then cluster mode with \"pm2\": true lets only instance 0 write, and PM2 collects stdout per process), or give each process its own file"
                }
                ?? "log to stdout and let PM2 write one file per process, give each process its own file, or run in cluster mode with \"pm2\": true so only instance 0 writes"
            let who = "the \(d.app.processesPhrase) of \(context.appLabel) (\(how))"
            if rotates {
                let severity: Severity = writers == .yes ? .error : .warning
                let prefix = writers == .yes ? "" : "if the app runs more than one process: "
                context.report(
                    description,
                    prefix
                        + "\(who) each write and roll \(file) on their own: each counts only its own bytes and renames the file under the others, so log lines are lost",
                    at: Location(at), severity: severity, related: related, notes: [measured], help: help)
            } else if datePattern {
                context.report(
                    description,
                    "\(who) each write \(file) and roll it by date at the same moment: they race on the rename and overwrite each other's old files",
                    at: Location(at), severity: .warning, related: related,
                    notes: [
                        "measured with log4js 6.9.1 under a simulated PM2 with a per-second pattern: 72-74% of lines lost with 4 processes"
                    ], help: help)
            }
        }
    }
}
