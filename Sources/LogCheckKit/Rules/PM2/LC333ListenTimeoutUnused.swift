import LogCheckSyntax

public enum LC333ListenTimeoutUnused: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC333", slug: "listen-timeout-unused", family: .pm2, severity: .info,
        summary: "`listen_timeout` on a fork-mode app without `wait_ready`, where nothing reads it.",
        rationale: """
            `listen_timeout` is how long a reload waits for a cluster instance to listen, or for \
            `process.send('ready')` with `wait_ready` (Reload.js:63, 135-167). A fork-mode app without \
            `wait_ready` is restarted, not reloaded gracefully, and never waits (corpus 166, R37).
            """,
        references: ["R37"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'app.js', listen_timeout: «50000» }],\n};\n",
                "listen_timeout has no effect for app \"api\": it runs in fork mode without wait_ready, so a reload never waits for it"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'app.js', wait_ready: true, listen_timeout: 10000 }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps where app.mode == .fork {
            guard let f = app.field(.listenTimeout), app.field(.waitReady)?.value.isTruthy != true else { continue }
            context.report(
                description,
                "listen_timeout has no effect for \(EcosystemContext.label(app)): it runs in fork mode without wait_ready, so a reload never waits for it",
                at: f.value)
        }
    }
}
