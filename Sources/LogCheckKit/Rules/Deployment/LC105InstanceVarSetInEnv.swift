import LogCheckSyntax

public enum LC105InstanceVarSetInEnv: DeploymentRule {
    public static let description = RuleDescription(
        id: "LC105", slug: "instance-var-set-in-env", family: .deployment, severity: .error,
        summary:
            "The app's `env` sets the variable log4js `pm2: true` uses to pick its writer, so all instances see the same value.",
        rationale: """
            PM2 writes each instance's number into the variable named by `instance_var`, then copies the app's \
            `env` over it (God.js:176-178, 583-630; issues #3243, #5118). When `env` or `env_<name>` sets that \
            variable, every instance gets the same value. log4js with `pm2: true` writes from the process where \
            it is `"0"` (clustering.js:20): with `0` in `env` every instance is a writer and they rotate the same \
            files at once (CP5); with any other value no instance is, and every line is lost (CP4).
            """,
        references: ["CP4", "CP5", "R9"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    exec_mode: 'cluster',\n    instances: 4,\n    env: { «NODE_APP_INSTANCE»: 0 },\n  }],\n};\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"file\": { \"type\": \"file\", \"filename\": \"logs/api.log\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"file\"], \"level\": \"info\" } },\n  \"pm2\": true\n}\n"
                    ),
                ],
                messages: [
                    "env sets NODE_APP_INSTANCE, the variable log4js (pm2: true) reads to find instance 0: PM2's per-instance number is overwritten, so all 4 processes are \"0\" and every one of them writes and rotates the log files at once"
                ]),
            RuleExample(files: [
                ExampleFile(
                    "ecosystem.config.js",
                    "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster', instances: 4, env: { NODE_ENV: 'production' } }],\n};\n"
                ),
                ExampleFile(
                    "log4js.json",
                    "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"pm2\": true\n}\n"
                ),
            ]),
        ],
        supersedes: ["LC312"])

    public static func check(_ context: inout DeploymentContext) {
        let d = context.deployment
        guard d.log4jsVersion.forwardsClusterEvents, d.codeMode == .cluster, d.config.pm2 == .yes,
            d.config.disableClustering == .no,
            let logVar = d.log4jsInstanceVariable, d.appInstanceVariable == logVar, d.app.multipleProcesses != .no
        else { return }
        for env in d.app.environments where env.values.isMapping {
            if let linked = d.environment, env.name != nil, env.name != linked { continue }
            guard let e = env.values.entry(logVar) else { continue }
            let value = e.value.string ?? e.value.text ?? e.value.sourceText
            let message: String
            if value == "0" {
                message =
                    "\(env.label) sets \(logVar), the variable log4js (pm2: true) reads to find instance 0: PM2's per-instance number is overwritten, so all \(d.app.processesPhrase) are \"0\" and every one of them writes and rotates the log files at once"
            } else if e.value.isUnknown {
                message =
                    "\(env.label) sets \(logVar), the variable log4js (pm2: true) reads to find instance 0: PM2's per-instance number is overwritten, so all \(d.app.processesPhrase) see the same value, and either none or all of them write"
            } else {
                message =
                    "\(env.label) sets \(logVar) to \(value), and log4js (pm2: true) writes only from the process where it is \"0\": PM2's per-instance number is overwritten, so no process writes and every log line is lost"
            }
            context.report(
                description, message, at: Location(e.keyNode),
                related: [RelatedLocation(context.configHead, "log4js uses pm2 mode here")],
                notes: [d.log4jsVersion.note], help: "remove \(logVar) from \(env.label)", environment: env.name)
        }
    }
}
