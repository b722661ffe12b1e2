import LogCheckSyntax

public enum LC312InstanceVarInEnv: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC312", slug: "instance-var-in-env", family: .pm2, severity: .warning,
        summary: "`env` sets the variable PM2 uses to number instances, so every instance gets the same number.",
        rationale: """
            PM2 numbers the processes of an app in the variable named by `instance_var` (default \
            NODE_APP_INSTANCE) and writes that number into each process's environment, but then copies the \
            app's `env` over it (God.js:176-178, 583-630): if `env` or `env_<name>` sets that variable, every \
            instance gets the same value (issues #3243, #5118; R9). Anything that relies on "instance 0" (cron \
            jobs, log4js `pm2: true`, see LC105) then runs everywhere or nowhere. `increment_var`'s variable in \
            `env` is its numeric seed and is fine.
            """,
        references: ["R9", "CP5"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    instances: 4,\n    env: { «NODE_APP_INSTANCE»: 0 },\n  }],\n};\n",
                "env sets NODE_APP_INSTANCE, the variable PM2 numbers app \"api\"'s instances in: PM2 writes each instance's number, then env overwrites it, so all 4 processes get 0"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 4, increment_var: 'PORT', env: { PORT: 3000 } }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps where app.multipleProcesses != .no {
            guard let variable = app.instanceVariable.name else { continue }
            for env in app.environments where env.values.isMapping {
                guard let e = env.values.entry(variable) else { continue }
                let value = Log4jsContext.show(e.value)
                context.report(
                    description,
                    "\(env.label) sets \(variable), the variable PM2 numbers \(EcosystemContext.label(app))'s instances in: PM2 writes each instance's number, then \(env.label) overwrites it, so all \(app.processesPhrase) get \(value)",
                    at: e.keyNode,
                    help: "remove \(variable) from \(env.label); to seed numbered values, use increment_var")
            }
        }
    }
}
