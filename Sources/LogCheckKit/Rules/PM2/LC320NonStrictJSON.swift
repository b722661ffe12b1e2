import LogCheckSyntax

public enum LC320NonStrictJSON: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC320", slug: "non-strict-json", family: .pm2, severity: .info,
        summary: "A `.json` ecosystem file that is not JSON (comments, unquoted keys, single quotes, expressions).",
        rationale: """
            PM2 evaluates `.json` files as a JavaScript expression (Common.js:279-306), so comments, unquoted keys, \
            single quotes, trailing commas and expressions such as `process.env.X` work there. Every other tool, \
            JSON.parse, editors' JSON schemas, `jq`, rejects the file (R18). Rename it to `.config.js` to say \
            what it is.
            """,
        references: ["R18"],
        examples: [
            .bad(
                "process.json",
                "{\n  «// the API»\n  \"apps\": [{ \"name\": \"api\", \"script\": \"server.js\" }]\n}\n",
                "this .json file is not JSON (JSON does not allow comments): PM2 accepts it because it evaluates .json files as JavaScript, but JSON tools reject it"
            ),
            .good("process.json", "{\n  \"apps\": [{ \"name\": \"api\", \"script\": \"server.js\" }]\n}\n"),
        ])

    /// About the syntax of an ecosystem file.
    public static let readsLaunchSites = false

    public static func check(_ context: inout EcosystemContext) {
        let doc = context.document
        guard doc.format == .json, !doc.strictJSON, let first = doc.nonJSON.first(where: { $0.severity == .error })
        else { return }
        var reason = first.message
        if let semicolon = reason.firstIndex(of: ";") { reason = String(reason[..<semicolon]) }
        context.report(
            description,
            "this .json file is not JSON (\(reason)): PM2 accepts it because it evaluates .json files as JavaScript, but JSON tools reject it",
            at: Location(doc.source, first.span), help: "rename it to ecosystem.config.js, or write strict JSON")
    }
}
