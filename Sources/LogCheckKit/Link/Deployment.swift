import LogCheckSyntax

/// How an app was paired with a log4js config.
public enum LinkKind: Sendable {
    /// `LOG4JS_CONFIG` in the app's `env` or `env_<name>` (log4js reads it when the app never
    /// calls configure, log4js.js:156-164).
    case environmentVariable(Entry, environment: String?)
    /// A `log4js.configure(...)` call in the app's code (boxed: a call site is about 70 bytes, and
    /// every deployment holds a link).
    indirect case configureCall(ScriptReader.CallSite)
    /// No code shows which config the app loads; the config is in the app's own package.
    case proximity(reason: String)
}

/// One step of the evidence for a link: a place in a file and what it says.
public struct LinkHop: Sendable {
    public var location: Location
    /// What the place says, as code (`script: './bin/www'`, `require('./logger')`).
    public var says: String

    public init(_ location: Location, _ says: String) {
        self.location = location
        self.says = says
    }

    /// `says (file:line:column)`.
    public var description: String {
        "\(says) (\(location.file.path):\(location.file.lineColumn(of: location.span.start)))"
    }
}

/// One app (in one environment) with one log4js config it loads.
public final class Deployment: @unchecked Sendable {
    public let ecosystem: Ecosystem
    public let app: PM2App
    public let config: Log4jsConfig
    public let link: LinkKind
    /// The evidence, hop by hop, from the app to the config (empty for a proximity pairing).
    public let hops: [LinkHop]
    /// The PM2 environment the pairing holds in, when only one (`env_<name>`).
    public let environment: String?
    /// The log4js version the config's package.json files declare (set once linking is done,
    /// before any rule runs).
    public internal(set) var log4jsVersion = Log4jsVersion.undeclared

    init(ecosystem: Ecosystem, app: PM2App, config: Log4jsConfig, link: LinkKind, hops: [LinkHop], environment: String?)
    {
        self.ecosystem = ecosystem
        self.app = app
        self.config = config
        self.link = link
        self.hops = hops
        self.environment = environment
    }

    /// The mode of the process the config is loaded in, as log4js sees it (`PM2App.codeMode`).
    public var codeMode: PM2App.Mode { app.codeMode }

    /// How the app and the config were linked, for `--verbose` and for every deployment finding.
    public var linkDescription: String {
        let config = self.config.source.path
        switch link {
        case .environmentVariable:
            return "\(app.label) loads \(config) through " + hops.map(\.description).joined(separator: " → ")
        case .configureCall:
            return "\(app.label) loads \(config) through its code: " + hops.map(\.description).joined(separator: " → ")
        case .proximity(let reason):
            return "\(app.label) is paired with \(config) by proximity (the same package): \(reason)"
        }
    }
}
