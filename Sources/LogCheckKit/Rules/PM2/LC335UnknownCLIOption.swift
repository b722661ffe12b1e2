import LogCheckSyntax

public enum LC335UnknownCLIOption: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC335", slug: "unknown-cli-option", family: .pm2, severity: .error,
        summary: "An option or command the PM2 program does not define (`pm2 start app.js --instance 4`).",
        rationale: """
            PM2 7.0.3 reads its command line with commander 2.15.1. `pm2` defines no catch-all for options: \
            an option that neither `pm2` nor its command defines stops it with "error: unknown option" and exit \
            code 1 before anything starts (commander index.js:820-826), and a command it does not know prints \
            "Command not found" and exits 1 (CLI.js:1055-1061). The deployment that runs the line does not \
            start. `pm2-runtime` and `pm2-docker` allow unknown options (Runtime4Docker.js:45): there the \
            option is dropped and the app starts without it, so the finding is a warning. There is no \
            `--instance-var` option: set `instance_var` in an ecosystem file.
            """,
        examples: [
            .bad(
                "package.json",
                "{\n  \"scripts\": {\n    \"start\": \"pm2 start app.js «--instance» 4\"\n  }\n}\n",
                "`pm2` has no option `--instance`: pm2 stops with \"error: unknown option\" and exit code 1, and nothing starts; did you mean `--instances`?"
            ),
            .good("package.json", "{\n  \"scripts\": {\n    \"start\": \"pm2 start app.js --instances 4\"\n  }\n}\n"),
        ])

    public static func check(_ context: inout EcosystemContext) {
        guard let sites = context.document.launch else { return }
        let source = context.document.source
        for site in sites.sites {
            let line = site.line
            let program = "`\(line.program.rawValue)`"
            for problem in line.problems {
                switch problem.kind {
                case .unknownOption(let suggestion):
                    let flag = problem.word.value ?? "?"
                    let flagName = flag.split(separator: "=", maxSplits: 1).first.map(String.init) ?? flag
                    let consequence =
                        line.rejectsUnknownOptions
                        ? "\(line.program.rawValue) stops with \"error: unknown option\" and exit code 1, and nothing starts"
                        : "\(line.program.rawValue) ignores it and starts the app without it"
                    var message = "\(program) has no option `\(flagName)`: \(consequence)"
                    if let suggestion { message += "; did you mean `\(suggestion)`?" }
                    context.report(
                        description, message, at: Location(source, problem.word.span),
                        severity: line.rejectsUnknownOptions ? .error : .warning,
                        help: flagName == "--instance-var"
                            ? "PM2's command line has no instance variable option: set `instance_var` in an ecosystem file and start that"
                            : suggestion.map { "write `\($0)`" })
                case .unknownCommand(let suggestion):
                    let word = problem.word.value ?? "?"
                    var message =
                        "`pm2 \(word)` is not a PM2 command: pm2 prints \"Command not found\" and exits 1, and nothing starts"
                    if let suggestion { message += "; did you mean `pm2 \(suggestion)`?" }
                    context.report(
                        description, message, at: Location(source, problem.word.span),
                        help: suggestion.map { "write `pm2 \($0)`" })
                default:
                    continue
                }
            }
        }
    }
}
