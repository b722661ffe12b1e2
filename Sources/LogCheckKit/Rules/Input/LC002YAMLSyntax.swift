import LogCheckSyntax

public enum LC002YAMLSyntax: InputRule {
    public static let codes: [SyntaxCode] = [.yamlSyntax]
    public static let description = RuleDescription(
        id: "LC002", slug: "yaml-syntax", family: .input, severity: .error,
        summary: "The YAML file cannot be loaded.",
        rationale: """
            PM2 loads `.yml`/`.yaml` ecosystem files with js-yaml's `load()` (Common.js:279-306) and stops with \
            `File … malformated` when it throws, starting nothing. logcheck reads YAML with libyaml and reports \
            the first error at its exact position, together with the js-yaml behaviours that are errors too: \
            an alias to an undefined anchor, an unknown `!tag`, and a `<<` merge of something that is not a mapping.
            """,
        examples: [
            .bad(
                "ecosystem.yml", "apps:\n  - name: api\n    script: app.js\n   «e»nv: {}\n",
                "YAML syntax error: did not find expected '-' indicator (while parsing a block collection); js-yaml (used by PM2) fails to load the file too"
            ),
            .good("ecosystem.yml", "apps:\n  - name: api\n    script: app.js\n    env: {}\n"),
        ])

    /// What an ecosystem file that does not load does at start-up.
    static func pm2Stops(_ doc: Document) -> String {
        "`pm2 start` stops with \"[PM2][ERROR] File \(Path.basename(doc.path)) malformated\" and starts no app (API.js:924-937)"
    }

    public static func consequence(in doc: Document) -> String? { doc.kind == .ecosystem ? pm2Stops(doc) : nil }
}
