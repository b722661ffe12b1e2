import LogCheckSyntax

public enum LC006MultipleDocuments: InputRule {
    public static let codes: [SyntaxCode] = [.multipleDocuments]
    public static let description = RuleDescription(
        id: "LC006", slug: "multiple-documents", family: .input, severity: .error,
        summary: "A YAML file holds more than one document (`---`).",
        rationale: """
            PM2 loads YAML with js-yaml's `load()`, which accepts exactly one document and throws \
            `expected a single document in the stream, but found more` otherwise; `pm2 start` then reports \
            the file as malformated. logcheck checks the first document and reports where the second begins.
            """,
        examples: [
            .bad(
                "ecosystem.yml", "apps:\n  - script: app.js\n«---»\napps:\n  - script: worker.js\n",
                "a second YAML document starts here; js-yaml's load() (used by PM2) throws \"expected a single document in the stream, but found more\""
            ),
            .good("ecosystem.yml", "---\napps:\n  - script: app.js\n"),
        ])

    public static func consequence(in doc: Document) -> String? {
        doc.kind == .ecosystem ? LC002YAMLSyntax.pm2Stops(doc) : nil
    }
}
