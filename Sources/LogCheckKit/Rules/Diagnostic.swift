import LogCheckSyntax

public enum Severity: Int, Sendable, Comparable, CaseIterable {
    case info = 0
    case warning = 1
    case error = 2

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }

    public var label: String {
        switch self {
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }

    public init?(label: String) {
        switch label.lowercased() {
        case "info", "note": self = .info
        case "warning", "warn": self = .warning
        case "error": self = .error
        default: return nil
        }
    }
}

/// How safe a fix is to apply without review (as in ruff).
public enum Applicability: String, Sendable, Comparable {
    /// Keeps the meaning the user intended; `--fix` applies it.
    case safe
    /// Probably right but changes behaviour; only `--unsafe-fixes` applies it.
    case unsafe
    /// Shown as a suggestion, never applied.
    case displayOnly = "display-only"

    var rank: Int {
        switch self {
        case .safe: return 0
        case .unsafe: return 1
        case .displayOnly: return 2
        }
    }

    public static func < (a: Applicability, b: Applicability) -> Bool { a.rank < b.rank }
}

/// Replace the bytes of `span` in `file` with `replacement`.
public struct TextEdit: Sendable {
    public var file: SourceFile
    public var span: Span
    public var replacement: String

    public init(_ file: SourceFile, _ span: Span, _ replacement: String) {
        self.file = file
        self.span = span
        self.replacement = replacement
    }
}

public struct Fix: Sendable {
    public var title: String
    public var applicability: Applicability
    public var edits: [TextEdit]

    public init(_ title: String, _ applicability: Applicability, _ edits: [TextEdit]) {
        self.title = title
        self.applicability = applicability
        self.edits = edits
    }
}

public struct Diagnostic: Sendable {
    public var rule: RuleDescription
    public var severity: Severity
    public var message: String
    public var location: Location
    public var related: [RelatedLocation]
    public var notes: [String]
    public var help: String?
    public var fixes: [Fix]
    /// The PM2 environment (`env_<name>`) the finding holds in, when it holds only there.
    public var environment: String?

    public init(
        rule: RuleDescription, severity: Severity? = nil, message: String, location: Location,
        related: [RelatedLocation] = [], notes: [String] = [], help: String? = nil, fixes: [Fix] = []
    ) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.message = message
        self.location = location
        self.related = related
        self.notes = notes
        self.help = help
        self.fixes = fixes
    }

    public var file: SourceFile { location.file }

    /// The order findings are reported in: by file, position, rule, then message.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file.path != b.file.path { return a.file.path < b.file.path }
        if a.location.span.start != b.location.span.start { return a.location.span.start < b.location.span.start }
        if a.rule.id != b.rule.id { return a.rule.id < b.rule.id }
        if a.location.span.end != b.location.span.end { return a.location.span.end < b.location.span.end }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// Sorts the findings in report order, as a stable sort does, without the scratch copy a
    /// stable sort of the findings themselves needs: the positions are sorted, then the findings
    /// are moved into place by swaps along each cycle of the permutation.
    public mutating func sortInReportOrder() {
        guard count > 1 else { return }
        var order = [Int32](0..<Int32(count))
        withUnsafeBufferPointer { all in order.sort { Diagnostic.ordered(all[Int($0)], all[Int($1)]) } }
        var placed = [Bool](repeating: false, count: count)
        for start in 0..<count where !placed[start] {
            // Position `at` receives the finding at `order[at]`; the cycle closes at `start`.
            var at = start
            while true {
                placed[at] = true
                let from = Int(order[at])
                if from == start { break }
                swapAt(at, from)
                at = from
            }
        }
    }
}

/// Collects the findings of one check.
public struct DiagnosticSink: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func emit(
        _ rule: RuleDescription, _ message: String, at location: Location, severity: Severity? = nil,
        related: [RelatedLocation] = [], notes: [String] = [], help: String? = nil, fixes: [Fix] = []
    ) {
        diagnostics.append(
            Diagnostic(
                rule: rule, severity: severity, message: message, location: location, related: related,
                notes: notes, help: help, fixes: fixes))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
