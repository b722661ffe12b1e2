import LogCheckSyntax

public enum LC317EnvFileKey: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC317", slug: "env-file-key", family: .pm2, severity: .warning,
        summary: "`env_file`, which PM2 reads as an environment named \"file\", not as a file to load.",
        rationale: """
            Every key matching `^env_\\S*$` is an environment used with `pm2 start --env <name>` (Config.js:92-95). \
            PM2 has no option to load a `.env` file: `env_file: '.env'` defines an environment called `file` \
            whose value is a string, and the variables in `.env` are never set (corpus 123; R15).
            """,
        references: ["R15"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', «env_file»: '.env' }],\n};\n",
                "PM2 has no env_file option: this defines an environment named \"file\" (for `pm2 start --env file`), and .env is never loaded"
            ),
            .good(
                "ecosystem.config.js",
                "require('dotenv').config();\nmodule.exports = {\n  apps: [{ name: 'api', script: 'server.js', env: { PORT: process.env.PORT } }],\n};\n"
            ),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            // Only `env_` keys can be one; their text is built only for those.
            for e in app.node.entries where e.keyHasPrefix("env_") {
                guard let key = e.key,
                    key == "env_file" || key == "env_path" || (e.value.string?.hasSuffix(".env") ?? false)
                else { continue }
                let name = String(key.dropFirst(4))
                context.report(
                    description,
                    "PM2 has no \(key) option: this defines an environment named \"\(name)\" (for `pm2 start --env \(name)`), and \(e.value.string ?? "the file") is never loaded",
                    at: e.keyNode,
                    help: "load it with dotenv (require('dotenv').config() at the top of this file, or in the app)")
            }
        }
    }
}
