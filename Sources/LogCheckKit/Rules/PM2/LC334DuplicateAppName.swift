import LogCheckSyntax

public enum LC334DuplicateAppName: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC334", slug: "duplicate-app-name", family: .pm2, severity: .warning,
        summary: "Two apps of one file with the same name.",
        rationale: """
            PM2 identifies apps by name: `pm2 restart api`, `pm2 logs api` and `pm2 delete api` act on both, \
            their default log files are the same (`~/.pm2/logs/api-out.log`), and PM2 numbers the instance \
            variable per app name, so the two apps share one numbering and only one of them has an instance 0 \
            (God.js:583-630).
            """,
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [\n    { name: 'api', script: 'server.js' },\n    { name: «'api'», script: 'worker.js' },\n  ],\n};\n",
                "two apps are named \"api\": PM2 commands by name act on both, they share their default log files, and only one of them gets instance 0"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [\n    { name: 'api', script: 'server.js' },\n    { name: 'worker', script: 'worker.js' },\n  ],\n};\n"
            ),
        ])

    /// About apps started together; a launch file's command lines are often alternatives.
    public static let readsLaunchSites = false

    public static func check(_ context: inout EcosystemContext) {
        // The position of each name's first app (a 50 MB file has over a hundred thousand).
        let apps = context.ecosystem.apps
        var seen: [String: Int] = [:]
        seen.reserveCapacity(apps.count)
        for (i, app) in apps.enumerated() {
            guard let name = app.name else { continue }
            if let firstIndex = seen[name] {
                let first = apps[firstIndex]
                let at = app.field(.name)?.value ?? app.script ?? app.node
                context.report(
                    description,
                    "two apps are named \"\(name)\": PM2 commands by name act on both, they share their default log files, and only one of them gets instance 0",
                    at: at,
                    related: [
                        RelatedLocation(
                            Location(first.field(.name)?.value ?? first.script ?? first.node), "the first \"\(name)\"")
                    ])
            } else {
                seen[name] = i
            }
        }
    }
}
