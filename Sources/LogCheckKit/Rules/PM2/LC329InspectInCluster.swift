import LogCheckSyntax

public enum LC329InspectInCluster: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC329", slug: "inspect-in-cluster", family: .pm2, severity: .warning,
        summary: "`--inspect` in `node_args` of an app with several processes.",
        rationale: """
            Each process started with `--inspect` opens the debugger on the same port (9229 unless given); \
            with several instances all but one fail to bind it (corpus 136, R31).
            """,
        references: ["R31"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 2, node_args: [«'--inspect'»] }],\n};\n",
                "node_args has --inspect, but app \"api\" runs 2 processes: they all open the debugger on port 9229, and all but one fail to bind it"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', node_args: ['--inspect'] }],\n};\n"),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps where app.multipleProcesses != .no {
            guard let f = app.field(.nodeArgs) else { continue }
            let items = f.value.isSequence ? Array(f.value.elements) : [f.value]
            for item in items {
                guard let s = item.string, s.containsBytes("--inspect") else { continue }
                let port =
                    s.contains("=")
                    ? String(s.split(separator: "=").last ?? "9229").split(separator: ":").last.map(String.init)
                        ?? "9229" : "9229"
                context.report(
                    description,
                    "node_args has \(s.split(separator: " ").first { $0.contains("--inspect") } ?? "--inspect"), but \(EcosystemContext.label(app)) runs \(app.processesPhrase): they all open the debugger on port \(port), and all but one fail to bind it",
                    at: item)
            }
        }
    }
}
