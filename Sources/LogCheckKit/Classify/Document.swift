import LogCheckSyntax

public enum InputFormat: String, Sendable {
    case yaml
    /// A `.json` file: strict JSON for log4js, a JavaScript expression for PM2.
    case json
    case javascript
}

/// One input: its source, the syntax tree and what it is.
public final class Document: @unchecked Sendable {
    public let source: SourceFile
    public let format: InputFormat
    public let kind: DocumentKind
    public private(set) var read: ReadResult
    /// For JavaScript inputs: how the file exports its value.
    public var module: ScriptReader.Module? { moduleBox?.value }
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
        strictJSON: Bool, input: InputFile
    ) {
        self.source = source
        self.format = format
        self.kind = kind
        self.read = read
        self.moduleBox = module.map(ModuleBox.init)
        self.strictJSON = strictJSON
        self.input = input
    }

    public var root: Node? { read.root }

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

    /// A call on the log4js module: the module its receiver was bound to, else a receiver named
    /// like it.
    static func isLog4js(module: String?, receiver: String?) -> Bool {
        if let m = module { return m == "log4js" }
        return receiver.map { $0.lowercased().containsBytes("log4js") } ?? false
    }
    public var path: String { source.path }

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
