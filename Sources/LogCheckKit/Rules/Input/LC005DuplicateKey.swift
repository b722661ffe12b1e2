import LogCheckSyntax

public enum LC005DuplicateKey: InputRule {
    public static let codes: [SyntaxCode] = [.duplicateKey]
    public static let description = RuleDescription(
        id: "LC005", slug: "duplicate-key", family: .input, severity: .error,
        summary: "The same key appears twice in one mapping.",
        rationale: """
            js-yaml (used by PM2 and most Node apps to load YAML) throws `duplicated mapping key`, so a YAML \
            file with a repeated key is not loaded at all: an error. `JSON.parse` keeps the last value and \
            silently drops the first, so in a JSON file it is a warning that names both places: the first \
            value is dead text that someone will edit in vain.
            """,
        examples: [
            .bad(
                "ecosystem.yml", "apps:\n  - name: api\n    script: app.js\n    «name»: worker\n",
                "key \"name\" appears twice in this mapping; js-yaml (used by PM2) throws \"duplicated mapping key\" and the file is not loaded"
            ),
            RuleExample(
                files: [
                    ExampleFile(
                        "log4js.json",
                        #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info", «"level"»: "warn"}}}"#
                    )
                ],
                messages: ["key \"level\" appears twice in this object; JSON.parse keeps only the last value"],
                caption: "In JSON the last value wins, so this is a warning.", severity: .warning),
            .good("ecosystem.yml", "apps:\n  - name: api\n    script: app.js\n"),
        ])
}
