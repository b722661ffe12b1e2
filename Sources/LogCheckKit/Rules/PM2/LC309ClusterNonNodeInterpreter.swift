import LogCheckSyntax

public enum LC309ClusterNonNodeInterpreter: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC309", slug: "cluster-non-node-interpreter", family: .pm2, severity: .warning,
        summary: "Cluster mode for a script that is not run by node or bun.",
        rationale: """
            In cluster mode PM2 starts each instance with `cluster.fork()` and loads the script into Node \
            (ProcessContainer.js); there is no check of the interpreter, so a Python, Ruby or shell script in \
            cluster mode is loaded as JavaScript and crashes (unverified at runtime, docs/evidence/pm2.md#exec-mode, R6). Fork \
            mode runs any interpreter.
            """,
        references: ["R6"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'ml', script: 'serve.py', exec_mode: «'cluster'», instances: 2 }],\n};\n",
                "app \"ml\" runs serve.py with python, but cluster mode loads the script into Node as JavaScript: it crashes; use fork mode"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'ml', script: 'serve.py', exec_mode: 'fork', instances: 2 }],\n};\n"
            ),
        ],
        fix: .safe,
        fixDescription: "`exec_mode` is set to `'fork'`.")

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            guard app.mode == .cluster, case .explicit(let f) = app.execMode.reason else { continue }
            let i = app.interpreter
            guard case .other(let name) = i.kind else { continue }
            let script = app.script?.string ?? "the script"
            context.report(
                description,
                "\(EcosystemContext.label(app)) runs \(script) with \(name), but cluster mode loads the script into Node as JavaScript: it crashes; use fork mode",
                at: f.value,
                fixes: [Fix("use exec_mode 'fork'", .safe, [Edits.replaceValue(f.value, with: .string("fork"))])])
        }
    }
}
