import LogCheckSyntax

/// What a log4js rule sees: the config, the packages its project declares, and a place to report.
public struct Log4jsContext {
    public let config: Log4jsConfig
    /// The packages the config's package.json files declare (its package's and those around it,
    /// where npm and workspaces install them); nil when no package.json was found.
    public let dependencies: Set<String>?
    /// The log4js version the config's package.json files declare (the newest without one).
    public let version: Log4jsVersion
    public private(set) var sink = DiagnosticSink()

    public init(config: Log4jsConfig, dependencies: Set<String>? = nil, version: Log4jsVersion = .undeclared) {
        self.config = config
        self.dependencies = dependencies
        self.version = version
    }

    /// Whether a `require()` of `specifier` finds a declared package: `.yes` when one of the
    /// package.json files declares it, `.no` when they do not, `.unknown` without a package.json.
    public func declares(package specifier: String) -> Truth {
        guard let dependencies else { return .unknown }
        // `@scope/name/sub` and `name/sub` are in the packages `@scope/name` and `name`.
        let parts = specifier.split(separator: "/", omittingEmptySubsequences: false)
        let name =
            specifier.hasPrefix("@") && parts.count > 1
            ? parts[0] + "/" + parts[1] : parts.first.map(String.init) ?? specifier
        return Truth(dependencies.contains(name))
    }

    public var diagnostics: [Diagnostic] { sink.diagnostics }

    public mutating func report(
        _ rule: RuleDescription, _ message: String, at location: Location, severity: Severity? = nil,
        related: [RelatedLocation] = [], notes: [String] = [], help: String? = nil, fixes: [Fix] = []
    ) {
        sink.emit(
            rule, message, at: location, severity: severity, related: related, notes: notes, help: help, fixes: fixes)
    }

    public mutating func report(
        _ rule: RuleDescription, _ message: String, at node: Node, severity: Severity? = nil,
        related: [RelatedLocation] = [], notes: [String] = [], help: String? = nil, fixes: [Fix] = []
    ) {
        report(
            rule, message, at: Location(node), severity: severity, related: related, notes: notes, help: help,
            fixes: fixes)
    }

    /// A finding about one appender's options. log4js builds (and so checks) only the appenders
    /// some category uses (appenders/index.js:128-150); for the others the finding is a warning
    /// that says so.
    public mutating func reportAppender(
        _ appender: Appender, _ rule: RuleDescription, _ message: String, at node: Node, severity: Severity? = nil,
        related: [RelatedLocation] = [], notes: [String] = [], help: String? = nil, fixes: [Fix] = []
    ) {
        var severity = severity ?? rule.severity
        var notes = notes
        if !config.builtAppenders.contains(appender.name) && severity == .error {
            severity = .warning
            notes.insert(
                "appender \"\(appender.name)\" is not used by any category, so log4js never builds it and does not check this yet; it fails as soon as a category uses it",
                at: 0)
        }
        report(
            rule, message, at: Location(node), severity: severity, related: related, notes: notes, help: help,
            fixes: fixes)
    }

    /// The first line of a node (for findings about the node as a whole, such as a missing key).
    public func head(_ node: Node) -> Location {
        let file = node.source
        let line = file.lineSpan(file.lineIndex(of: node.span.start))
        return Location(file, Span(node.span.start, max(node.span.start + 1, min(node.span.end, line.end))))
    }

    /// A value as JavaScript would print it in an error message.
    public static func show(_ node: Node) -> String {
        switch node.kind {
        case .scalar:
            switch node.scalar! {
            case .string(let s): return "\"\(s)\""
            case .number: return node.text ?? node.sourceText
            case .bool(let b): return b ? "true" : "false"
            case .null: return "null"
            case .undefined: return "undefined"
            }
        case .mapping: return "an object"
        case .sequence: return "an array"
        case .unknown: return node.sourceText
        }
    }

    /// Defined appender names for messages: `out, file`.
    public var definedAppenderList: String {
        config.appenders.isEmpty ? "none" : config.appenders.map(\.name).joined(separator: ", ")
    }
}

/// A rule over one log4js config.
public protocol Log4jsRule: Rule {
    static func check(_ context: inout Log4jsContext)
}
