import LogCheckSyntax

/// A rule: a description, and (for every family but input) a check.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
}

/// An input rule: its findings come from the readers (LC0xx).
public protocol InputRule: Rule {
    static var codes: [SyntaxCode] { get }
}
