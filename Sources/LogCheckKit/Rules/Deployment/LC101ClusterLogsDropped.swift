import LogCheckSyntax

public enum LC101ClusterLogsDropped: DeploymentRule {
    public static let description = RuleDescription(
        id: "LC101", slug: "cluster-logs-dropped", family: .deployment, severity: .error,
        summary:
            "An app in PM2 cluster mode with a log4js config that sets neither `pm2` nor `disableClustering`: every log line is lost.",
        rationale: """
            PM2 starts every instance of a cluster-mode app with `cluster.fork()` (ClusterMode.js), so every \
            instance is a cluster *worker*, including with `instances: 1`. log4js in a worker builds no \
            appenders and sends each event to the cluster master with `process.send` (clustering.js:89-101, \
            docs/evidence/log4js.md#routing row 4). The master is PM2's daemon, which does not run log4js and drops the \
            message (CP1; log4js #265, #510, #820; Unitech/pm2#3215). Network appenders (`tcp`, `multiprocess` \
            workers) are replaced by no-ops in a worker as well (CP10).

            **Measured** (log4js 6.9.1 under a simulated PM2, docs/evidence/measured.md#M3): **100% of lines lost**, for \
            every appender *including console*, with 1, 2 or 4 instances, with or without pm2-intercom.

            `disableClustering: true` makes every process write its own appenders (0% lost for stdout, console \
            and files without rotation; rotating files then need LC104). `pm2: true` makes instance 0 write for \
            all (then LC102 and LC103 apply).

            An app whose script is a package manager (`script: 'npm'`, `pm2 start npm -- start`) is not \
            reported: its code runs in a child of npm, which Node never makes a cluster worker, so log4js \
            there writes its own appenders (docs/evidence/measured.md#M9; LC313 says where its stdout goes).

            Only log4js 2.0 and later forward a worker's events: 0.6 and 1.x have every process write \
            its own appenders (V03), so logcheck reports this only when the project's package.json declares \
            log4js 2 or later, or declares no version (then it assumes 6.x, and says so).
            """,
        references: ["CP1", "CP10", "R10", "R30", "V03", "V04"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 4 }],\n};\n"),
                    ExampleFile(
                        "log4js.json",
                        "«{»\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } }\n}\n"
                    ),
                ],
                messages: [
                    "log4js loses every log line of app \"api\": PM2 runs it in cluster mode (4 processes), where each process is a cluster worker, and this config sets neither \"pm2\" nor \"disableClustering\", so log4js sends every event to the cluster master (PM2's daemon), which never writes it"
                ],
                fixed: [
                    "log4js.json":
                        "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"disableClustering\": true\n}\n"
                ]),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 4 }],\n};\n"),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"disableClustering\": true\n}\n"
                    ),
                ], caption: "Each process writes to its own stdout, which PM2 collects per process."),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js' }],\n};\n"),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"file\": { \"type\": \"file\", \"filename\": \"app.log\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"file\"], \"level\": \"info\" } }\n}\n"
                    ),
                ], caption: "Fork mode: every process is its own log4js master."),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'npm', args: 'start', instances: 4 }],\n};\n"
                    ),
                    ExampleFile("package.json", "{\n  \"scripts\": { \"start\": \"node server.js\" }\n}\n"),
                    ExampleFile(
                        "server.js",
                        "const log4js = require('log4js');\nlog4js.configure({\n  appenders: { file: { type: 'file', filename: 'app.log' } },\n  categories: { default: { appenders: ['file'], level: 'info' } },\n});\n"
                    ),
                ],
                caption:
                    "npm runs server.js as its child, which is never a cluster worker: log4js there writes its own appenders (and its stdout goes to PM2's own log, LC313)."
            ),
        ],
        fix: .mixed,
        fixDescription: """
            When every appender the config builds writes to stdout, stderr, the console or the network, the fix \
            adds `"disableClustering": true` (safe: PM2 collects each process's output). Otherwise it adds \
            `"pm2": true` (and `"pm2InstanceVar"` when the app renames its instance variable), which is unsafe: \
            with more than one instance it also needs the pm2-intercom module (LC103).
            """)

    /// Appenders whose output survives every process writing it: stdio and network.
    static func allStdioOrNetwork(_ config: Log4jsConfig) -> Bool {
        let safe = Log4jsFacts.stdioTypes.union(["tcp", "recording"]).union(Log4jsFacts.filterTypes)
        let built = config.appenders.filter { config.builtAppenders.contains($0.name) }
        return !built.isEmpty
            && built.allSatisfy { a in
                guard let t = a.type else { return false }
                if t == "multiprocess" { return a.option("mode")?.isString("master") != true }
                return safe.contains(t)
            }
    }

    /// Shared by every finding (one array, not one per finding).
    static let notes = [
        "measured with log4js 6.9.1 under a simulated PM2: 100% of lines lost, for every appender including console, with 1, 2 or 4 instances"
    ]

    public static func check(_ context: inout DeploymentContext) {
        let d = context.deployment
        let config = d.config
        let mode = d.codeMode
        // Before log4js 2 a worker writes its own appenders (docs/evidence/log4js.md, V03).
        guard d.log4jsVersion.forwardsClusterEvents else { return }
        guard mode != .fork, config.pm2 != .yes, config.disableClustering != .yes else { return }
        guard config.root.isMapping else { return }
        var related: [RelatedLocation] = []
        if let origin = context.modeOrigin { related.append(origin) }
        var fixes: [Fix] = []
        if allStdioOrNetwork(config) {
            fixes.append(
                Fix(
                    "add \"disableClustering\": true", .safe,
                    Edits.insertEntry(into: config.root, key: "disableClustering", value: .bool(true))))
        } else {
            var pairs = [("pm2", Edits.literal(.bool(true), in: config.root.tree))]
            if let v = d.appInstanceVariable, v != Log4jsFacts.defaultInstanceVar {
                pairs.append(("pm2InstanceVar", Edits.literal(.string(v), in: config.root.tree)))
            }
            let edits = Edits.insertEntries(into: config.root, pairs)
            fixes.append(
                Fix(
                    "add \"pm2\": true"
                        + (d.appInstanceVariable.map {
                            $0 != Log4jsFacts.defaultInstanceVar ? " and \"pm2InstanceVar\": \"\($0)\"" : ""
                        } ?? ""), .unsafe, edits))
        }
        let help =
            "set \"disableClustering\": true so each process writes its own appenders (best with stdout, which PM2 collects per process), or \"pm2\": true so instance 0 writes for all (with more than one instance this needs pm2-intercom, see LC103)"
        if mode == .unknown || config.pm2 == .unknown || config.disableClustering == .unknown {
            let why =
                mode == .unknown
                ? "if PM2 runs \(context.appLabel) in cluster mode (its mode is decided at run time)"
                : "if \"pm2\" and \"disableClustering\" are false at run time"
            context.report(
                description,
                "log4js loses every log line of \(context.appLabel) \(why): each process is then a cluster worker, and log4js sends every event to the cluster master (PM2's daemon), which never writes it",
                at: context.configHead, severity: .warning, related: related, notes: notes + [context.version.note],
                help: help,
                fixes: fixes)
            return
        }
        context.report(
            description,
            "log4js loses every log line of \(context.appLabel): PM2 runs it in cluster mode (\(d.app.instancesDescription)), where each process is a cluster worker, and this config sets neither \"pm2\" nor \"disableClustering\", so log4js sends every event to the cluster master (PM2's daemon), which never writes it",
            at: context.configHead, related: related, notes: notes + [context.version.note], help: help,
            fixes: fixes)
    }
}
