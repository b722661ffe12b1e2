import LogCheckSyntax

public enum LC103NeedsPM2Intercom: DeploymentRule {
    public static let description = RuleDescription(
        id: "LC103", slug: "needs-pm2-intercom", family: .deployment, severity: .warning,
        summary:
            "log4js `pm2: true` with more than one instance: the other instances' lines reach the writer only through the pm2-intercom module.",
        rationale: """
            In pm2 mode only instance 0 builds appenders; every other instance sends its events with \
            `process.send` to the PM2 daemon, which puts them on its message bus and never forwards them \
            (ClusterMode.js:59-93). Only the PM2 module **pm2-intercom** relays them to the other processes \
            (CP2; log4js #521, docs/clustering.md). Install it with `pm2 install pm2-intercom`, then say so in \
            `.logcheck.yml` (`pm2-intercom: installed`); the finding stays as a note of its traps.

            **Measured** (docs/evidence/measured.md#M4, docs/evidence/measured.md#M5, \
            docs/evidence/measured.md#M7): without pm2-intercom **(N−1)/N of lines are lost: 50% \
            with 2 instances, 75% with 4**; with it, 0% in steady state. Its traps, also measured: it relays \
            every event to every process of every app (LC106); v1.0.0 reaches only the first 3 processes by \
            pm_id (75% lost with 4 instances when instance 0 is not among them, CP7); lines logged in the first \
            0-2 s after a (re)start are lost from every instance but 0 (its process list refreshes every 2 s); \
            and `pm2 scale` down removes instance 0 first, after which nothing is written (CP4).
            """,
        references: ["CP2", "CP4", "CP7", "R10", "V05"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster', instances: 4 }],\n};\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"file\": { \"type\": \"file\", \"filename\": \"logs/api.log\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"file\"], \"level\": \"info\" } },\n  «\"pm2\": true»\n}\n"
                    ),
                ],
                messages: [
                    "with \"pm2\": true only instance 0 of app \"api\" writes; the events of the other 3 instances reach it only through the PM2 module pm2-intercom: without it, 75% of log lines are lost"
                ]),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster', instances: 1 }],\n};\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"file\": { \"type\": \"file\", \"filename\": \"logs/api.log\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"file\"], \"level\": \"info\" } },\n  \"pm2\": true\n}\n"
                    ),
                ], caption: "With one instance, instance 0 writes its own lines."),
        ])

    // Shared by every finding (one array, not one per finding).
    static let traps = [
        "pm2-intercom relays every event to every process of every app (see LC106)",
        "pm2-intercom 1.0.0 reaches only the first 3 processes by pm_id: if instance 0 is not among them, 75% of lines are lost with 4 instances",
        "lines logged in the first 0-2 s after a (re)start are lost from every instance but 0 (pm2-intercom refreshes its process list every 2 s)",
        "`pm2 scale` down removes instance 0 first, and then nothing is written until it comes back",
    ]
    static let measuredAndTraps =
        [
            "measured with log4js 6.9.1 under a simulated PM2: 50% of lines lost with 2 instances, 75% with 4, 0% with pm2-intercom"
        ] + traps

    public static func check(_ context: inout DeploymentContext) {
        let d = context.deployment
        guard d.pm2ModeWorks == .yes, d.app.multipleProcesses != .no else { return }
        let others: String
        let loss: String
        var reach = "reach"
        switch d.app.instances {
        case .count(let n):
            others = "the other \(n - 1) instance\(n == 2 ? "" : "s")"
            if n == 2 { reach = "reaches" }
            loss = "\(Int((Double(n - 1) / Double(n) * 100).rounded()))%"
        default:
            others = "the other instances"
            loss = "(N-1)/N"
        }
        var related: [RelatedLocation] = []
        if let origin = context.modeOrigin { related.append(origin) }
        if let by = context.facts.pm2IntercomInstalledBy {
            related.append(RelatedLocation(by, "pm2-intercom is installed here"))
            context.report(
                description,
                "only instance 0 of \(context.appLabel) writes; \(others) \(reach) it through pm2-intercom (installed by `pm2 install` in \(by.file.path)), which has traps",
                at: context.configHead,
                severity: .info, related: related, notes: traps)
            return
        }
        if context.facts.pm2IntercomInstalled {
            context.report(
                description,
                "only instance 0 of \(context.appLabel) writes; \(others) \(reach) it through pm2-intercom (installed, per the logcheck settings), which has traps",
                at: context.configHead,
                severity: .info, related: related, notes: traps + [context.version.note])
            return
        }
        context.report(
            description,
            "with \"pm2\": true only instance 0 of \(context.appLabel) writes; the events of \(others) reach it only through the PM2 module pm2-intercom: without it, \(loss) of log lines are lost",
            at: context.configHead, related: related, notes: measuredAndTraps + [context.version.note],
            help:
                "run `pm2 install pm2-intercom` on every server, then add `pm2-intercom: installed` to .logcheck.yml; or use \"disableClustering\": true with stdout appenders"
        )
    }
}
