import LogCheckSyntax

public enum LC111SelfClusterLogsDropped: ClusteredAppRule {
    public static let description = RuleDescription(
        id: "LC111", slug: "self-cluster-logs-dropped", family: .deployment, severity: .error,
        summary:
            "An app that forks its own cluster workers calls log4js `configure()` only where it does not reach the workers' lines: every line of the workers is lost.",
        rationale: """
            An app that calls `cluster.fork()` (in an `if (cluster.isMaster)`, `isPrimary` or `isWorker` \
            branch) is its own cluster primary when it is started with `node app.js` or by PM2 in fork mode. \
            log4js in its workers builds no appenders and sends every event to that primary \
            (clustering.js:89-101, appenders/index.js:112-125), which writes them only if it called \
            `configure()` itself: that call is what makes it listen (clustering.js:77-79, CP12, \
            docs/evidence/log4js.md#routing row 12).

            Two shapes lose every line of the workers:

            - `configure()` only in the workers' code (the worker branch, a module only the worker branch \
            requires, or the code after a primary branch that returns): the primary never listens, and \
            the events are dropped. When the primary calls `getLogger()` without `configure()`, log4js \
            configures itself there with its default config, and the workers' events go to the primary's \
            stdout in that default coloured layout instead of this config's appenders (a warning).
            - `configure()` only in the primary's code: a worker's first `getLogger()` configures log4js with \
            its default config, whose level is `OFF` (log4js.js:156-166), so each worker drops every line \
            before it is sent. Under PM2 cluster mode the primary branch never runs at all (every instance \
            is a worker of PM2's daemon), with the same result.

            **Measured** (log4js 6.9.1, an app forking 2 workers, docs/evidence/measured.md#M8): 0 of 20 worker \
            lines written in every one of these shapes, with no error; 20 of 20 with `configure()` in code both \
            run, or with `disableClustering: true` in the workers' config.

            Only log4js 2.0 and later forward a worker's events (V03). A config that sets \
            `disableClustering` or `pm2`, a primary whose code logcheck cannot read, and an app whose mode \
            PM2 decides at run time are not reported.
            """,
        references: ["CP12", "V03"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile("package.json", "{\n  \"scripts\": { \"start\": \"node app.js\" }\n}\n"),
                    ExampleFile(
                        "app.js",
                        "const cluster = require('cluster');\nconst log4js = require('log4js');\n\nif (cluster.isMaster) {\n  for (let i = 0; i < 4; i++) cluster.fork();\n} else {\n  «log4js.configure({\n    appenders: { file: { type: 'file', filename: 'logs/app.log' } },\n    categories: { default: { appenders: ['file'], level: 'info' } },\n  })»;\n  log4js.getLogger().info('worker up');\n}\n"
                    ),
                ],
                messages: [
                    "log4js loses every log line of the cluster workers of app.js: app.js forks them with cluster.fork(), and configure() runs only in the workers, where log4js builds no appenders and sends each event to the cluster primary; the primary never calls configure(), so nothing there listens and every event is dropped"
                ]),
            RuleExample(
                files: [
                    ExampleFile("package.json", "{\n  \"scripts\": { \"start\": \"node app.js\" }\n}\n"),
                    ExampleFile(
                        "app.js",
                        "const cluster = require('cluster');\nconst log4js = require('log4js');\n\nlog4js.configure({\n  appenders: { file: { type: 'file', filename: 'logs/app.log' } },\n  categories: { default: { appenders: ['file'], level: 'info' } },\n});\n\nif (cluster.isMaster) {\n  for (let i = 0; i < 4; i++) cluster.fork();\n} else {\n  log4js.getLogger().info('worker up');\n}\n"
                    ),
                ],
                caption:
                    "configure() runs in the primary and in every worker: the primary writes what the workers send."),
            RuleExample(
                files: [
                    ExampleFile("package.json", "{\n  \"scripts\": { \"start\": \"node app.js\" }\n}\n"),
                    ExampleFile(
                        "app.js",
                        "const cluster = require('cluster');\nconst log4js = require('log4js');\n\nif (cluster.isMaster) {\n  «log4js.configure({\n    appenders: { file: { type: 'file', filename: 'logs/app.log' } },\n    categories: { default: { appenders: ['file'], level: 'info' } },\n  })»;\n  for (let i = 0; i < 4; i++) cluster.fork();\n} else {\n  log4js.getLogger().info('worker up');\n}\n"
                    ),
                ],
                messages: [
                    "log4js drops every log line of the cluster workers of app.js: configure() runs only in the cluster primary, so each worker's first getLogger() configures log4js with its default config, whose level is OFF, and the worker drops every line before sending it"
                ]),
        ],
        fix: .mixed,
        fixDescription: """
            For configure() only in the workers, when every appender of the config writes to stdout, stderr, \
            the console or the network, the fix adds `disableClustering: true` to the config (safe: each \
            worker then writes its own output). Moving a `configure()` call is left to you.
            """)

    static let notes = [
        "measured with log4js 6.9.1 and an app forking 2 workers: 0 of 20 worker lines written, with no error"
    ]

    public static func check(_ app: ClusteredApp, into sink: inout DiagnosticSink) {
        guard app.log4jsVersion.forwardsClusterEvents else { return }
        let primaryRuns: Bool
        var related = [RelatedLocation(app.forks[0], "\(Path.basename(app.entry.path)) forks its cluster workers here")]
        switch app.runner {
        case .node:
            primaryRuns = true
            related.append(RelatedLocation(app.start.location, "\(app.label) is started here: \(app.start.says)"))
        case .pm2(_, let pm2App):
            switch pm2App.codeMode {
            case .fork: primaryRuns = true
            case .cluster: primaryRuns = false
            case .unknown: return
            }
            related.append(RelatedLocation(app.start.location, "PM2 starts \(app.label) here: \(app.start.says)"))
        }
        let workers = app.configures.filter { $0.role == .worker || $0.role == .both && !primaryRuns }
        let inPrimary = app.configures.filter { $0.role == .primary || $0.role == .both && primaryRuns }
        let everywhere = app.configures.filter { $0.role == .both }
        if everywhere.isEmpty && !inPrimary.isEmpty && workers.isEmpty {
            primaryOnly(app, inPrimary, primaryRuns: primaryRuns, related: related, into: &sink)
        } else if primaryRuns && everywhere.isEmpty && inPrimary.isEmpty && !workers.isEmpty {
            workersOnly(app, workers, related: related, into: &sink)
        }
    }

    /// configure() only in the primary's code: the workers log with log4js's default config.
    static func primaryOnly(
        _ app: ClusteredApp, _ calls: [ClusteredApp.Configure], primaryRuns: Bool, related: [RelatedLocation],
        into sink: inout DiagnosticSink
    ) {
        // Only when the workers log, and nothing they run is unreadable.
        guard let logger = app.loggers.first(where: { $0.role != .primary }),
            !app.unknown.contains(where: { $0.role != .primary })
        else { return }
        // LOG4JS_CONFIG names the config getLogger() loads instead of the default (log4js.js:159).
        if case .pm2(_, let pm2App) = app.runner,
            pm2App.environments.contains(where: { $0.values.entry("LOG4JS_CONFIG") != nil })
        {
            return
        }
        if case .node(let run, _) = app.runner, run.line.assignments.contains(where: { $0.name == "LOG4JS_CONFIG" }) {
            return
        }
        var related = related
        related.append(
            RelatedLocation(logger.location, "a worker gets its logger here without having called configure()"))
        let message =
            primaryRuns
            ? "log4js drops every log line of the cluster workers of \(app.label): configure() runs only in the cluster primary, so each worker's first getLogger() configures log4js with its default config, whose level is OFF, and the worker drops every line before sending it"
            : "log4js drops every log line of \(app.label): PM2 runs it in cluster mode, where every instance is a worker of PM2's daemon and the primary branch of \(Path.basename(app.entry.path)), which holds this configure(), never runs; each instance's first getLogger() configures log4js with its default config, whose level is OFF, and the instance drops every line"
        for c in calls {
            sink.emit(
                description, message,
                at: c.call, related: related,
                notes: notes + [
                    app.log4jsVersion.note, "linked: " + c.hops.map(\.description).joined(separator: " → "),
                ],
                help:
                    "call log4js.configure() in code the workers run too: above the `if` that tests cluster.isMaster, isPrimary or isWorker, or in the worker branch as well"
            )
        }
    }

    /// configure() only in the workers' code: the primary never listens.
    static func workersOnly(
        _ app: ClusteredApp, _ calls: [ClusteredApp.Configure], related: [RelatedLocation],
        into sink: inout DiagnosticSink
    ) {
        guard !app.unknown.contains(where: { $0.role != .worker }) else { return }
        let primaryLogger = app.loggers.first { $0.role != .worker }
        for c in calls {
            // A config that makes each worker write itself (or that logcheck cannot read).
            guard let config = c.config, config.root.isMapping, config.disableClustering == .no, config.pm2 == .no
            else { continue }
            var related = related
            if config.source !== c.call.file {
                related.append(
                    RelatedLocation(
                        Location(config.source, Span(config.root.span.start, config.root.span.start + 1)),
                        "the workers' log4js config"))
            }
            var fixes: [Fix] = []
            if LC101ClusterLogsDropped.allStdioOrNetwork(config) {
                fixes.append(
                    Fix(
                        "add disableClustering: true", .safe,
                        Edits.insertEntry(into: config.root, key: "disableClustering", value: .bool(true))))
            }
            let help =
                "call log4js.configure() where both the primary and the workers run it (above the `if` that tests cluster.isMaster, isPrimary or isWorker), so the primary writes what the workers send; or set disableClustering: true in the workers' config so each worker writes its own appenders (then no two workers may rotate one file, see LC104)"
            let linked = [app.log4jsVersion.note, "linked: " + c.hops.map(\.description).joined(separator: " → ")]
            if let logger = primaryLogger {
                let notes =
                    [
                        "measured with log4js 6.9.1 and an app forking 2 workers: 20 of 20 worker lines on the primary's stdout, in log4js's coloured default layout, none in the config's file"
                    ] + linked
                var related = related
                related.append(
                    RelatedLocation(logger.location, "the primary gets a logger here without having called configure()")
                )
                sink.emit(
                    description,
                    "the log lines of the cluster workers of \(app.label) never reach this config's appenders: configure() runs only in the workers, which send each event to the cluster primary, and the primary calls getLogger() without configure(), so log4js's default config writes every worker event to the primary's stdout instead",
                    at: c.call, severity: .warning, related: related, notes: notes, help: help, fixes: fixes)
            } else {
                let notes = notes + linked
                sink.emit(
                    description,
                    "log4js loses every log line of the cluster workers of \(app.label): \(Path.basename(app.entry.path)) forks them with cluster.fork(), and configure() runs only in the workers, where log4js builds no appenders and sends each event to the cluster primary; the primary never calls configure(), so nothing there listens and every event is dropped",
                    at: c.call, related: related, notes: notes, help: help, fixes: fixes)
            }
        }
    }
}
