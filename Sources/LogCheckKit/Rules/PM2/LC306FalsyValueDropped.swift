import LogCheckSyntax

public enum LC306FalsyValueDropped: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC306", slug: "falsy-value-dropped", family: .pm2, severity: .warning,
        summary: "A `0`, `false` or `\"\"` that PM2 silently replaces by its default.",
        rationale: """
            PM2 resolves each key as `conf[key] || (conf[key] = json[alias])` for every alias (Config.js:97-101). \
            For a key with an underscore, the last alias is its camelCase form, usually absent, so a falsy value \
            is replaced by `undefined` and then by the default (R5): `max_restarts: 0` becomes 16, \
            `kill_timeout: 0` 1600 ms, `min_uptime: 0` 1000 ms, `listen_timeout: 0` 3000 ms, \
            `kill_retry_time: 0` 100 ms, `instance_var: ""` NODE_APP_INSTANCE, and `stop_exit_codes: 0` means \
            no code. Keys without an underscore (`instances: 0`, `watch: false`, `autorestart: false`) are kept.
            """,
        references: ["R5"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'worker', script: 'worker.js', max_restarts: «0» }],\n};\n",
                "PM2 drops max_restarts: 0 (a falsy value) and uses its default, 16 restarts"),
            .bad(
                "ecosystem.json", #"{"apps": [{"name": "worker", "script": "worker.js", "stop_exit_codes": «0»}]}"#,
                "PM2 drops stop_exit_codes: 0 (a falsy value): exit code 0 is not treated as a stop code",
                fixed: #"{"apps": [{"name": "worker", "script": "worker.js", "stop_exit_codes": [0]}]}"#),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'worker', script: 'worker.js', autorestart: false, stop_exit_codes: [0], instances: 0 }],\n};\n"
            ),
        ],
        fix: .safe,
        fixDescription: "`stop_exit_codes: 0` becomes `[0]`.")

    static let effects: [String: (String, String?)] = [
        "max_restarts": ("its default, 16 restarts", "to never restart, set autorestart: false"),
        "kill_timeout": ("its default, 1600 ms before SIGKILL", "use a positive number of milliseconds"),
        "min_uptime": ("its default, 1000 ms", nil),
        "listen_timeout": ("its default, 3000 ms", nil),
        "kill_retry_time": ("its default, 100 ms", nil),
        "instance_var": ("its default, NODE_APP_INSTANCE", nil),
        "increment_var": ("nothing: no variable is incremented", nil),
    ]

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps where app.node.isMapping {
            app.forEachWrittenKey { key, entries in
                // Keys with an underscore, written in their canonical spelling (their automatic
                // camelCase alias is another spelling).
                guard key.name.containsBytes("_"), let e = entries.last(where: { $0.spellingIndex == 0 })?.entry,
                    e.value.isTruthy == false, !e.value.isNull, !e.value.isUndefined
                else { return }
                // Only when no alias supplies a value instead.
                if let f = app.field(key), f.entry.keySpan != e.keySpan { return }
                let shown = Log4jsContext.show(e.value)
                if key.name == "stop_exit_codes" {
                    let fixes =
                        e.value.number == 0
                        ? [Fix("write [0]", .safe, [TextEdit(e.value.source, e.value.span, "[0]")])] : []
                    context.report(
                        description,
                        "PM2 drops stop_exit_codes: \(shown) (a falsy value): exit code 0 is not treated as a stop code",
                        at: e.value, fixes: fixes)
                } else if let (effect, help) = effects[key.name] {
                    context.report(
                        description, "PM2 drops \(key.name): \(shown) (a falsy value) and uses \(effect)", at: e.value,
                        help: help)
                }
            }
        }
    }
}
