import LogCheckSyntax

public enum LC328UidGidNeedsRoot: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC328", slug: "uid-gid-needs-root", family: .pm2, severity: .warning,
        summary: "`uid`/`user`/`gid`, which make `pm2 start` fail unless pm2 runs as root on Linux or macOS.",
        rationale: """
            With `uid`, `user` or `gid`, PM2 refuses to start the file unless it runs as root \
            (`To use UID and GID please run PM2 as root`), fails on Windows, and fails when the user or group is \
            not in /etc/passwd or /etc/group (Common.js:758-808, R27). Whether that holds depends on the machine, \
            so this is a warning.
            """,
        references: ["R27"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', «user»: 'www-data' }],\n};\n",
                "user makes `pm2 start` fail unless pm2 runs as root (\"To use UID and GID please run PM2 as root\"), and on Windows"
            ),
            .good("ecosystem.config.js", "module.exports = {\n  apps: [{ name: 'api', script: 'server.js' }],\n};\n"),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            for e in app.spellings(.uid) + app.spellings(.gid) where e.value.isTruthy != false {
                context.report(
                    description,
                    "\(e.key ?? "uid") makes `pm2 start` fail unless pm2 runs as root (\"To use UID and GID please run PM2 as root\"), and on Windows",
                    at: e.keyNode)
            }
        }
    }
}
