import LogCheckSyntax

/// How an app was paired with a log4js config.
public enum LinkKind: Sendable {
    /// `LOG4JS_CONFIG` in the app's `env` or `env_<name>` (log4js reads it when the app never
    /// calls configure, log4js.js:156-164).
    case environmentVariable(Entry, environment: String?)
    /// A `log4js.configure(...)` call in the app's code (boxed: a call site is about 70 bytes, and
    /// every deployment holds a link).
    indirect case configureCall(ScriptReader.CallSite)
    /// Named together on the command line.
    case commandLine
}

/// One app (in one environment) with one log4js config it loads.
public final class Deployment: @unchecked Sendable {
    public let ecosystem: Ecosystem
    public let app: PM2App
    public let config: Log4jsConfig
    public let link: LinkKind
    /// The PM2 environment the pairing holds in, when only one (`env_<name>`).
    public let environment: String?

    init(ecosystem: Ecosystem, app: PM2App, config: Log4jsConfig, link: LinkKind, environment: String?) {
        self.ecosystem = ecosystem
        self.app = app
        self.config = config
        self.link = link
        self.environment = environment
    }

    /// For `--verbose`.
    public var linkDescription: String {
        switch link {
        case .environmentVariable(let e, let env):
            return "LOG4JS_CONFIG in \(env.map { "env_\($0)" } ?? "env") (\(e.tree.source.path):\(e.tree.source.lineColumn(of: e.keySpan.start)))"
        case .configureCall(let call):
            return "log4js.configure() in \(call.argument?.source.path ?? "app code"):\(call.argument.map { $0.source.lineColumn(of: call.span.start).description } ?? "")"
        case .commandLine:
            return "named together on the command line"
        }
    }
}
