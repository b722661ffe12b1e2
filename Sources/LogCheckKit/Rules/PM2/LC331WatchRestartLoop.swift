import LogCheckSyntax

public enum LC331WatchRestartLoop: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC331", slug: "watch-restart-loop", family: .pm2, severity: .warning,
        summary: "`watch` on a tree that contains the app's own log files, which `ignore_watch` does not exclude.",
        rationale: """
            With `watch` on, PM2 restarts the app when a file under the watched paths (by default its working \
            directory) changes; without `ignore_watch` it ignores only dot files and `node_modules` \
            (Watcher.js). If the app's `out_file`, `error_file` or `log_file` is inside, every line it logs \
            changes a watched file and restarts it: a restart loop (inferred from chokidar's behaviour, corpus \
            120, R35).
            """,
        references: ["R35"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'index.js', watch: true, log_file: «'./api.log'» }],\n};\n",
                "watch is on for app \"api\" and log_file \"./api.log\" is inside the watched tree: every line it logs restarts the app"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'index.js', watch: true, ignore_watch: ['node_modules', 'logs'], log_file: './logs/api.log' }],\n};\n"
            ),
        ])

    static func clean(_ p: String) -> String {
        var s = Substring(p)
        while s.hasPrefix("./") { s = s.dropFirst(2) }
        while s.hasSuffix("/") && s.count > 1 { s = s.dropLast() }
        return String(s)
    }

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            guard let w = app.field(.watch), w.value.isTruthy == true, !w.value.isUnknown else { continue }
            // What is watched: true (the cwd), a path, or a list of paths.
            var watched: [String] = []
            if w.value.bool == true {
                watched = ["."]
            } else if let s = w.value.string {
                watched = [s]
            } else if w.value.isSequence {
                watched = w.value.elements.compactMap(\.string)
            }
            let ignoreField = app.field(.ignoreWatch)
            let ignored =
                (ignoreField.map {
                    $0.value.isSequence ? $0.value.elements.compactMap(\.string) : [$0.value.string].compactMap { $0 }
                } ?? []).map(clean)
            for key in [PM2Key.outFile, .errorFile, .logFile] {
                guard let f = app.field(key), let raw = f.value.string, !raw.hasPrefix("/"), !raw.hasPrefix("~"),
                    !raw.containsBytes("NULL")
                else { continue }
                let path = clean(raw)
                let inside = watched.contains { root in
                    let r = clean(root)
                    return r == "." || path == r || path.hasPrefix(r + "/")
                }
                guard inside else { continue }
                let covered = ignored.contains { pattern in
                    let p = pattern.replacing("**/", with: "").replacing("/**", with: "").replacing("*", with: "")
                    return !p.isEmpty
                        && (path == p || path.hasPrefix(p + "/") || Path.basename(path).hasSuffix(p)
                            || path.split(separator: "/").contains { $0 == Substring(p) })
                }
                // Without ignore_watch PM2 ignores dot files and node_modules (Watcher.js).
                let defaultIgnored =
                    ignoreField == nil
                    && path.split(separator: "/").contains { $0.hasPrefix(".") || $0 == "node_modules" }
                if covered || defaultIgnored || ignoreField?.value.isUnknown == true { continue }
                context.report(
                    description,
                    "watch is on for \(EcosystemContext.label(app)) and \(key.name) \"\(raw)\" is inside the watched tree: every line it logs restarts the app",
                    at: f.value,
                    help: "add its directory to ignore_watch, or write logs outside the watched tree")
            }
        }
    }
}
