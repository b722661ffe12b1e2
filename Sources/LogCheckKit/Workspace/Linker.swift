import LogCheckSyntax

/// Where the linker reads files it was not given: app code and the log4js configs it names.
public protocol FileProvider: Sendable {
    func read(_ path: String) -> Result<[UInt8], ReadFailure>
}

public struct DiskFiles: FileProvider {
    public init() {}
    public func read(_ path: String) -> Result<[UInt8], ReadFailure> { FileSystem.readFile(path) }
}

/// Files in memory, keyed by normalised path (for tests and stdin-only runs).
public struct MemoryFiles: FileProvider {
    public var files: [String: [UInt8]]

    public init(_ files: [String: [UInt8]] = [:]) {
        var normalised: [String: [UInt8]] = [:]
        for (k, v) in files { normalised[Path.normalize(k)] = v }
        self.files = normalised
    }

    public func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        files[Path.normalize(path)].map { .success($0) } ?? .failure(.notFound)
    }
}

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

/// The models of a run's documents, each built once (the linker, the file rules and the
/// deployment rules share them).
final class Models {
    /// A document's models. Each document's slot is changed by one thread at a time, so the
    /// models of different documents can be released in parallel.
    final class Slot {
        var log4js: Log4jsConfig?
        var ecosystem: Ecosystem?
    }

    private var slots: [ObjectIdentifier: Slot] = [:]

    /// Builds the models of the documents (in parallel), by their kind.
    func build(_ documents: [Document]) {
        let built = Parallel.map(documents) { doc -> (Log4jsConfig?, Ecosystem?) in
            guard let root = doc.root else { return (nil, nil) }
            switch doc.kind {
            case .log4js: return (Log4jsConfig(root: root), nil)
            case .ecosystem: return (nil, Ecosystem(document: doc, root: root))
            case .unknown: return (nil, nil)
            }
        }
        for (doc, (config, ecosystem)) in zip(documents, built) where config != nil || ecosystem != nil {
            let slot = Slot()
            slot.log4js = config
            slot.ecosystem = ecosystem
            slots[ObjectIdentifier(doc)] = slot
        }
    }

    /// Read-only lookups, safe while other threads read too (after `build` and linking).
    func existingLog4js(_ doc: Document) -> Log4jsConfig? { slots[ObjectIdentifier(doc)]?.log4js }
    func existingEcosystem(_ doc: Document) -> Ecosystem? { slots[ObjectIdentifier(doc)]?.ecosystem }

    /// Drops a document's models (after linking, from the thread that checks the document).
    func release(_ doc: Document) {
        guard let slot = slots[ObjectIdentifier(doc)] else { return }
        slot.log4js = nil
        slot.ecosystem = nil
    }

    /// The model of a document, built on first use (a config the linker loaded, say).
    func log4js(_ doc: Document) -> Log4jsConfig? {
        guard let root = doc.root else { return nil }
        let slot = self.slot(doc)
        if let m = slot.log4js { return m }
        let m = Log4jsConfig(root: root)
        slot.log4js = m
        return m
    }

    func ecosystem(_ doc: Document) -> Ecosystem? {
        guard let root = doc.root else { return nil }
        let slot = self.slot(doc)
        if let m = slot.ecosystem { return m }
        let m = Ecosystem(document: doc, root: root)
        slot.ecosystem = m
        return m
    }

    private func slot(_ doc: Document) -> Slot {
        if let s = slots[ObjectIdentifier(doc)] { return s }
        let s = Slot()
        slots[ObjectIdentifier(doc)] = s
        return s
    }
}

/// Finds, for every app, the log4js configs it loads.
struct Linker {
    let files: FileProvider
    /// Documents by normalised path (inputs, and the ones the linker loads).
    var documents: [String: Document]
    var order: [Document]
    var verbose: [String] = []
    /// Whether to explain each link in `verbose` (`--verbose`); off, the lines are not built.
    var explains = true
    /// Parsed app code, by path; nil for a path that could not be read (most apps' scripts are
    /// tried under several names, so the misses are many and kept small).
    var modules: [String: AppModule?] = [:]

    final class AppModule {
        let source: SourceFile
        let read: ScriptReader.Result
        init(_ source: SourceFile, _ read: ScriptReader.Result) {
            self.source = source
            self.read = read
        }
    }

    let models: Models
    /// The log4js configs among the inputs (named, or found in a searched directory), in order.
    let inputConfigs: [Document]
    /// Positions in `inputConfigs` of the configs named on the command line.
    let namedConfigs: [Int]
    /// The configs found in a searched directory, as (normalised directory, position in
    /// `inputConfigs`), sorted by directory: the configs at or below a directory are one run.
    let foundConfigs: [(directory: String, index: Int)]

    /// Drops the cache of app code read while linking.
    mutating func forgetModules() {
        modules = [:]
    }

    static let maxModules = 200
    static let maxDepth = 8

    init(documents: [Document], files: FileProvider, models: Models) {
        self.files = files
        self.models = models
        var map: [String: Document] = [:]
        for d in documents { map[Path.normalize(d.path)] = d }
        self.documents = map
        self.order = documents
        let configs = documents.filter { $0.kind == .log4js && $0.root != nil }
        self.inputConfigs = configs
        self.namedConfigs = configs.indices.filter { !configs[$0].input.fromDirectory }
        self.foundConfigs = configs.indices.filter { configs[$0].input.fromDirectory }
            .map { (Path.normalize(Path.dirname(configs[$0].path)), $0) }
            .sorted { $0.directory != $1.directory ? $0.directory < $1.directory : $0.index < $1.index }
    }

    /// The input configs an app without another link is paired with: every config named on the
    /// command line, and the configs found in a searched directory at or below the ecosystem
    /// file's directory (a monorepo's services do not share each other's configs).
    func fallbackConfigs(for ecosystem: Document) -> [Log4jsConfig] {
        let ecoDir = Path.normalize(Path.dirname(ecosystem.path))
        func below(_ dir: String) -> Bool {
            dir == ecoDir || ecoDir == "." && !dir.hasPrefix("/") && !dir.hasPrefix("..") || dir.hasPrefix(ecoDir == "/" ? "/" : ecoDir + "/")
        }
        var picked = namedConfigs
        if ecoDir == "." {
            picked += foundConfigs.filter { below($0.directory) }.map(\.index)
        } else {
            // Every directory at or below ecoDir starts with ecoDir, and those are one sorted run.
            var low = foundConfigs.partitionPoint { $0.directory < ecoDir }
            while low < foundConfigs.count && foundConfigs[low].directory.hasPrefix(ecoDir) {
                if below(foundConfigs[low].directory) { picked.append(foundConfigs[low].index) }
                low += 1
            }
        }
        return picked.sorted().compactMap { models.log4js(inputConfigs[$0]) }
    }

    /// A log4js config file the app loads, read when it was not among the inputs.
    mutating func loadConfig(_ path: String) -> Document? {
        let key = Path.normalize(path)
        if let d = documents[key] { return d.kind == .log4js || d.kind == .unknown ? d : nil }
        guard case .success(let bytes) = files.read(key) else {
            if explains { verbose.append("\(key): not found, so its log4js config is not checked") }
            return nil
        }
        let doc = DocumentLoader.load(SourceFile(path: key, bytes: bytes), input: InputFile(path: key, declaredKind: .log4js))
        documents[key] = doc
        order.append(doc)
        return doc
    }

    mutating func module(_ path: String) -> AppModule? {
        let key = Path.normalize(path)
        if let cached = modules[key] { return cached }
        guard modules.count < Linker.maxModules, case .success(let bytes) = files.read(key) else {
            modules[key] = .some(nil)
            return nil
        }
        let source = SourceFile(path: key, bytes: bytes)
        let loaded = AppModule(source, ScriptReader.readModule(source, findConfigureCalls: true))
        modules[key] = loaded
        return loaded
    }

    /// The first of `path`, `path.js` … `path/index.js` that exists, as Node resolves a require().
    mutating func resolveModule(_ path: String) -> String? {
        let lower = path.lowercased()
        if lower.hasSuffix(".js") || lower.hasSuffix(".cjs") || lower.hasSuffix(".mjs") || lower.hasSuffix(".ts") {
            return module(path) != nil ? path : nil
        }
        for candidate in [path + ".js", path + ".cjs", path + ".mjs", path + ".ts", path + "/index.js"] where module(candidate) != nil {
            return candidate
        }
        return nil
    }

    /// Every pairing of an app with a log4js config.
    mutating func deployments(for ecosystem: Ecosystem) -> [Deployment] {
        var result: [Deployment] = []
        let ecoDir = Path.dirname(ecosystem.document.path)
        for app in ecosystem.apps {
            var cwd = ecoDir
            if let c = app.field(.cwd)?.value.string { cwd = Path.resolve(ecoDir, c) }
            var found: [Deployment] = []
            // 1. LOG4JS_CONFIG in env / env_<name>.
            for env in app.environments {
                guard let e = env.values.entry("LOG4JS_CONFIG"), let value = e.value.string else { continue }
                let path = Path.resolve(cwd, value)
                if let doc = loadConfig(path), let config = models.log4js(doc) {
                    found.append(Deployment(ecosystem: ecosystem, app: app, config: config, link: .environmentVariable(e, environment: env.name), environment: env.name))
                }
            }
            // 2. configure() calls in the app's code.
            if let script = app.script?.string, !script.containsBytes(" ") {
                found += configureLinks(ecosystem, app, entry: Path.resolve(cwd, script), cwd: cwd)
            }
            // 3. Otherwise, the configs named together on the command line.
            if found.isEmpty {
                for config in fallbackConfigs(for: ecosystem.document) {
                    found.append(Deployment(ecosystem: ecosystem, app: app, config: config, link: .commandLine, environment: nil))
                }
            }
            if explains {
                let label = EcosystemContext.label(app)
                for d in found { verbose.append("\(label) (\(ecosystem.document.path)) uses \(d.config.source.path): \(d.linkDescription)") }
                if found.isEmpty { verbose.append("\(label) (\(ecosystem.document.path)): no log4js config found") }
            }
            result += found
        }
        return result
    }

    mutating func configureLinks(_ ecosystem: Ecosystem, _ app: PM2App, entry: String, cwd: String) -> [Deployment] {
        var result: [Deployment] = []
        var queue: [(String, Int)] = []
        if let start = resolveModule(entry) { queue.append((start, 0)) }
        var seen = Set<String>()
        while !queue.isEmpty {
            let (path, depth) = queue.removeFirst()
            guard seen.insert(Path.normalize(path)).inserted, let loaded = module(path) else { continue }
            let source = loaded.source, read = loaded.read
            let dir = Path.dirname(source.path)
            for call in read.module.configureCalls where Linker.isLog4js(call) {
                guard let arg = call.argument else { continue }
                if arg.isMapping {
                    result.append(Deployment(ecosystem: ecosystem, app: app, config: Log4jsConfig(root: arg), link: .configureCall(call), environment: nil))
                } else if let target = Linker.configPath(arg, file: dir, cwd: cwd), let doc = loadConfig(target), let config = models.log4js(doc) {
                    result.append(Deployment(ecosystem: ecosystem, app: app, config: config, link: .configureCall(call), environment: nil))
                } else {
                    if explains { verbose.append("\(source.path): log4js.configure(\(arg.sourceText.prefix(60))) is known only at run time") }
                }
            }
            guard depth < Linker.maxDepth else { continue }
            for dep in read.module.dependencies where dep.hasPrefix("./") || dep.hasPrefix("../") {
                if let next = resolveModule(Path.resolve(dir, dep)) { queue.append((next, depth + 1)) }
            }
        }
        return result
    }

    static func isLog4js(_ call: ScriptReader.CallSite) -> Bool {
        if let m = call.module { return m == "log4js" }
        return call.receiver.map { $0.lowercased().containsBytes("log4js") } ?? false
    }

    /// The file a configure() argument names: a path (relative to the app's working directory), a
    /// `require('./x.json')`, or `path.join(__dirname, …)` (relative to the calling file).
    static func configPath(_ arg: Node, file dir: String, cwd: String) -> String? {
        if let s = arg.string { return Path.resolve(cwd, s) }
        guard arg.unknownKind == .call, let callee = arg.unknownDetail else { return nil }
        let args = Array(arg.alternatives)
        if callee == "require", let spec = args.first?.string {
            let p = Path.resolve(dir, spec)
            return Path.basename(p).contains(".") ? p : p + ".json"
        }
        if ["path.join", "path.resolve", "join", "resolve"].contains(callee), let first = args.first {
            var base = cwd
            var rest = args[...]
            if first.unknownDetail == "__dirname" {
                base = dir
                rest = args.dropFirst()
            } else if first.unknownKind == .call && first.unknownDetail == "process.cwd" {
                rest = args.dropFirst()
            }
            var parts: [String] = []
            for a in rest {
                guard let s = a.string else { return nil }
                parts.append(s)
            }
            return Path.resolve(base, parts.joined(separator: "/"))
        }
        return nil
    }
}
