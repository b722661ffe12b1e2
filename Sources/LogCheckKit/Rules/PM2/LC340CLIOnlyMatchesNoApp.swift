import LogCheckSyntax

public enum LC340CLIOnlyMatchesNoApp: EcosystemStartRule {
    public static let description = RuleDescription(
        id: "LC340", slug: "cli-only-matches-no-app", family: .pm2, severity: .error,
        summary:
            "`--only <names>` on a command line that starts an ecosystem file, naming an app the file does not have (`pm2-runtime start ecosystem.config.js --only wroker`).",
        rationale: """
            `--only api,worker` makes `_startJson` start only the apps whose `name` is in the list, split at \\
            commas and spaces (API.js:990-994); the name of an app without `name` is its script's file name \\
            without the extension (Common.js:900-909). A name that matches no app is skipped without a word. \\
            When no name matches, nothing starts: `pm2 start` prints an empty process list and exits 0, and \\
            `pm2-runtime` stops with `0 application started (no apps to run on …)` (Runtime4Docker.js:114-116), \\
            which ends the container. That is an error. When some names match, the others' apps do not run: a \\
            warning. logcheck reads the ecosystem file the command line names; when its list of apps, or a \\
            name, is known only at run time, it says nothing.
            """,
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "Dockerfile",
                        "FROM node:20\nCMD [\"pm2-runtime\", \"start\", \"ecosystem.config.js\", \"--only\", «\"wroker\"»]\n"
                    ),
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [\n    { name: 'api', script: 'server.js' },\n    { name: 'worker', script: 'worker.js' },\n  ],\n};\n"
                    ),
                ],
                messages: [
                    "`--only wroker`: no app of ecosystem.config.js is named \"wroker\", so nothing starts (pm2-runtime stops with \"0 application started\"); did you mean \"worker\"?"
                ]),
            RuleExample(
                files: [
                    ExampleFile(
                        "Dockerfile",
                        "FROM node:20\nCMD [\"pm2-runtime\", \"start\", \"ecosystem.config.js\", \"--only\", «\"api,wroker\"»]\n"
                    ),
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [\n    { name: 'api', script: 'server.js' },\n    { name: 'worker', script: 'worker.js' },\n  ],\n};\n"
                    ),
                ],
                messages: [
                    "`--only api,wroker`: no app of ecosystem.config.js is named \"wroker\", so only \"api\" starts; did you mean \"worker\"?"
                ],
                caption: "A warning: the apps named correctly start.", severity: .warning),
            RuleExample(files: [
                ExampleFile(
                    "Dockerfile",
                    "FROM node:20\nCMD [\"pm2-runtime\", \"start\", \"ecosystem.config.js\", \"--only\", \"worker\"]\n"),
                ExampleFile(
                    "ecosystem.config.js",
                    "module.exports = {\n  apps: [\n    { name: 'api', script: 'server.js' },\n    { name: 'worker', script: 'worker.js' },\n  ],\n};\n"
                ),
            ]),
        ])

    public static func check(_ context: inout EcosystemStartContext) {
        let start = context.start
        guard let only = start.overrides.only, let word = start.overrides.onlyWord, context.ecosystem.appsKnown
        else { return }
        var names: [String] = []
        for app in context.ecosystem.apps {
            guard let n = app.name else { return }
            names.append(n)
        }
        let asked = only.filter { !$0.isEmpty }
        let missing = asked.filter { !names.contains($0) }
        guard let first = missing.first else { return }
        let started = asked.filter { names.contains($0) }
        let program = start.site.line.program
        let quoted = missing.map { "\"\($0)\"" }.joined(separator: ", ")
        let written = word.value ?? only.joined(separator: ",")
        // The app names are half of the finding: renaming an app in the file causes it too.
        let closest = Suggest.closest(first, among: names, maxDistance: 2)
        let named = context.ecosystem.apps.first { $0.name == closest }
        let suggestion = closest.map { "; did you mean \"\($0)\"?" } ?? ""
        let related: [RelatedLocation] =
            if let named, let n = named.field(.name) {
                [RelatedLocation(Location(n.value), "\(EcosystemContext.label(named)) is defined here")]
            } else if let apps = context.ecosystem.appsEntry {
                [RelatedLocation(Location(apps.value.source, apps.keySpan), "the apps of \(context.ecosystemName)")]
            } else {
                []
            }
        // Nothing starting is an error; some apps left out, a warning.
        let outcome: String
        if started.isEmpty {
            outcome =
                program == .pm2 || program == .pm2Dev
                ? "nothing starts (\(program.rawValue) starts nothing and exits 0)"
                : "nothing starts (\(program.rawValue) stops with \"0 application started\")"
        } else {
            outcome =
                "only \(started.map { "\"\($0)\"" }.joined(separator: ", ")) \(started.count == 1 ? "starts" : "start")"
        }
        context.report(
            description,
            "`--only \(written)`: no app of \(context.ecosystemName) is named \(quoted), so \(outcome)\(suggestion)",
            at: start.location(word), severity: started.isEmpty ? nil : .warning, related: related,
            help:
                "use the name of an app of \(context.ecosystemName) (\(names.map { "\"\($0)\"" }.joined(separator: ", ")))"
        )
    }
}
