import LogCheckSyntax

public enum LC336CLIOptionIgnored: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC336", slug: "cli-option-ignored", family: .pm2, severity: .warning,
        summary:
            "An app option on the command line that PM2 drops when the target is an ecosystem file (`pm2 start ecosystem.config.js -i 4`).",
        rationale: """
            When `pm2 start` (or `pm2-runtime`) is given an ecosystem file, `_startJson` takes from the command \
            line only `--watch` without paths, `--uid`, `--gid`, `--namespace`, `--only` and `--env` \
            (API.js:985-1026); every other app option is dropped without a word. `-i` is among them: the \
            override applies only when the value is a number (API.js:1010-1012) and commander always gives a \
            string, so the apps run with the file's `instances` (PM2 issues #4309, #4446, #5450). So is \
            `--ignore-watch`: commander stores it as `ignoreWatch` while `_startJson` reads `ignore_watch` \
            (API.js:1006-1007). The app then runs in another mode, with another number of processes, other \
            log files or other watched paths than the line says. (`env_<name>` blocks hold environment \
            variables, not app options: the option belongs on the app itself.)
            """,
        references: ["R32"],
        examples: [
            .bad(
                "package.json",
                "{\n  \"scripts\": {\n    \"start\": \"pm2 start ecosystem.config.js «-i» 4\"\n  }\n}\n",
                "PM2 ignores `--instances` when it starts an ecosystem file: the apps of ecosystem.config.js run with their own `instances`, not with this value"
            ),
            .good(
                "package.json",
                "{\n  \"scripts\": {\n    \"start\": \"pm2 start ecosystem.config.js --env production\"\n  }\n}\n"),
        ])

    public static func check(_ context: inout EcosystemContext) {
        guard let sites = context.document.launch else { return }
        for site in sites.sites {
            let file = site.line.ecosystemFile ?? "the ecosystem file"
            for problem in site.line.problems {
                guard case .ignoredWithEcosystemFile(let option) = problem.kind else { continue }
                let field = PM2Options.table(for: site.line.program).option(option)?.field ?? option
                context.report(
                    description,
                    "PM2 ignores `\(option)` when it starts an ecosystem file: the apps of \(file) run with their own `\(field)`, not with this value",
                    at: Location(context.document.source, problem.word.span),
                    help:
                        "set `\(field)` on the apps in \(file), and remove `\(option)` here"
                )
            }
        }
    }
}
