import LogCheckSyntax

public enum LC332ClusterLogDateFormat: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC332", slug: "cluster-log-date-format", family: .pm2, severity: .info,
        summary: "`log_date_format` in cluster mode prefixes each write, not each line.",
        rationale: """
            In fork mode the PM2 daemon prefixes every line with the date; in cluster mode the worker prefixes \
            each `write()` call once (ProcessContainer.js:176-177), so a multi-line write, a stack trace for \
            instance, gets one timestamp on its first line (R36).

            The rule is opt-in: this is how PM2 stamps the output of every cluster app with a date format, \
            not a mistake in the file, and nothing in the file can change it. Turn it on to be told which \
            apps it applies to.
            """,
        references: ["R36"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster', log_date_format: «'YYYY-MM-DD HH:mm:ss'» }],\n};\n"
                    )
                ],
                messages: [
                    "in cluster mode PM2 puts the date before each write of app \"api\", not each line: the lines of a stack trace after the first have no date"
                ],
                settings: "select: [LC332]"),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', log_date_format: 'YYYY-MM-DD HH:mm:ss' }],\n};\n"
                    )
                ],
                settings: "select: [LC332]"),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster', log_date_format: 'YYYY-MM-DD HH:mm:ss' }],\n};\n",
                caption: "Without `select` or `severity` naming it, the rule is off."),
        ],
        defaultEnabled: false)

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps where app.mode == .cluster {
            guard
                let f = app.field(.logDateFormat) ?? app.field(.time).flatMap({ $0.value.isTruthy == true ? $0 : nil })
            else { continue }
            context.report(
                description,
                "in cluster mode PM2 puts the date before each write of \(EcosystemContext.label(app)), not each line: the lines of a stack trace after the first have no date",
                at: f.value)
        }
    }
}
