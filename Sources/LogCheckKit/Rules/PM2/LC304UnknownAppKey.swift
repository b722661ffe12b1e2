import LogCheckSyntax

public enum LC304UnknownAppKey: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC304", slug: "unknown-app-key", family: .pm2, severity: .warning,
        summary: "An app key PM2 does not know, which it drops without a word.",
        rationale: """
            `validateJSON` copies only schema keys, their aliases and camelCase forms, and keys matching \
            `^env_\\S*$` (Config.js:88-139); everything else is discarded silently (R3). Real files carry \
            `marge_logs` (corpus 108), `Exec_mode` (124), `instance` (149), `error_log`, `log_rotate`, \
            `envProduction` and `env-production`, each of which silently does nothing. When the whole \
            file is the app (no `apps`), `deploy` and `static` are not app keys: PM2 reads them from the \
            same object (API.js:940-954), so a deploy-only file is fine for `pm2 deploy`.

            The finding is an **error** when the key it resembles would have changed how the app runs, \
            and the message says how:
            - `exec_mode` (`exec_mod`, `Exec_mode`): the app runs in the other mode than the one written \
            (fork instead of cluster, or cluster because `instances` is set) (Common.js:339-357);
            - `instances` (`instance`): the app runs one process, in fork mode unless `exec_mode` says \
            cluster, instead of the count written (and the cluster mode it would imply);
            - `merge_logs` (`marge_logs`): set to true on an app with several processes whose logs PM2 \
            would not merge otherwise; each process writes its own files, with `-<pm_id>` in their \
            names (Common.js:846-850, God.js:207-213);
            - `ignore_watch` (`ignore_watches`): listing paths on an app with `watch` on; they stay \
            watched, and a change there restarts the app.

            Otherwise (the mode written is the one PM2 chooses anyway, one process, logs merged anyway, \
            `watch` off) it stays a warning.
            """,
        references: ["R3"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    instances: 2,\n    «marge_logs»: true,\n  }],\n};\n",
                "PM2 ignores \"marge_logs\" without a word; did you mean \"merge_logs\"? Without it the processes of app \"api\" (2 processes) each write their own out and error files: PM2 adds -<pm_id> to their names",
                fixed:
                    "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    instances: 2,\n    merge_logs: true,\n  }],\n};\n",
                caption: "Reported as an error: the two processes would have shared their log files.", severity: .error),
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', «exec_mod»: 'cluster' }],\n};\n",
                "PM2 ignores \"exec_mod\" without a word; did you mean \"exec_mode\"? Without it app \"api\" runs in fork mode, not cluster mode",
                fixed:
                    "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster' }],\n};\n",
                caption: "Reported as an error: the app silently runs in fork mode.", severity: .error),
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', «marge_logs»: true }],\n};\n",
                "PM2 ignores \"marge_logs\" without a word; did you mean \"merge_logs\"?",
                fixed: "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', merge_logs: true }],\n};\n",
                caption: "A warning: a single fork-mode process has its logs merged anyway."),
            .bad(
                "ecosystem.yml",
                "apps:\n  - name: api\n    script: server.js\n    «env-production»:\n      NODE_ENV: production\n",
                "PM2 ignores \"env-production\" without a word; did you mean \"env_production\"? Only keys that start with \"env_\" are environments",
                fixed: "apps:\n  - name: api\n    script: server.js\n    env_production:\n      NODE_ENV: production\n"),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', ignoreWatch: ['logs'], env_production: { NODE_ENV: 'production' } }],\n};\n",
                caption: "camelCase forms (`ignoreWatch`) are accepted."),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  deploy: { production: { user: 'deploy', host: 'web1', ref: 'origin/main', repo: 'git@example.com:api.git', path: '/srv/api' } },\n};\n",
                caption: "A file with only `deploy` is for `pm2 deploy`."),
        ],
        fix: .safe,
        fixDescription: "When exactly one PM2 key is close, the key is renamed to it (unless that key is already set).")

    static let allSpellings: [String] = PM2Schema.allSpellings + PM2Schema.extraKeys
    /// What an unknown key is compared with: every spelling except camelCase aliases (but
    /// `windowsHide`, which has no snake_case form).
    static let suggestions = Suggest.Index(
        allSpellings.filter { !$0.contains(where: { $0.isUppercase }) || $0 == "windowsHide" })

    public static func check(_ context: inout EcosystemContext) {
        let bare = context.ecosystem.shape == .bareApp
        for app in context.ecosystem.apps where !app.node.hasUnknownEntries {
            for e in app.node.entries {
                // Known keys (nearly all) are told by their bytes, without a String.
                if e.withKeyBytes({ $0.map(PM2Schema.isKnown) ?? false }) { continue }
                guard let key = e.key else { continue }
                // When the whole file is the app, `deploy` and `static` are still read from it
                // (API.js:940-954; `pm2 deploy`, Deploy.js:97).
                if bare && (key == "deploy" || key == "static") { continue }
                var suggestion: String? = nil
                let lower = key.lowercased()
                if lower.hasPrefix("env") && key != "env" {
                    var rest = key.dropFirst(3)
                    while let f = rest.first, f == "-" || f == "_" || f == "." { rest = rest.dropFirst() }
                    if !rest.isEmpty {
                        suggestion =
                            "env_"
                            + (rest.first!.isUppercase ? rest.prefix(1).lowercased() + rest.dropFirst() : String(rest))
                    }
                }
                if suggestion == nil {
                    suggestion = suggestions.close(key).first
                }
                var message = "PM2 ignores \"\(key)\" without a word"
                var fixes: [Fix] = []
                var loss: String? = nil
                if let s = suggestion {
                    message += "; did you mean \"\(s)\"?"
                    if s.hasPrefix("env_") { message += " Only keys that start with \"env_\" are environments" }
                    if app.node.entry(s) == nil {
                        fixes.append(Fix("rename \"\(key)\" to \"\(s)\"", .safe, [Edits.renameKey(e, to: s)]))
                    }
                    loss = lostSetting(app, meant: s, value: e.value)
                }
                if let loss {
                    context.report(description, message + " " + loss, at: e.keyNode, severity: .error, fixes: fixes)
                } else {
                    context.report(description, message, at: e.keyNode, fixes: fixes)
                }
            }
        }
    }

    /// What the app loses at run time because the key meant as `meant` is misspelt, when that
    /// changes how it runs; nil when the setting would change nothing here (then the finding
    /// stays a warning).
    static func lostSetting(_ app: PM2App, meant: String, value v: Node) -> String? {
        let label = EcosystemContext.label(app)
        switch meant {
        case "exec_mode":
            // The mode PM2 chooses without it (Common.js:339-357) against the one written.
            guard app.field(.execMode) == nil, app.executeCommandForcesFork == .no,
                let s = v.string?.trimmingWhitespace().lowercased()
            else { return nil }
            let wanted: PM2App.Mode =
                s == "cluster" || s == "cluster_mode" ? .cluster : s == "fork" || s == "fork_mode" ? .fork : .unknown
            guard wanted != .unknown, app.mode != .unknown, app.mode != wanted else { return nil }
            return "Without it \(label) runs in \(app.mode.rawValue) mode, not \(wanted.rawValue) mode"
        case "instances":
            guard app.node.entry("instances") == nil, app.mode != .unknown else { return nil }
            let wanted = PM2App.instances(of: v)
            guard wanted != .unknown, wanted != .notSet else { return nil }
            // The mode it would have had: written, or chosen from instances (Common.js:339-357).
            var wantedMode = app.mode
            if app.field(.execMode) == nil && app.executeCommandForcesFork == .no {
                let implies: Bool
                switch wanted {
                case .count, .allCPUs: implies = true
                case .cpusMinus(let n): implies = n == 1
                case .notSet, .unknown: implies = false
                }
                switch app.interpreter.kind {
                case .node, .bun: wantedMode = implies ? .cluster : .fork
                case .unknown: return nil
                default: wantedMode = .fork
                }
            }
            guard wanted != .count(1) || wantedMode != app.mode else { return nil }
            if wantedMode == app.mode { return "Without it \(label) runs 1 process instead of \(processes(wanted))" }
            return
                "Without it \(label) runs 1 process in \(app.mode.rawValue) mode instead of \(processes(wanted)) in \(wantedMode.rawValue) mode"
        case "merge_logs", "combine_logs":
            guard app.field(.mergeLogs) == nil, v.isTruthy == true, app.mergesLogs == .no else { return nil }
            switch app.instances {
            case .count(let n) where n > 1: break
            case .allCPUs, .cpusMinus: break
            default: return nil
            }
            return
                "Without it the processes of \(label) (\(processes(app.instances))) each write their own out and error files: PM2 adds -<pm_id> to their names"
        case "ignore_watch":
            guard app.field(.ignoreWatch) == nil, let w = app.field(.watch), w.value.isTruthy == true else {
                return nil
            }
            let lists = v.string.map { !$0.isEmpty } ?? (v.isSequence && !v.elements.isEmpty)
            guard lists else { return nil }
            return "Without it watch does not ignore what it lists: a change there restarts \(label)"
        default:
            return nil
        }
    }

    static func processes(_ i: PM2App.Instances) -> String {
        switch i {
        case .count(let n): return n == 1 ? "1 process" : "\(n) processes"
        case .allCPUs: return "one process per CPU"
        case .cpusMinus(let n): return "one process per CPU minus \(n)"
        case .notSet: return "1 process"
        case .unknown: return "a number of processes known only at run time"
        }
    }
}
