import LogCheckSyntax

public enum LC106IntercomMixesApps: DeploymentSetRule {
    public static let description = RuleDescription(
        id: "LC106", slug: "intercom-mixes-apps", family: .deployment, severity: .warning,
        summary: "Two or more apps of one ecosystem use log4js `pm2: true`: pm2-intercom mixes their log lines.",
        rationale: """
            pm2-intercom relays every message to every process PM2 runs, whatever its app (pm2-intercom \
            lib/index.js:41-45, 87-104), and log4js writes whatever arrives at instance 0 with its own categories \
            (clustering.js:30-42). With two apps in pm2 mode, each app's instance 0 writes the other app's events \
            into its own files (CP6; log4js #547, filed by the maintainer and still open; #723). Reported where \
            pm2-intercom is installed: `pm2-intercom: installed` in `.logcheck.yml`, or `pm2 install \
            pm2-intercom` in the launch file that starts the apps. Without it nothing is relayed (LC103 reports \
            the lines lost instead), and installing it to fix LC103 brings this.
            """,
        references: ["CP6", "R10"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [\n    «{ name: 'api', script: 'api.js', exec_mode: 'cluster', instances: 2 }»,\n    { name: 'worker', script: 'worker.js', exec_mode: 'cluster', instances: 2 },\n  ],\n};\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"pm2\": true\n}\n"
                    ),
                ],
                messages: [
                    "apps \"api\" and \"worker\" both use log4js with \"pm2\": true: pm2-intercom relays every app's events to every process, so each app's instance 0 also writes the other app's log lines"
                ],
                settings: "pm2-intercom: installed"),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.yml",
                        "apps:\n  - «name: api\n    script: api.js\n    instances: 2»\n  - name: worker\n    script: worker.js\n    instances: 2\n  - name: mailer\n    script: mailer.js\n    instances: 2\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"pm2\": true\n}\n"
                    ),
                ],
                messages: [
                    "apps \"api\", \"worker\" and \"mailer\" all use log4js with \"pm2\": true: pm2-intercom relays every app's events to every process, so each app's instance 0 also writes the other apps' log lines"
                ],
                settings: "pm2-intercom: installed"),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [\n    { name: 'api', script: 'api.js', exec_mode: 'cluster', instances: 2 },\n    { name: 'cron', script: 'cron.js' },\n  ],\n};\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"pm2\": true\n}\n"
                    ),
                ], settings: "pm2-intercom: installed"),
            RuleExample(files: [
                ExampleFile(
                    "ecosystem.config.js",
                    "module.exports = {\n  apps: [\n    { name: 'api', script: 'api.js', exec_mode: 'cluster', instances: 2 },\n    { name: 'worker', script: 'worker.js', exec_mode: 'cluster', instances: 2 },\n  ],\n};\n"
                ),
                ExampleFile(
                    "log4js.json",
                    "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"pm2\": true\n}\n"
                ),
            ]),
        ])

    public static func check(
        _ deployments: [Deployment], facts: (Deployment) -> HostFacts, into sink: inout DiagnosticSink
    ) {
        var byEcosystem: [ObjectIdentifier: [Deployment]] = [:]
        var order: [ObjectIdentifier] = []
        for d in deployments where d.pm2ModeWorks == .yes && facts(d).pm2IntercomInstalled {
            let key = ObjectIdentifier(d.ecosystem)
            if byEcosystem[key] == nil { order.append(key) }
            byEcosystem[key, default: []].append(d)
        }
        for key in order {
            var apps: [(String, Deployment)] = []
            var seen: Set<String> = []
            for d in byEcosystem[key]! {
                let name = d.app.name ?? "#\(d.app.index + 1)"
                if seen.insert(name).inserted { apps.append((name, d)) }
            }
            guard apps.count >= 2 else { continue }
            let names = apps.map { "\"\($0.0)\"" }
            let list =
                names.count == 2
                ? names.joined(separator: " and ") : names.dropLast().joined(separator: ", ") + " and " + names.last!
            let first = apps[0].1
            let (all, others) = apps.count == 2 ? ("both", "the other app's") : ("all", "the other apps'")
            sink.emit(
                description,
                "apps \(list) \(all) use log4js with \"pm2\": true: pm2-intercom relays every app's events to every process, so each app's instance 0 also writes \(others) log lines",
                at: Location(first.app.node),
                related: apps.dropFirst().map { RelatedLocation(Location($0.1.app.node), "app \"\($0.0)\"") }
                    + (facts(first).pm2IntercomInstalledBy.map {
                        [RelatedLocation($0, "pm2-intercom is installed here")]
                    }
                        ?? []),
                notes: [first.log4jsVersion.note],
                help:
                    "use \"disableClustering\": true with stdout appenders for all but one app, or a tcp-server that receives every app's events"
            )
        }
    }
}
