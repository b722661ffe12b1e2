import LogCheckSyntax

public enum LC011UnrecognisedFile: Rule {
    public static let description = RuleDescription(
        id: "LC011", slug: "unrecognised-file", family: .input, severity: .warning,
        summary: "A file named on the command line is neither a PM2 ecosystem file nor a log4js config.",
        rationale: """
            logcheck decides what a file is by its content: a top-level `apps`, `pm2`, `deploy` or `script` key \
            (or a list of apps) makes a PM2 ecosystem file, and `appenders` or `categories` a log4js config. \
            A file named explicitly that is neither is reported instead of being skipped silently, so a typo in \
            a pre-commit `files:` pattern does not hide a config. Name its kind with `--ecosystem FILE` or \
            `--log4js FILE`. Files found while searching a directory are skipped silently instead.
            """,
        examples: [
            .bad(
                "settings.json", "«{\"port\": 3000}»",
                "logcheck does not recognise this file: it has none of the top-level keys of a PM2 ecosystem file (apps, pm2, deploy, script) or of a log4js config (appenders, categories), so nothing in it was checked"
            )
        ])

    /// The finding for a document nothing recognised: named explicitly, read without error, and
    /// neither kind.
    static func check(_ doc: Document, into sink: inout DiagnosticSink) {
        guard doc.kind == .unknown, !doc.input.fromDirectory, doc.read.tree != nil, !doc.read.hasErrors else { return }
        // A package.json is the project's manifest: it draws the package boundaries linking
        // uses, and changing it can change findings, so naming it is expected (pre-commit).
        if Path.basename(doc.path) == "package.json" { return }
        sink.emit(
            description,
            "logcheck does not recognise this file: it has none of the top-level keys of a PM2 ecosystem file (apps, pm2, deploy, script) or of a log4js config (appenders, categories), so nothing in it was checked",
            at: Location(doc.source, doc.root?.span ?? Span(0, 0)),
            help: "name its kind with --ecosystem \(doc.path) or --log4js \(doc.path)")
    }
}
