import LogCheckSyntax

public enum LC109PM2FlagIgnored: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC109", slug: "pm2-flag-ignored", family: .deployment, severity: .info,
        summary: "`pm2: true` together with `disableClustering: true`, where `pm2` has no effect.",
        rationale: """
            log4js tests `disableClustering` first (clustering.js:69): every process is then its own master and \
            writes its own appenders, and `pm2` changes nothing (docs/evidence/log4js.md#master).
            """,
        references: [],
        examples: [
            .bad(
                "log4js.json",
                "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  «\"pm2\"»: true,\n  \"disableClustering\": true\n}\n",
                "\"pm2\" has no effect together with \"disableClustering\": every process writes its own appenders",
                fixed:
                    "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"disableClustering\": true\n}\n"
            ),
            .good(
                "log4js.json",
                "{\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } },\n  \"disableClustering\": true\n}\n"
            ),
        ],
        fix: .safe,
        fixDescription: "`pm2` (and a `pm2InstanceVar`) are removed.")

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        guard let e = config.pm2Entry, config.pm2 == .yes, config.disableClustering == .yes, config.root.isMapping,
            let index = config.root.entries.lastIndex(where: { $0.keySpan == e.keySpan })
        else { return }
        context.report(
            description,
            "\"pm2\" has no effect together with \"disableClustering\": every process writes its own appenders",
            at: e.keyNode,
            fixes: [Fix("remove \"pm2\"", .safe, Edits.removeEntry(index, of: config.root))])
    }
}
