import LogCheckSyntax

public enum LC304UnknownAppKey: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC304", slug: "unknown-app-key", family: .pm2, severity: .warning,
        summary: "An app key PM2 does not know, which it drops without a word.",
        rationale: """
        `validateJSON` copies only schema keys, their aliases and camelCase forms, and keys matching \
        `^env_\\S*$` (Config.js:88-139); everything else is discarded silently (R3). Real files carry \
        `marge_logs` (corpus 108), `Exec_mode` (124), `instance` (149), `error_log`, `log_rotate`, \
        `envProduction` and `env-production`, each of which silently does nothing.
        """,
        references: ["R3"],
        examples: [
            .bad("ecosystem.config.js", "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    instances: 2,\n    «marge_logs»: true,\n  }],\n};\n",
                 "PM2 ignores \"marge_logs\" without a word; did you mean \"merge_logs\"?",
                 fixed: "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    instances: 2,\n    merge_logs: true,\n  }],\n};\n"),
            .bad("ecosystem.yml", "apps:\n  - name: api\n    script: server.js\n    «env-production»:\n      NODE_ENV: production\n",
                 "PM2 ignores \"env-production\" without a word; did you mean \"env_production\"? Only keys that start with \"env_\" are environments",
                 fixed: "apps:\n  - name: api\n    script: server.js\n    env_production:\n      NODE_ENV: production\n"),
            .good("ecosystem.config.js", "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', ignoreWatch: ['logs'], env_production: { NODE_ENV: 'production' } }],\n};\n",
                  caption: "camelCase forms (`ignoreWatch`) are accepted."),
        ],
        fix: .safe,
        fixDescription: "When exactly one PM2 key is close, the key is renamed to it (unless that key is already set).")

    static let allSpellings: [String] = PM2Schema.allSpellings + PM2Schema.extraKeys
    /// What an unknown key is compared with: every spelling except camelCase aliases (but
    /// `windowsHide`, which has no snake_case form).
    static let suggestions = Suggest.Index(allSpellings.filter { !$0.contains(where: { $0.isUppercase }) || $0 == "windowsHide" })

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps where !app.node.hasUnknownEntries {
            for e in app.node.entries {
                // Known keys (nearly all) are told by their bytes, without a String.
                if e.withKeyBytes({ $0.map(PM2Schema.isKnown) ?? false }) { continue }
                guard let key = e.key else { continue }
                var suggestion: String? = nil
                let lower = key.lowercased()
                if lower.hasPrefix("env") && key != "env" {
                    var rest = key.dropFirst(3)
                    while let f = rest.first, f == "-" || f == "_" || f == "." { rest = rest.dropFirst() }
                    if !rest.isEmpty { suggestion = "env_" + (rest.first!.isUppercase ? rest.prefix(1).lowercased() + rest.dropFirst() : String(rest)) }
                }
                if suggestion == nil {
                    suggestion = suggestions.close(key).first
                }
                var message = "PM2 ignores \"\(key)\" without a word"
                var fixes: [Fix] = []
                if let s = suggestion {
                    message += "; did you mean \"\(s)\"?"
                    if s.hasPrefix("env_") { message += " Only keys that start with \"env_\" are environments" }
                    if app.node.entry(s) == nil { fixes.append(Fix("rename \"\(key)\" to \"\(s)\"", .safe, [Edits.renameKey(e, to: s)])) }
                }
                context.report(description, message, at: e.keyNode, fixes: fixes)
            }
        }
    }
}
