import LogCheckSyntax

public enum LC311TimeOverridesDateFormat: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC311", slug: "time-overrides-date-format", family: .pm2, severity: .warning,
        summary: "`time: true` together with `log_date_format`, which it silently replaces.",
        rationale: """
            When `time` is truthy PM2 sets `log_date_format` to `YYYY-MM-DDTHH:mm:ss` (Common.js:750-752), so a \
            `log_date_format` in the same app is ignored (R8; corpus 123, 136).
            """,
        references: ["R8"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', time: true, log_date_format: «'YYYY-MM-DD HH:mm Z'» }],\n};\n",
                "PM2 ignores log_date_format \"YYYY-MM-DD HH:mm Z\": time: true replaces it with YYYY-MM-DDTHH:mm:ss"),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', log_date_format: 'YYYY-MM-DD HH:mm Z' }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            guard let time = app.field(.time), time.value.isTruthy == true, let format = app.field(.logDateFormat)
            else { continue }
            context.report(
                description,
                "PM2 ignores log_date_format \(Log4jsContext.show(format.value)): time: true replaces it with YYYY-MM-DDTHH:mm:ss",
                at: format.value,
                related: [RelatedLocation(Location(time.entry.tree.source, time.entry.keySpan), "time is set here")],
                help: "remove time: true to keep this format, or remove log_date_format")
        }
    }
}
