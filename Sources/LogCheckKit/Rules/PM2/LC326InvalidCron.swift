import LogCheckSyntax

public enum LC326InvalidCron: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC326", slug: "invalid-cron", family: .pm2, severity: .error,
        summary: "A `cron_restart` pattern PM2 rejects.",
        rationale: """
            PM2 checks `cron_restart` with the croner library before anything else and stops with \
            `Cron pattern error: …` (Common.js:318-334, 854-857; R25). PM2 7.0.3 pins croner 4.1.97, whose \
            parser is stricter than the cron most people know (src/pattern.js): exactly 5 or 6 fields (no \
            `@daily` or other nicknames, no year), no `W` or `#`, `L` only alone in the day-of-month field, \
            and a list (`,`) of single values only (`1-5,10` and `*/5,30` are rejected). The pattern must be a \
            string: a number other than 0 is rejected too. `0`, `'0'` and `false` disable cron restarts. \
            logcheck runs croner 4.1.97's checks in the same order and quotes its message.
            """,
        references: ["R25"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'report', script: 'report.js', cron_restart: «'0 25 * * *'» }],\n};\n",
                "`pm2 start` fails with \"Cron pattern error: CronPattern: hours value out of range: '25'\""),
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'report', script: 'report.js', cron_restart: «'@daily'» }],\n};\n",
                "`pm2 start` fails with \"Cron pattern error: CronPattern: invalid configuration format ('@daily'), exacly five or six space separated parts required.\": croner 4.1.97, which PM2 7.0.3 uses, has no nicknames: write '0 0 * * *' for @daily"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'report', script: 'report.js', cron_restart: '0 3 * * MON-FRI', autorestart: false }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            // PM2 reads it only when truthy (Common.js:854).
            guard let f = app.field(.cronRestart), f.value.isTruthy == true else { continue }
            let verdict: CronPattern.Verdict
            if let s = f.value.string {
                verdict = CronPattern.verdict(ofString: s)
            } else if let n = f.value.number {
                verdict = CronPattern.verdict(ofNonString: n == 0)
            } else if let b = f.value.bool {
                verdict = CronPattern.verdict(ofNonString: !b)
            } else {
                continue
            }
            guard case .rejected(let message, let hint) = verdict else { continue }
            context.report(
                description,
                "`pm2 start` fails with \"Cron pattern error: \(message)\"" + (hint.map { ": \($0)" } ?? ""),
                at: f.value)
        }
    }
}
