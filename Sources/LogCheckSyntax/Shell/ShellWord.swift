/// One word of a shell command line, as `sh` splits it: its value after quote removal and
/// where it is written in the source file.
public struct ShellWord: Sendable, Equatable {
    /// The word after quote and escape removal; nil when part of it is known only at run time
    /// (`$VAR`, `${VAR}`, `$(…)`, `` `…` ``).
    public var value: String?
    /// Where the word is written in the source file (quotes included).
    public var span: Span

    public init(_ value: String?, span: Span) {
        self.value = value
        self.span = span
    }

    /// Whether the word is exactly `text` (a word known only at run time never is).
    public func `is`(_ text: String) -> Bool { value == text }
}

/// A simple command: its leading `NAME=value` assignments and its words.
public struct ShellCommand: Sendable, Equatable {
    public var assignments: [ShellAssignment]
    public var words: [ShellWord]
    /// The whole command in the source file.
    public var span: Span

    public init(assignments: [ShellAssignment], words: [ShellWord], span: Span) {
        self.assignments = assignments
        self.words = words
        self.span = span
    }
}

/// `NAME=value` before a command's words.
public struct ShellAssignment: Sendable, Equatable {
    public var name: String
    /// The value (after `=`), nil when known only at run time.
    public var value: ShellWord
    public var span: Span

    public init(name: String, value: ShellWord, span: Span) {
        self.name = name
        self.value = value
        self.span = span
    }
}
