import LogCheckSyntax

public enum LC008AliasBomb: InputRule {
    public static let codes: [SyntaxCode] = [.aliasExpansion]
    public static let description = RuleDescription(
        id: "LC008", slug: "alias-bomb", family: .input, severity: .error,
        summary: "YAML aliases expand to more nodes than logcheck reads (an alias bomb).",
        rationale: """
            Anchors and aliases let a few lines of YAML stand for billions of nodes ("billion laughs"). \
            logcheck shares aliased nodes instead of copying them, counts what they would expand to, and stops \
            beyond \(ReaderLimits.maxExpandedNodes) nodes when that is over \(ReaderLimits.aliasExpansionRatio) times \
            the nodes the file writes; any tool that expands the file would hang or run out of memory. A large \
            file whose aliases add little (merge keys sharing defaults) is read in full.
            """,
        examples: [
            .good("ecosystem.yml", "defaults: &defaults\n  script: app.js\napps:\n  - <<: *defaults\n    name: api\n")
        ])
}
