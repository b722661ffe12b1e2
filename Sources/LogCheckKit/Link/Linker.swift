import LogCheckSyntax

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
