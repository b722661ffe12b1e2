import LogCheckSyntax

public enum LC314SharedLogPath: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC314", slug: "shared-log-path", family: .pm2, severity: .warning,
        summary:
            "A PM2 log path that does not end in `.log`, so the instances of an app share one file; or one ending in `-<digits>.log`, whose digits PM2 replaces.",
        rationale: """
            Unless logs are merged, PM2 gives each process its own out, error and combined file by replacing a \
            final `.log` (or `-<digits>.log`) with `-<pm_id>.log` (God.js:204-213). A path that does not end in \
            `.log` gets no suffix, so every instance appends to the same file even with `merge_logs: false`; a \
            path such as `app-2024.log` loses its digits (R12).
            """,
        references: ["R12"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 4, out_file: «'logs/api.out'» }],\n};\n",
                "out_file \"logs/api.out\" does not end in .log, so PM2 adds no -<pm_id> suffix: all 4 processes of app \"api\" write the same file"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 4, out_file: 'logs/api-out.log' }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            guard app.mergesLogs == .no, app.multipleProcesses != .no else { continue }
            for key in [PM2Key.outFile, .errorFile, .logFile] {
                guard let f = app.field(key), let path = f.value.string, !path.containsBytes("NULL"),
                    path != "/dev/null"
                else { continue }
                if !path.hasSuffix(".log") {
                    context.report(
                        description,
                        "\(key.name) \"\(path)\" does not end in .log, so PM2 adds no -<pm_id> suffix: all \(app.processesPhrase) of \(EcosystemContext.label(app)) write the same file",
                        at: f.value,
                        help:
                            "end the name in .log to get one file per process, or set merge_logs: true to share one file on purpose"
                    )
                } else if let dash = path.dropLast(4).lastIndex(of: "-"),
                    !path[path.index(after: dash)..<path.index(path.endIndex, offsetBy: -4)].isEmpty,
                    path[path.index(after: dash)..<path.index(path.endIndex, offsetBy: -4)].allSatisfy({ $0.isNumber })
                {
                    context.report(
                        description,
                        "\(key.name) \"\(path)\" ends in -<digits>.log: PM2 replaces those digits with each process's pm_id",
                        at: f.value, severity: .info)
                }
            }
        }
    }
}
