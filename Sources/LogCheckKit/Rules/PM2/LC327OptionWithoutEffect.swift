import LogCheckSyntax

public enum LC327OptionWithoutEffect: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC327", slug: "option-without-effect", family: .pm2, severity: .warning,
        summary:
            "An option PM2 accepts but ignores or overwrites (`username`, `source_map_support`), or one with a side effect worth knowing (`port`).",
        rationale: """
            `username` is always overwritten with the user that runs pm2 (Common.js:719, R26). \
            `source_map_support` is in the schema but read nowhere; only `disable_source_map_support` is \
            (ProcessContainer.js:24, R28). `port` sets the `PORT` variable in the app's environment, over any \
            `PORT` in `env` (Common.js:123-125, R29).
            """,
        references: ["R26", "R28", "R29"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', «username»: 'deploy' }],\n};\n",
                "PM2 overwrites username with the user that runs pm2; to run the app as another user, use uid (as root)"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', disable_source_map_support: true }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            if let f = app.field(.username) {
                context.report(
                    description,
                    "PM2 overwrites username with the user that runs pm2; to run the app as another user, use uid (as root)",
                    at: f.entry.keyNode)
            }
            if let f = app.field(.sourceMapSupport) {
                context.report(
                    description,
                    "PM2 does not read source_map_support; source maps are on unless disable_source_map_support is true",
                    at: f.entry.keyNode)
            }
            if let f = app.field(.port), !f.value.isUnknown {
                let value = f.value.text ?? f.value.sourceText
                let env = app.environments.first { $0.values["PORT"] != nil }
                context.report(
                    description,
                    "port sets PORT=\(value) in \(EcosystemContext.label(app))'s environment"
                        + (env != nil ? ", over the PORT in \(env!.label)" : ""), at: f.entry.keyNode, severity: .info)
            }
        }
    }
}
