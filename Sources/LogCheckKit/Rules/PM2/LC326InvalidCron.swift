import LogCheckSyntax

public enum LC326InvalidCron: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC326", slug: "invalid-cron", family: .pm2, severity: .error,
        summary: "A `cron_restart` pattern PM2 rejects.",
        rationale: """
            PM2 checks `cron_restart` with the croner library before anything else and stops with \
            `Cron pattern error: …` (Common.js:318-334, R25). `0` or `'0'` disables cron restarts.
            """,
        references: ["R25"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'report', script: 'report.js', cron_restart: «'0 25 * * *'» }],\n};\n",
                "`pm2 start` fails with \"Cron pattern error\": 25 is out of range 0-23 in the hours field (\"25\")"),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'report', script: 'report.js', cron_restart: '0 3 * * MON-FRI', autorestart: false }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            guard let f = app.field(.cronRestart), let s = f.value.string, s != "0" else { continue }
            if let e = CronPattern.error(in: s) {
                context.report(description, "`pm2 start` fails with \"Cron pattern error\": \(e)", at: f.value)
            }
        }
    }
}
