import LogCheckSyntax

public enum LC323EnvValueType: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC323", slug: "env-value-type", family: .pm2, severity: .warning,
        summary: "An `env` that is a string, or an object value inside an `env_<name>` section.",
        rationale: """
            `env` may be a string by the schema, but PM2 merges it with `Object.assign`, which copies a string \
            character by character (`{0: "N", 1: "O", …}`). Object values inside `env` are turned into JSON, but \
            inside `env_<name>` they are not (Common.js:607-611), so the variable becomes `[object Object]` \
            (R22).
            """,
        references: ["R22"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', env_production: { DB: «{ host: 'db', port: 5432 }» } }],\n};\n",
                "DB in env_production is an object: PM2 does not turn objects into JSON inside env_production, so the variable is \"[object Object]\""
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', env: { DB: { host: 'db' } }, env_production: { DB: '{\"host\":\"db\"}' } }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            for env in app.environments {
                let v = env.values
                if let s = v.string, !s.isEmpty, env.name == nil {
                    context.report(
                        description,
                        "env is a string: PM2 copies it into the environment character by character (0=\(s.prefix(1)), 1=…), not as variables",
                        at: v,
                        help: "write env as an object: { NAME: 'value' }")
                }
                guard let name = env.name, v.isMapping else { continue }
                for e in v.entries where e.value.isMapping || e.value.isSequence {
                    let result = e.value.isMapping ? "\"[object Object]\"" : "the items joined with commas"
                    context.report(
                        description,
                        "\(e.key ?? "a variable") in env_\(name) is \(e.value.isMapping ? "an object" : "a list"): PM2 does not turn objects into JSON inside env_\(name), so the variable is \(result)",
                        at: e.value,
                        help: "write the JSON yourself as a string")
                }
            }
        }
    }
}
