import LogCheckSyntax

public enum LC102InstanceVarMismatch: DeploymentRule {
    public static let description = RuleDescription(
        id: "LC102", slug: "instance-var-mismatch", family: .deployment, severity: .error,
        summary:
            "log4js `pm2InstanceVar` names another variable than the app's PM2 `instance_var`: no process writes, every log line is lost.",
        rationale: """
            With `pm2: true`, log4js lets the process where `process.env[pm2InstanceVar] === '0'` write for all \
            (clustering.js:20-22). PM2 numbers the instances in the variable named by the app's `instance_var` \
            (default NODE_APP_INSTANCE), and when an app renames it (usually to INSTANCE_ID, because node-config \
            reads NODE_APP_INSTANCE) **PM2 no longer sets NODE_APP_INSTANCE at all** (God.js:583-630). If \
            log4js still looks at NODE_APP_INSTANCE, or at any other name, no process is the writer (CP3; \
            Unitech/pm2#2045; log4js docs/clustering.md). `null` and `""` are used literally (since log4js 5.0.0).

            **Measured** (docs/evidence/measured.md#M3): **100% of lines lost**, every appender, console included.
            """,
        references: ["CP3", "R10"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster', instances: 4, instance_var: 'INSTANCE_ID' }],\n};\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"file\": { \"type\": \"file\", \"filename\": \"logs/api.log\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"file\"], \"level\": \"info\" } },\n  «\"pm2\": true»\n}\n"
                    ),
                ],
                messages: [
                    "log4js loses every log line of app \"api\": with \"pm2\": true it lets the process whose NODE_APP_INSTANCE is \"0\" write for all, but PM2 numbers this app's instances in INSTANCE_ID (instance_var) and does not set NODE_APP_INSTANCE, so no process writes"
                ],
                fixed: [
                    "log4js.json":
                        "{\n  \"appenders\": { \"file\": { \"type\": \"file\", \"filename\": \"logs/api.log\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"file\"], \"level\": \"info\" } },\n  \"pm2\": true,\n  \"pm2InstanceVar\": \"INSTANCE_ID\"\n}\n"
                ]),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.yml",
                        "apps:\n  - name: api\n    script: server.js\n    exec_mode: cluster\n    instances: 2\n"),
                    ExampleFile(
                        "log4js.yaml",
                        "appenders:\n  out: { type: stdout }\ncategories:\n  default: { appenders: [out], level: info }\npm2: true\npm2InstanceVar: «INSTANCE_ID»\n"
                    ),
                ],
                messages: [
                    "log4js loses every log line of app \"api\": with \"pm2\": true it lets the process whose INSTANCE_ID is \"0\" write for all, but PM2 numbers this app's instances in NODE_APP_INSTANCE (its default instance_var), so no process writes"
                ],
                fixed: [
                    "log4js.yaml":
                        "appenders:\n  out: { type: stdout }\ncategories:\n  default: { appenders: [out], level: info }\npm2: true\npm2InstanceVar: NODE_APP_INSTANCE\n"
                ]),
            RuleExample(files: [
                ExampleFile(
                    "ecosystem.config.js",
                    "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster', instances: 1, instance_var: 'INSTANCE_ID' }],\n};\n"
                ),
                ExampleFile(
                    "log4js.json",
                    "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"pm2\": true,\n  \"pm2InstanceVar\": \"INSTANCE_ID\"\n}\n"
                ),
            ]),
        ],
        fix: .safe,
        fixDescription: "`pm2InstanceVar` is set to the app's `instance_var`.")

    public static func check(_ context: inout DeploymentContext) {
        let d = context.deployment
        let config = d.config
        guard d.log4jsVersion.forwardsClusterEvents, d.codeMode == .cluster, config.pm2 == .yes,
            config.disableClustering == .no, config.root.isMapping,
            let appVar = d.appInstanceVariable, let logVar = d.log4jsInstanceVariable, appVar != logVar
        else { return }
        var related: [RelatedLocation] = []
        if let f = d.app.instanceVariable.field {
            related.append(
                RelatedLocation(Location(f.value), "PM2 numbers \(context.appLabel)'s instances in \(appVar) here"))
        } else if let origin = context.modeOrigin {
            related.append(origin)
        }
        let appSays =
            d.app.instanceVariable.field == nil ? "\(appVar) (its default instance_var)" : "\(appVar) (instance_var)"
        let renamed =
            appVar != Log4jsFacts.defaultInstanceVar && logVar == Log4jsFacts.defaultInstanceVar
            ? " and does not set NODE_APP_INSTANCE" : ""
        let reads: String
        switch config.pm2InstanceVar {
        case .null: reads = "the process whose variable \"null\" is \"0\" (pm2InstanceVar null is used as that name)"
        case .empty: reads = "the process whose variable \"\" is \"0\" (pm2InstanceVar \"\" is used as that name)"
        default: reads = "the process whose \(logVar) is \"0\""
        }
        let message =
            "log4js loses every log line of \(context.appLabel): with \"pm2\": true it lets \(reads) write for all, but PM2 numbers this app's instances in \(appSays)\(renamed), so no process writes"
        let fix: Fix
        if let e = config.pm2InstanceVarEntry {
            fix = Fix(
                "set pm2InstanceVar to \"\(appVar)\"", .safe, [Edits.replaceValue(e.value, with: .string(appVar))])
        } else {
            fix = Fix(
                "add \"pm2InstanceVar\": \"\(appVar)\"", .safe,
                Edits.insertEntry(into: config.root, key: "pm2InstanceVar", value: .string(appVar)))
        }
        let at = config.pm2InstanceVarEntry.map { Location($0.value) } ?? context.configHead
        context.report(
            description, message, at: at, related: related,
            notes: [
                "measured with log4js 6.9.1 under a simulated PM2: 100% of lines lost, for every appender including console",
                context.version.note,
            ],
            help: "set \"pm2InstanceVar\": \"\(appVar)\" in the log4js config", fixes: [fix])
    }
}
