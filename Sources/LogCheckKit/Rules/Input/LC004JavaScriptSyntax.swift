import LogCheckSyntax

public enum LC004JavaScriptSyntax: InputRule {
    public static let codes: [SyntaxCode] = [.scriptSyntax]
    public static let description = RuleDescription(
        id: "LC004", slug: "javascript-syntax", family: .input, severity: .error,
        summary: "A JavaScript ecosystem file (or a PM2 `.json` file) cannot be read.",
        rationale: """
            PM2 loads `ecosystem.config.js` with `require()` and evaluates its `.json` files as a JavaScript \
            expression (Common.js:279-306). A syntax error makes `pm2 start` print only \
            `[PM2][ERROR] File ecosystem.config.js malformated` with the raw exception, and nothing starts \
            (issue Unitech/pm2#5337: a missing comma). logcheck never runs the file: it reads the literal \
            values with its own parser and points at the exact token, usually a missing comma.
            """,
        references: ["R19"],
        examples: [
            .bad(
                "ecosystem.config.js",
                """
                module.exports = {
                  apps: [{
                    name: 'api'
                    «script»: 'app.js',
                  }],
                };
                """,
                "cannot read this JavaScript: expected ',' or '}' after a property, found 'script'; is a comma missing?"
            ),
            .good(
                "ecosystem.config.js",
                """
                module.exports = {
                  apps: [{
                    name: 'api',
                    script: 'app.js',
                  }],
                };
                """),
        ])

    public static func consequence(in doc: Document) -> String? {
        doc.kind == .ecosystem ? LC002YAMLSyntax.pm2Stops(doc) : nil
    }
}
