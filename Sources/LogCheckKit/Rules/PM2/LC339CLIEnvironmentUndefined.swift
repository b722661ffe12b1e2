import LogCheckSyntax

public enum LC339CLIEnvironmentUndefined: EcosystemStartRule {
    public static let description = RuleDescription(
        id: "LC339", slug: "cli-env-undefined", family: .pm2, severity: .warning,
        summary:
            "`--env <name>` on a command line that starts an ecosystem file whose apps have no `env_<name>` (`pm2 start ecosystem.config.js --env production`).",
        rationale: """
            `pm2 start ecosystem.config.js --env production` (also `pm2-runtime`, `pm2 restart` and `reload` of \
            a file) merges each app's `env_production` over its `env` (`Common.mergeEnvironmentVariables`, \
            Common.js:599-652, called for every app the file starts, API.js:1146). An app without that exact key \
            gets only `[PM2][WARN] Environment [production] is not defined in process file` in the output and \
            starts with its plain `env`: the variables meant for production (`NODE_ENV`, a database URL, \
            `LOG4JS_CONFIG`) are missing, and the app may run with its development settings. The key must match \
            exactly (`env_prod` is another environment). logcheck reads the ecosystem file the command line \
            names and reports the apps it starts (those `--only` names) that lack the block; an app whose keys \
            are known only at run time (a spread of another object) is left alone.
            """,
        references: ["R15"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "package.json",
                        "{\n  \"scripts\": {\n    \"start\": \"pm2 start ecosystem.config.js --env «production»\"\n  }\n}\n"
                    ),
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', env_prod: { NODE_ENV: 'production' } }],\n};\n"
                    ),
                ],
                messages: [
                    "`--env production`: app \"api\" of ecosystem.config.js has no env_production, so PM2 warns \"Environment [production] is not defined in process file\" and starts it with its plain env"
                ]),
            RuleExample(files: [
                ExampleFile(
                    "package.json",
                    "{\n  \"scripts\": {\n    \"start\": \"pm2 start ecosystem.config.js --env production\"\n  }\n}\n"),
                ExampleFile(
                    "ecosystem.config.js",
                    "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', env_production: { NODE_ENV: 'production' } }],\n};\n"
                ),
            ]),
        ])

    public static func check(_ context: inout EcosystemStartContext) {
        let start = context.start
        guard let word = start.environment, let name = word.value, !name.isEmpty else { return }
        let missing = context.startedApps.filter { app in
            !app.node.hasUnknownEntries && !app.environments.contains { $0.name == name }
        }
        guard let first = missing.first else { return }
        let others = missing.dropFirst().map(EcosystemContext.label)
        let apps =
            others.isEmpty
            ? EcosystemContext.label(first)
            : EcosystemContext.label(first) + " (and " + others.joined(separator: ", ") + ")"
        let defined = first.environments.compactMap(\.name)
        let otherwise =
            defined.isEmpty
            ? "remove `--env \(name)`"
            : "name an environment it defines (\(defined.map { "`--env \($0)`" }.joined(separator: ", ")))"
        let help = "add env_\(name) to \(EcosystemContext.label(first)) in \(context.ecosystemName), or \(otherwise)"
        context.report(
            description,
            "`--env \(name)`: \(apps) of \(context.ecosystemName) \(others.isEmpty ? "has" : "have") no env_\(name), so PM2 warns \"Environment [\(name)] is not defined in process file\" and starts \(others.isEmpty ? "it" : "them") with \(others.isEmpty ? "its" : "their") plain env",
            at: start.location(word),
            related: missing.map { app in
                RelatedLocation(
                    app.field(.name).map { Location($0.value) } ?? Location(app.node.source, app.node.headSpan),
                    "\(EcosystemContext.label(app)) defines no env_\(name)")
            },
            help: help)
    }
}
