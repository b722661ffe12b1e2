import LogCheckSyntax

/// What a deployment rule sees: one app with one log4js config, the host facts, and a place to report.
public struct DeploymentContext {
    public let deployment: Deployment
    public let facts: HostFacts
    /// The command lines of launch files that start the app's ecosystem file.
    public let starts: [EcosystemStart]
    public private(set) var sink = DiagnosticSink()

    public init(deployment: Deployment, facts: HostFacts, starts: [EcosystemStart] = []) {
        self.deployment = deployment
        self.facts = facts
        self.starts = starts
    }

    public var app: PM2App { deployment.app }
    public var config: Log4jsConfig { deployment.config }
    public var diagnostics: [Diagnostic] { sink.diagnostics }
    public var appLabel: String { EcosystemContext.label(app) }
    /// The log4js version the app runs, for the rules whose verdict depends on it.
    public var version: Log4jsVersion { deployment.log4jsVersion }

    /// Reports a finding; `environment` names the `env_<name>` it holds in when that is narrower
    /// than the deployment's.
    public mutating func report(
        _ rule: RuleDescription, _ message: String, at location: Location, severity: Severity? = nil,
        related: [RelatedLocation] = [], notes: [String] = [], help: String? = nil, fixes: [Fix] = [],
        environment: String? = nil
    ) {
        // Every finding of a pair says why logcheck took the two files together, and points at
        // the configure() call that loads a config file: the code is part of the finding.
        let linked = notes + ["linked: " + deployment.linkDescription]
        var related = related
        if case .configureCall = deployment.link, let call = deployment.hops.last, call.location.file !== config.source
        {
            related.append(RelatedLocation(call.location, "\(appLabel) loads this log4js config here"))
        }
        var d = Diagnostic(
            rule: rule, severity: severity, message: message, location: location, related: related, notes: linked,
            help: help, fixes: fixes)
        d.environment = environment ?? deployment.environment
        sink.emit(d)
    }

    /// Where the app's mode comes from, as a related location.
    public var modeOrigin: RelatedLocation? {
        let mode = app.execMode
        switch mode.reason {
        case .explicit(let f):
            return RelatedLocation(
                Location(f.value), "PM2 runs \(appLabel) in \(mode.mode.rawValue) mode (\(app.instancesDescription))")
        case .implicitCluster(let f, let i):
            return RelatedLocation(
                Location(f.value),
                "instances is set and the interpreter is \(i.name), so PM2 runs \(appLabel) in cluster mode (\(app.instancesDescription))"
            )
        case .executeCommand(let e):
            return RelatedLocation(Location(e.value), "execute_command makes PM2 run \(appLabel) in fork mode")
        case .defaultFork:
            if let i = app.field(.instances) {
                return RelatedLocation(
                    Location(i.value), "PM2 runs \(appLabel) in fork mode (\(app.instancesDescription))")
            }
            return RelatedLocation(Location(app.node.source, headSpan(app.node)), "PM2 runs \(appLabel) in fork mode")
        case .runtime(let n):
            return RelatedLocation(Location(n), "this value decides the mode at run time")
        }
    }

    /// The first line of a node.
    public func headSpan(_ node: Node) -> Span { node.headSpan }

    /// The log4js config's `pm2` entry, or its first line when there is none.
    public var configHead: Location {
        if let e = config.pm2Entry { return Location(e.tree.source, e.span) }
        return Location(config.source, headSpan(config.root))
    }
}

extension Deployment {
    /// The variable PM2 numbers the app's instances in, when known.
    public var appInstanceVariable: String? { app.instanceVariable.name }

    /// The variable log4js reads to find instance 0, when known.
    public var log4jsInstanceVariable: String? {
        switch config.pm2InstanceVar {
        case .name(let n, _): return n
        case .null: return "null"
        case .empty: return ""
        case .unknown: return nil
        }
    }

    /// log4js' pm2 mode: cluster mode, `pm2` truthy, `disableClustering` falsy, and the instance
    /// variables agree, so instance 0 writes for all.
    public var pm2ModeWorks: Truth {
        // Before log4js 2, there is no pm2 mode (and no forwarding to replace).
        guard log4jsVersion.forwardsClusterEvents else { return .no }
        guard codeMode == .cluster else { return codeMode == .unknown ? .unknown : .no }
        if config.pm2 == .no || config.disableClustering == .yes { return .no }
        if config.pm2 == .unknown || config.disableClustering == .unknown { return .unknown }
        guard let a = appInstanceVariable, let l = log4jsInstanceVariable else { return .unknown }
        return Truth(a == l)
    }

    /// How many processes build appenders and write themselves: every process in fork mode or with
    /// disableClustering; none in cluster mode without pm2 or disableClustering; instance 0 in pm2 mode.
    /// Before log4js 2, every process writes, cluster worker or not.
    public var independentWriters: Truth {
        if !log4jsVersion.forwardsClusterEvents { return app.multipleProcesses }
        switch codeMode {
        case .fork: return app.multipleProcesses
        case .cluster:
            switch config.disableClustering {
            case .yes: return app.multipleProcesses
            case .no: return .no
            case .unknown: return app.multipleProcesses == .no ? .no : .unknown
            }
        case .unknown: return app.multipleProcesses == .no ? .no : .unknown
        }
    }
}

/// A rule over one app and one log4js config it loads.
public protocol DeploymentRule: Rule {
    static func check(_ context: inout DeploymentContext)
}

/// A rule over every deployment of the checked files at once. `facts` gives the host facts of a
/// deployment's ecosystem file (the settings, with what the launch files that start it add).
public protocol DeploymentSetRule: Rule {
    static func check(
        _ deployments: [Deployment], facts: (Deployment) -> HostFacts, into sink: inout DiagnosticSink)
}

/// A rule over one app that forks its own cluster workers (`ClusteredApp`).
public protocol ClusteredAppRule: Rule {
    static func check(_ app: ClusteredApp, into sink: inout DiagnosticSink)
}

extension Node {
    /// The node's span on its first line (at least one byte): where a finding about a whole
    /// mapping points.
    public var headSpan: Span {
        let line = source.lineSpan(source.lineIndex(of: span.start))
        return Span(span.start, max(span.start + 1, min(span.end, line.end)))
    }
}
