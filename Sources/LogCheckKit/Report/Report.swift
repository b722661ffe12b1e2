import LogCheckSyntax

/// The outcome of a run, as reporters see it.
public struct Report: Sendable {
    public var diagnostics: [Diagnostic]
    /// Number of files checked.
    public var fileCount: Int
    /// Lines for `--verbose` (which link joined which app to which log4js config …).
    public var verboseLines: [String] = []
    /// Problems `--fix` fixed before this report.
    public var fixedCount = 0
    /// Findings hidden because `--baseline` records them.
    public var baselineCount = 0

    public init(diagnostics: [Diagnostic], fileCount: Int) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
    }

    public func count(_ severity: Severity) -> Int {
        diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }
}

public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case github
}

public protocol Reporter {
    func render(_ report: Report) -> String
    /// Writes the report to `sink`; reporters whose output is a sequence of independent parts
    /// write it in pieces, so a run with many findings never holds all of its output at once.
    func write(_ report: Report, to sink: TextSink)
}

extension Reporter {
    public func write(_ report: Report, to sink: TextSink) { sink.write(render(report)) }
}

extension Applicability {
    var describedForText: String {
        switch self {
        case .safe: return "safe fix"
        case .unsafe: return "unsafe fix, applied with --unsafe-fixes"
        case .displayOnly: return "suggested change, not applied automatically"
        }
    }
}
