import LogCheckSyntax

public enum LC313ClusterCommandScript: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC313", slug: "cluster-command-script", family: .pm2, severity: .warning,
        summary: "Cluster mode with `npm`, `yarn`, `pnpm`, `npx` or a shell command as the script.",
        rationale: """
            In cluster mode the PM2 worker captures output by patching `process.stdout.write` \
            (ProcessContainer.js:157-232). With a package manager or a shell command as the script, the real app \
            is a child of the worker that writes straight to file descriptor 1, which in cluster mode is the PM2 \
            daemon's own log: the app's output lands in `~/.pm2/pm2.log`, not in its log files or `pm2 logs` \
            (issues #3215, #5633; R11).
            """,
        references: ["R11"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'web', script: «'npm'», args: 'start', instances: 2 }],\n};\n",
                "app \"web\" runs npm in cluster mode: the real app is npm's child and writes to the PM2 daemon's log (~/.pm2/pm2.log), not to this app's log files or `pm2 logs web`"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'web', script: 'npm', args: 'start', exec_mode: 'fork' }],\n};\n"),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps where app.mode == .cluster {
            guard let script = app.script, let s = script.string else { continue }
            let base = Path.basename(s)
            let command: String
            if s.containsBytes(" ") {
                command = "the shell command \"\(s)\""
            } else if ["npm", "yarn", "pnpm", "npx"].contains(base) {
                command = base
            } else {
                continue
            }
            let name = app.name ?? "<name>"
            context.report(
                description,
                "\(EcosystemContext.label(app)) runs \(command) in cluster mode: the real app is \(s.containsBytes(" ") ? "a child of bash" : "\(base)'s child") and writes to the PM2 daemon's log (~/.pm2/pm2.log), not to this app's log files or `pm2 logs \(name)`",
                at: script,
                help:
                    "point script at the app's entry file (for example the file `npm start` runs), or use exec_mode: 'fork'"
            )
        }
    }
}
