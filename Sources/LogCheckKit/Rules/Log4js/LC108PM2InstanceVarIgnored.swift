import LogCheckSyntax

public enum LC108PM2InstanceVarIgnored: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC108", slug: "pm2-instance-var-ignored", family: .deployment, severity: .warning,
        summary: "`pm2InstanceVar` without `pm2: true`, where log4js ignores it.",
        rationale: """
            log4js reads `pm2InstanceVar` only to find the PM2 master, and only when `pm2` is truthy \
            (clustering.js:20). Without it the setting does nothing; under PM2 cluster mode it usually means \
            `pm2: true` was forgotten, which loses every line (LC101; docs/evidence/measured.md#M3: "Setting \
            pm2InstanceVar without pm2: true changes nothing").
            """,
        references: [],
        examples: [
            .bad(
                "log4js.json",
                "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  «\"pm2InstanceVar\"»: \"INSTANCE_ID\"\n}\n",
                "pm2InstanceVar has no effect: log4js reads it only when \"pm2\" is true",
                fixed:
                    "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } }\n}\n"
            ),
            .good(
                "log4js.json",
                "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"pm2\": true,\n  \"pm2InstanceVar\": \"INSTANCE_ID\"\n}\n"
            ),
        ],
        fix: .safe,
        fixDescription: "`pm2InstanceVar` is removed.")

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        guard let e = config.pm2InstanceVarEntry, config.pm2 == .no, config.root.isMapping,
            let index = config.root.entries.lastIndex(where: { $0.keySpan == e.keySpan })
        else { return }
        context.report(
            description, "pm2InstanceVar has no effect: log4js reads it only when \"pm2\" is true", at: e.keyNode,
            help: "under PM2 cluster mode, add \"pm2\": true (see LC101); otherwise remove pm2InstanceVar",
            fixes: [Fix("remove pm2InstanceVar", .safe, Edits.removeEntry(index, of: config.root))])
    }
}
