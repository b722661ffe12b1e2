import LogCheckSyntax

/// What a PM2 rule sees: the ecosystem, and a place to report.
public struct EcosystemContext {
    public let ecosystem: Ecosystem
    public private(set) var sink = DiagnosticSink()

    public init(ecosystem: Ecosystem) {
        self.ecosystem = ecosystem
    }

    public var diagnostics: [Diagnostic] { sink.diagnostics }
    public var document: Document { ecosystem.document }

    public mutating func report(
        _ rule: RuleDescription, _ message: String, at node: Node, severity: Severity? = nil,
        related: [RelatedLocation] = [], notes: [String] = [], help: String? = nil, fixes: [Fix] = []
    ) {
        report(
            rule, message, at: Location(node), severity: severity, related: related, notes: notes, help: help,
            fixes: fixes)
    }

    public mutating func report(
        _ rule: RuleDescription, _ message: String, at location: Location, severity: Severity? = nil,
        related: [RelatedLocation] = [], notes: [String] = [], help: String? = nil, fixes: [Fix] = []
    ) {
        sink.emit(
            rule, message, at: location, severity: severity, related: related, notes: notes, help: help, fixes: fixes)
    }

    /// "app "api"" or "app #2" for messages.
    public static func label(_ app: PM2App) -> String {
        app.label
    }

    /// A value as PM2's error messages show its type.
    public static func typeName(_ node: Node) -> String {
        switch node.kind {
        case .mapping: return "[object Object]"
        case .sequence: return "[object Array]"
        case .unknown: return "unknown"
        case .scalar:
            switch node.scalarType! {
            case .string: return "[object String]"
            case .number: return "[object Number]"
            case .bool: return "[object Boolean]"
            case .null: return "[object Null]"
            case .undefined: return "[object Undefined]"
            }
        }
    }
}

/// A rule over one PM2 ecosystem file, and over the apps of a launch file (the PM2 command
/// lines of a package.json, a Dockerfile, a shell script…) unless `readsLaunchSites` is false.
public protocol EcosystemRule: Rule {
    static func check(_ context: inout EcosystemContext)
    /// Whether the rule also reads the apps a launch file's command lines start (default true).
    /// False for rules about the file's own shape or about a set of apps started together
    /// (the command lines of a launch file are often alternatives: the scripts `start` and
    /// `start:prod`).
    static var readsLaunchSites: Bool { get }
}

extension EcosystemRule {
    public static var readsLaunchSites: Bool { true }
}
