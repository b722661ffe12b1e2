import LogCheckSyntax

public enum LC003JSONSyntax: InputRule {
    public static let codes: [SyntaxCode] = [.jsonSyntax]
    public static let description = RuleDescription(
        id: "LC003", slug: "json-syntax", family: .input, severity: .error,
        summary: "A log4js `.json` config is not strict JSON.",
        rationale: """
            `log4js.configure('file.json')` and `LOG4JS_CONFIG` read the file with `JSON.parse` \
            (log4js.js:47-57), so comments, trailing commas, single quotes, unquoted keys and a byte order mark \
            make configure() throw `Problem reading config from file "…"` at start-up (C01). logcheck reports \
            each one at its position and, where it can, keeps reading so the rest of the config is checked too.
            PM2's own `.json` files are different: PM2 evaluates them as JavaScript, so this rule does not apply \
            to them (their errors are LC004).
            """,
        references: ["C01"],
        examples: [
            .bad(
                "log4js.json",
                """
                {
                  «// console only»
                  "appenders": { "out": { "type": "stdout" } },
                  "categories": { "default": { "appenders": ["out"], "level": "info" }«,» }
                }
                """,
                "JSON does not allow comments; JSON.parse fails here with \"Unexpected token '/'\"",
                "trailing comma before '}'; JSON.parse fails here with \"Unexpected token '}'\""),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ])

    /// What a strict-JSON log4js config that does not parse does at start-up.
    static let configureThrows =
        "log4js reads this file with JSON.parse, so configure() throws \"Problem reading config from file\" at start-up (log4js.js:47-57)"

    public static func consequence(in doc: Document) -> String? {
        doc.kind == .log4js && doc.strictJSON ? configureThrows : nil
    }
}
