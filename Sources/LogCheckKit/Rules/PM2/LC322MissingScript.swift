import LogCheckSyntax

public enum LC322MissingScript: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC322", slug: "missing-script", family: .pm2, severity: .error,
        summary: "An app without `script` (or `cmd`, `command`, `exec`).",
        rationale: """
            The schema marks `script` as required, but that check never fires, because PM2 only validates \
            values that are present (Config.js:107-109). The app fails later with \
            `[PM2][ERROR] Error: No script path - aborting` (Common.js:109-110); the other apps of the file still \
            start (R21; corpus 145, 158).
            """,
        references: ["R21"],
        examples: [
            .bad(
                "ecosystem.config.js", "module.exports = {\n  apps: [«{ name: 'api', instances: 2 }»],\n};\n",
                "app \"api\" has no script: PM2 skips it with \"No script path - aborting\""),
            .good("ecosystem.config.js", "module.exports = {\n  apps: [{ name: 'api', cmd: 'node server.js' }],\n};\n"),
        ])

    /// About the shape of an ecosystem file (a command line always names its target).
    public static let readsLaunchSites = false

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps where !app.node.hasUnknownEntries {
            if let s = app.script, s.isTruthy != false { continue }
            // A file with only `deploy` (or `static`) is for `pm2 deploy`; an empty `{}` is one
            // app without a script (API.js:940-954, Common.js:109-110).
            if context.ecosystem.shape == .bareApp, app.node.entryCount > 0,
                app.node.entries.allSatisfy({ $0.key == "deploy" || $0.key == "static" })
            {
                continue
            }
            let at = app.script ?? app.node
            context.report(
                description,
                "\(EcosystemContext.label(app)) has no script: PM2 skips it with \"No script path - aborting\"", at: at,
                help: "add script: the file to run (or cmd for a shell command)")
        }
    }
}
