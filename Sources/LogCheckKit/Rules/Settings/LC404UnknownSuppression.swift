import LogCheckSyntax

public enum LC404UnknownSuppression: Rule {
    public static let description = RuleDescription(
        id: "LC404", slug: "unknown-suppression", family: .settings, severity: .info,
        summary: "A `logcheck-disable` comment naming a rule that does not exist.",
        rationale: """
            A misspelt rule in a suppression suppresses nothing, and the finding it was meant for still \
            appears; logcheck says which name it does not know, with the closest rule.
            """,
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  // logcheck-disable-next-line «unknown-app-keys»\n  apps: [{ name: 'api', script: 'server.js' }],\n};\n",
                "\"unknown-app-keys\" is not a rule id or slug, so this suppression does nothing; did you mean \"unknown-app-key\"?"
            ),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    // logcheck-disable-next-line unknown-app-key -- read by our deploy script\n    deploy_group: 'blue',\n  }],\n};\n"
            ),
        ])

    /// The finding for a rule name in a suppression comment that names no rule.
    public static func finding(_ name: String, at location: Location) -> Diagnostic {
        let near = Suggest.closest(name, among: RuleRegistry.all.map(\.slug) + RuleRegistry.all.map(\.id))
        return Diagnostic(
            rule: description,
            message: "\"\(name)\" is not a rule id or slug, so this suppression does nothing"
                + (near.map { "; did you mean \"\($0)\"?" } ?? ""),
            location: location)
    }
}
