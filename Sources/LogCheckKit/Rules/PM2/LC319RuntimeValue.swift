import LogCheckSyntax

public enum LC319RuntimeValue: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC319", slug: "runtime-value", family: .pm2, severity: .info,
        summary:
            "A setting that decides how the app runs is computed when PM2 loads the file, so logcheck cannot check what depends on it.",
        rationale: """
            Values such as `process.env.X || 1`, `os.cpus().length` or a helper call exist only at run time \
            (R17). logcheck never guesses them: checks that depend on `exec_mode`, `instances`, `instance_var`, \
            the interpreter or the script are skipped for that app, and this note says which value stopped them. \
            A string from the environment in `instances` is read by PM2 as `parseInt(…) || 0`: a missing or \
            non-numeric variable means one process per CPU.
            """,
        references: ["R17"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: «process.env.WEB_CONCURRENCY || 2» }],\n};\n",
                "instances is computed when PM2 loads the file (process.env.WEB_CONCURRENCY || 2), so logcheck cannot tell whether app \"api\" runs in cluster or fork mode; checks that depend on it are skipped"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 2, env: { PORT: process.env.PORT } }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            // A value the file does give (`instances: true`, a function) is no run-time value:
            // PM2 rejects it (LC305).
            if app.mode == .unknown, case .runtime(let node) = app.execMode.reason, node.isUnknown,
                !PM2Value.isDefinite(node)
            {
                let key = app.node.entries.first { $0.value.span == node.span }?.key ?? "a value"
                context.report(
                    description,
                    "\(key) is computed when PM2 loads the file (\(node.sourceText)), so logcheck cannot tell whether \(EcosystemContext.label(app)) runs in cluster or fork mode; checks that depend on it are skipped",
                    at: node)
            }
            if let f = app.field(.instanceVar), f.value.isUnknown {
                context.report(
                    description,
                    "instance_var is computed when PM2 loads the file (\(f.value.sourceText)), so logcheck cannot check what reads the instance number",
                    at: f.value)
            }
        }
    }
}
