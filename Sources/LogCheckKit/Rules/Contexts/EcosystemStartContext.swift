import LogCheckSyntax

/// What a rule over a command line that starts an ecosystem file sees: the command line (in its
/// launch file), the ecosystem file's apps, and a place to report.
public struct EcosystemStartContext {
    public let start: EcosystemStart
    public let ecosystem: Ecosystem
    public private(set) var sink = DiagnosticSink()

    public init(start: EcosystemStart, ecosystem: Ecosystem) {
        self.start = start
        self.ecosystem = ecosystem
    }

    public var diagnostics: [Diagnostic] { sink.diagnostics }

    /// The apps the command line starts: every app, or those `--only` names.
    public var startedApps: [PM2App] {
        ecosystem.apps.filter { start.overrides.starts($0.name) == .yes }
    }

    /// The ecosystem file's name as the command line writes it (`ecosystem.config.js`).
    public var ecosystemName: String { Path.basename(ecosystem.document.path) }

    public mutating func report(
        _ rule: RuleDescription, _ message: String, at location: Location, severity: Severity? = nil,
        related: [RelatedLocation] = [], notes: [String] = [], help: String? = nil, fixes: [Fix] = []
    ) {
        sink.emit(
            rule, message, at: location, severity: severity, related: related, notes: notes, help: help, fixes: fixes)
    }
}

/// A rule over a command line of a launch file and the ecosystem file it starts.
public protocol EcosystemStartRule: Rule {
    static func check(_ context: inout EcosystemStartContext)
}
