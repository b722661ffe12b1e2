import LogCheckSyntax

public enum InputFormat: String, Sendable {
    case yaml
    /// A `.json` file: strict JSON for log4js, a JavaScript expression for PM2.
    case json
    case javascript
    /// A file that starts PM2 and is not JavaScript, JSON or YAML: a Dockerfile, a Procfile, a
    /// shell script, a systemd unit (`#` comments).
    case shell
}

/// One input: its source, the syntax tree and what it is.
public final class Document: @unchecked Sendable {
    public let source: SourceFile
    public let format: InputFormat
    public let kind: DocumentKind
    public private(set) var read: ReadResult
    /// For JavaScript inputs: how the file exports its value.
    public var module: ScriptReader.Module? { moduleBox?.value }
    /// For a launch file (`kind == .launch`): its PM2 command lines and the apps they start.
    public let launch: LaunchSites?
    /// Boxed: most documents are YAML or JSON and have none, and a module is about 80 bytes.
    private let moduleBox: ModuleBox?

    private final class ModuleBox {
        var value: ScriptReader.Module
        init(_ value: ScriptReader.Module) { self.value = value }
    }
    /// Whether the tree came from the strict JSON reader.
    public let strictJSON: Bool
    public let input: InputFile
    /// For a `.json` file read as a JavaScript expression (as PM2 does): what JSON.parse would reject.
    public var nonJSON: [SyntaxDiagnostic] = []

    init(
        source: SourceFile, format: InputFormat, kind: DocumentKind, read: ReadResult, module: ScriptReader.Module?,
        strictJSON: Bool, input: InputFile, launch: LaunchSites? = nil
    ) {
        self.launch = launch
        self.source = source
        self.format = format
        self.kind = kind
        self.read = read
        self.moduleBox = module.map(ModuleBox.init)
        self.strictJSON = strictJSON
        self.input = input
    }

    public var root: Node? { read.root }

    /// An ecosystem file or a launch file: its apps are started by PM2.
    public var startsApps: Bool { kind == .ecosystem || kind == .launch && launch?.runsPM2 == true }

    /// What the document was read as, for `--verbose`.
    public var label: String {
        kind == .launch && !startsApps ? "a file that does not start PM2" : kind.label
    }

    /// The configs written inline in the file's `log4js.configure({...})` calls (app code).
    public var inlineConfigs: [Node] {
        guard kind == .appCode, let module else { return [] }
        return module.configureCalls.compactMap { call in
            guard Document.isLog4js(call), let arg = call.argument, arg.isMapping else { return nil }
            return arg
        }
    }

    /// The layout types the file registers with log4js' `addLayout('name', …)`.
    public static func addedLayouts(_ module: ScriptReader.Module?) -> Set<String> {
        guard let module, !module.addedLayouts.isEmpty else { return [] }
        var names = Set<String>()
        for l in module.addedLayouts where isLog4js(module: l.module, receiver: l.receiver) { names.insert(l.name) }
        return names
    }

    /// Whether a `configure()` call is log4js's: its receiver was bound to the log4js module, or
    /// is named like it.
    public static func isLog4js(_ call: ScriptReader.CallSite) -> Bool {
        isLog4js(module: call.module, receiver: call.receiver)
    }

    /// A call on the log4js module: the module its receiver was bound to (log4js, or a wrapper
    /// that hands log4js's own `configure` through), else a receiver named like it.
    static func isLog4js(module: String?, receiver: String?) -> Bool {
        if let m = module { return log4jsModules.contains(m) }
        return receiver.map { $0.lowercased().containsBytes("log4js") } ?? false
    }
    public var path: String { source.path }

    /// Modules whose `configure` is log4js's: log4js itself, and koa-log4, which exports log4js
    /// with its Koa middleware `koaLogger` added.
    static let log4jsModules: Set<String> = ["log4js", "koa-log4"]

    /// Lets the syntax tree go once every rule has read it (findings keep positions, not nodes):
    /// the root and the configure() arguments become nil; the source, the reader's findings and
    /// the comments stay.
    func releaseTree() {
        read.tree = nil
        if let box = moduleBox {
            for i in box.value.configureCalls.indices { box.value.configureCalls[i].argument = nil }
        }
    }
}
