import LogCheckSyntax

public enum LC010EmptyFile: InputRule {
    public static let codes: [SyntaxCode] = [.empty]
    public static let description = RuleDescription(
        id: "LC010", slug: "empty-file", family: .input, severity: .error,
        summary: "A JSON config or PM2 file is empty.",
        rationale: """
            `JSON.parse('')` throws `Unexpected end of JSON input`, so an empty log4js `.json` config fails \
            configure(); PM2 evaluates an empty `.json` ecosystem file as `()` and reports it as malformated \
            (PM2's own fixture `test/fixtures/process.json` is such a file).
            """,
        examples: [
            .bad("log4js.json", "« »", "the file is empty; JSON.parse fails with \"Unexpected end of JSON input\"")
        ])

    /// An empty ecosystem file does not load; an empty strict-JSON config does not parse.
    public static func consequence(in doc: Document) -> String? {
        doc.kind == .ecosystem ? LC002YAMLSyntax.pm2Stops(doc) : LC003JSONSyntax.consequence(in: doc)
    }
}
