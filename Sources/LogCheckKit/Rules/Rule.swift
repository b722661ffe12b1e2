import LogCheckSyntax

/// A rule: a description, and (for every family but input) a check.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
}

/// An input rule: its findings come from the readers (LC0xx).
public protocol InputRule: Rule {
    static var codes: [SyntaxCode] { get }
    /// What the runtime does with a file that has this problem, as a note (nil: nothing to add).
    static func consequence(in doc: Document) -> String?
}

extension InputRule {
    public static func consequence(in doc: Document) -> String? { nil }
}
