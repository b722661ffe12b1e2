import LogCheckSyntax

public enum LC321LegacyPM2Key: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC321", slug: "legacy-pm2-key", family: .pm2, severity: .warning,
        summary: "Apps listed under the legacy `pm2` key instead of `apps`.",
        rationale: """
            `pm2 start` still reads a top-level `pm2` list when `apps` is absent (API.js:940-954), but \
            `pm2 stop`, `restart`, `reload` and `delete` with the file do not: `actionFromJson` understands only \
            `apps` or a bare list (API.js:1223-1228), so those commands do not find the apps (R20).
            """,
        references: ["R20"],
        examples: [
            .bad(
                "ecosystem.json", #"{«"pm2"»: [{"name": "api", "script": "server.js"}]}"#,
                "\"pm2\" is the legacy name of \"apps\": `pm2 start` reads it, but `pm2 stop`, `restart`, `reload` and `delete` with this file do not find these apps",
                fixed: #"{"apps": [{"name": "api", "script": "server.js"}]}"#),
            .good("ecosystem.json", #"{"apps": [{"name": "api", "script": "server.js"}]}"#),
        ],
        fix: .safe,
        fixDescription: "`pm2` is renamed to `apps`.")

    /// About the shape of an ecosystem file.
    public static let readsLaunchSites = false

    public static func check(_ context: inout EcosystemContext) {
        guard context.ecosystem.shape == .legacyPM2, let e = context.ecosystem.appsEntry else { return }
        context.report(
            description,
            "\"pm2\" is the legacy name of \"apps\": `pm2 start` reads it, but `pm2 stop`, `restart`, `reload` and `delete` with this file do not find these apps",
            at: e.keyNode,
            fixes: [Fix("rename \"pm2\" to \"apps\"", .safe, [Edits.renameKey(e, to: "apps")])])
    }
}
