import LogCheckSyntax

public enum LC338CLIOptionWithoutValue: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC338", slug: "cli-option-without-value", family: .pm2, severity: .error,
        summary: "A PM2 option that takes a value, last on the command line (`pm2 start app.js --name`).",
        rationale: """
            An option written `<value>` in PM2's option table takes the next word, whatever it is. At the end of \
            the command line there is none: commander prints "error: option … argument missing" and exits 1 \
            (commander 2.15.1 index.js:723-725, 802-812), for `pm2`, `pm2-runtime` and `pm2-dev` alike. \
            Nothing starts. (In the middle of the line the option takes the next word even when it is another \
            option: `--name -i 4` names the app "-i".)
            """,
        examples: [
            .bad(
                "Procfile",
                "web: pm2-runtime start app.js -i 2 «--name»\n",
                "`--name` takes a value and is the last word: pm2-runtime stops with \"error: option argument missing\" and exit code 1, and nothing starts"
            ),
            .good("Procfile", "web: pm2-runtime start app.js -i 2 --name web\n"),
        ])

    public static func check(_ context: inout EcosystemContext) {
        guard let sites = context.document.launch else { return }
        for site in sites.sites {
            for problem in site.line.problems {
                guard case .missingValue(let option) = problem.kind else { continue }
                context.report(
                    description,
                    "`\(option)` takes a value and is the last word: \(site.line.program.rawValue) stops with \"error: option argument missing\" and exit code 1, and nothing starts",
                    at: Location(context.document.source, problem.word.span),
                    help: "give `\(option)` its value, or remove it")
            }
        }
    }
}
