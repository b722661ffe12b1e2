import LogCheckSyntax

public enum LC308ImplicitClusterMode: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC308", slug: "implicit-cluster-mode", family: .pm2, severity: .info,
        summary: "The app runs in cluster mode although `exec_mode` does not say so.",
        rationale: """
            When `exec_mode` is not set, PM2 chooses cluster mode if `instances` is set (any number ≥ 1, 0, `max` \
            or -1) and the interpreter is node or bun (Common.js:339-357; since 2019, `instances: 1` too, commit \
            b122dca7) (R6). In cluster mode every process is a cluster worker, which changes where its output \
            goes and how loggers such as log4js behave (see LC101).
            """,
        references: ["R6"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: «1» }],\n};\n",
                "app \"api\" runs in cluster mode: instances is set and the interpreter is node, so PM2 chooses cluster mode although exec_mode does not say so",
                fixed:
                    "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 1, exec_mode: 'cluster' }],\n};\n"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 4, exec_mode: 'cluster' }, { name: 'py', script: 'job.py', instances: 2 }],\n};\n"
            ),
        ],
        fix: .safe,
        fixDescription:
            "`exec_mode: 'cluster'` is written next to the other keys, which changes nothing but makes the mode visible."
    )

    /// PM2's command line has no exec mode option and documents `-i` as cluster mode: the
    /// implicit choice is the explicit one there.
    public static let readsLaunchSites = false

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            guard app.mode == .cluster, case .implicitCluster(let instances, let interpreter) = app.execMode.reason
            else { continue }
            let how =
                interpreter.explicit
                ? "the interpreter is \(interpreter.name)" : "the interpreter is \(interpreter.name)"
            context.report(
                description,
                "\(EcosystemContext.label(app)) runs in cluster mode: instances is set and \(how), so PM2 chooses cluster mode although exec_mode does not say so",
                at: instances.value,
                help: "write exec_mode: 'cluster' to make it visible, or exec_mode: 'fork' for separate processes",
                fixes: [
                    Fix(
                        "write exec_mode: 'cluster'", .safe,
                        Edits.insertEntry(into: app.node, key: "exec_mode", value: .string("cluster")))
                ])
        }
    }
}
