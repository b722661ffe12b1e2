import LogCheckSyntax

public enum LC330MergeLogsMisunderstood: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC330", slug: "merge-logs-misunderstood", family: .pm2, severity: .info,
        summary: "`combine_logs` on an app with one process and no `log_file`, as if it combined out and err.",
        rationale: """
            `merge_logs` (alias `combine_logs`) only makes the processes of an app share one out and one error \
            file instead of one per process; it does not merge out and err into one file (issues #1306, \
            #3228, R34). For that, use `log_file`. The `combine_logs` spelling on an app with a single process \
            and no `log_file` is the usual sign of that misunderstanding; `merge_logs: true` ahead of a \
            `pm2 scale` is not reported.
            """,
        references: ["R34"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', «combine_logs»: true }],\n};\n",
                "combine_logs does nothing for app \"api\", which runs 1 process: it merges the files of several processes, not out and err (for one combined file, use log_file)"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', merge_logs: true }, { name: 'web', script: 'web.js', instances: 4, combine_logs: true }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps where app.multipleProcesses == .no {
            guard let f = app.field(.mergeLogs), f.value.isTruthy == true, f.spelling == "combine_logs",
                app.field(.logFile) == nil
            else { continue }
            context.report(
                description,
                "\(f.spelling) does nothing for \(EcosystemContext.label(app)), which runs 1 process: it merges the files of several processes, not out and err (for one combined file, use log_file)",
                at: f.entry.keyNode)
        }
    }
}
