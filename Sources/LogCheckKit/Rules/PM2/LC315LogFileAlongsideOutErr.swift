import LogCheckSyntax

public enum LC315LogFileAlongsideOutErr: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC315", slug: "log-file-alongside-out-err", family: .pm2, severity: .info,
        summary:
            "`log_file` does not replace the out and error files; and a log path containing `NULL` disables that log.",
        rationale: """
            `log_file` adds a combined file; the out and error files are still written (issue #4386), which \
            surprises people who expect one file. To keep only the combined file, set `out_file` and \
            `error_file` to `/dev/null`. PM2 treats any path that merely *contains* `NULL` as disabled \
            (Utility.js:173), so `logs/NULL-check.log` is never written (R13). PM2 resolves the three files \
            one by one (Common.js:201-234): a `log_file` that is `NULL` or `/dev/null` adds no combined \
            file, and an out or error file that is already disabled is not mentioned.
            """,
        references: ["R13"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', log_file: «'logs/combined.log'» }],\n};\n",
                "log_file adds a combined file, but PM2 still writes app \"api\"'s out and error files too"),
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', log_file: «'logs/combined.log'», out_file: '/dev/null' }],\n};\n",
                "log_file adds a combined file, but PM2 still writes app \"api\"'s error file too"),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', log_file: 'logs/combined.log', out_file: '/dev/null', error_file: '/dev/null' }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            func disabled(_ key: PM2Key) -> Bool {
                guard let v = app.field(key)?.value else { return false }
                if v.isUnknown { return true }
                return v.string.map { $0 == "/dev/null" || $0.containsBytes("NULL") } ?? false
            }
            // Each of the three files on its own (Common.js:201-234): a disabled log_file adds no
            // combined file, and a disabled out or error file is not written.
            if let log = app.field(.logFile), log.value.isTruthy == true, !log.value.isUnknown, !disabled(.logFile) {
                let written = [(PM2Key.outFile, "out"), (PM2Key.errorFile, "error")].filter { !disabled($0.0) }
                if !written.isEmpty {
                    let files = written.map(\.1).joined(separator: " and ") + (written.count == 1 ? " file" : " files")
                    let keys = written.map(\.0.name).joined(separator: " and ")
                    context.report(
                        description,
                        "log_file adds a combined file, but PM2 still writes \(EcosystemContext.label(app))'s \(files) too",
                        at: log.value,
                        help: "set \(keys) to '/dev/null' to keep only the combined file")
                }
            }
            for key in [PM2Key.outFile, .errorFile, .logFile, .pidFile] {
                guard let v = app.field(key)?.value, let path = v.string, path.containsBytes("NULL"), path != "NULL"
                else { continue }
                context.report(
                    description,
                    "\(key.name) \"\(path)\" contains NULL, and PM2 disables any log path that contains NULL: this file is never written",
                    at: v, severity: .warning)
            }
        }
    }
}
