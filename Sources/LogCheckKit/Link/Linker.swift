import LogCheckSyntax

/// Finds, for every app, the log4js configs it loads, from evidence on disk:
///
/// 1. `LOG4JS_CONFIG` in the app's `env` / `env_<name>`, resolved against the app's `cwd`;
/// 2. the app's `script` (resolved against its `cwd`, as PM2 does), then the modules it
///    requires, resolved as Node resolves them (`NodeResolution`), up to `maxDepth` hops, and the
///    `log4js.configure(...)` calls in them: an inline object, a path (relative to the app's
///    `cwd`), `require('./x')`, or a path built from known parts (`path.join(__dirname, …)`);
/// 3. without any readable evidence (a missing or unreadable script, a configure() argument
///    only run time knows), the log4js configs of the app's own package, said to be proximity.
///
/// A link holds only where the ecosystem file can be found again from every file it passes
/// through inside the project (`Projects.reaches`, the rule `Projects.ecosystemFiles(reaching:)`
/// searches by), so a finding is the same whichever of the files the command line names.
struct Linker {
    let files: FileProvider
    let projects: Projects
    let models: Models
    /// Documents by normalised path (inputs, and the ones the linker loads).
    var documents: [String: Document]
    /// Every document, inputs first, then the ones the linker loaded, in the order loaded.
    var order: [Document]
    var verbose: [String] = []
    /// Whether to explain each link in `verbose` (`--verbose`); off, the lines are not built.
    var explains = true
    /// Parsed app code, by path; nil for a path that could not be read (most apps' scripts are
    /// tried under several names, so the misses are many and kept small).
    var modules: [String: AppModule?] = [:]
    /// The apps that fork their own cluster workers, found while linking.
    var clusteredApps: [ClusteredApp] = []

    final class AppModule {
        let source: SourceFile
        let read: ScriptReader.Result
        init(_ source: SourceFile, _ read: ScriptReader.Result) {
            self.source = source
            self.read = read
        }
    }

    /// Hops of `require()` followed from an app's script.
    static let maxDepth = 8
    /// Modules read for one app before its chain counts as unknown.
    static let maxModulesPerApp = 200

    init(documents: [Document], files: FileProvider, models: Models, projects: Projects) {
        self.files = files
        self.models = models
        self.projects = projects
        var map: [String: Document] = [:]
        for d in documents { map[Path.normalize(d.path)] = d }
        self.documents = map
        self.order = documents
    }

    /// Drops the cache of app code read while linking.
    mutating func forgetModules() {
        modules = [:]
    }

    // MARK: Loading files

    /// A document by path: one of the inputs, or read now with `input` and remembered.
    /// With `remember` false the document is not among the files checked (`order`) until the
    /// caller adds it: a file found by name that is not what the name promised (a shell script
    /// that never starts PM2) is read, not checked.
    private mutating func document(_ path: String, input: InputFile, remember: Bool = true) -> Document? {
        let key = Path.normalize(path)
        if let d = documents[key] { return d }
        guard case .success(let bytes) = files.read(key) else { return nil }
        let doc = DocumentLoader.load(SourceFile(path: key, bytes: bytes), input: input)
        documents[key] = doc
        if remember { order.append(doc) }
        return doc
    }

    /// An ecosystem file of the project, when the file at `path` is one.
    mutating func ecosystem(at path: String) -> Document? {
        let key = Path.normalize(path)
        let known = documents[key] != nil
        guard let doc = document(key, input: InputFile(path: key, fromDirectory: true), remember: false) else {
            return nil
        }
        if !known && (doc.kind != .launch || doc.startsApps) { order.append(doc) }
        return doc.startsApps ? doc : nil
    }

    /// A log4js config file the app loads, read when it was not among the inputs.
    mutating func loadConfig(_ path: String) -> Document? {
        let key = Path.normalize(path)
        if let d = documents[key] { return d.kind == .log4js || d.kind == .unknown ? d : nil }
        guard let doc = document(key, input: InputFile(path: key, declaredKind: .log4js)) else {
            if explains { verbose.append("\(key): not found, so its log4js config is not checked") }
            return nil
        }
        return doc
    }

    /// The log4js configs (files named like configs, shaped like one) of a package that are in
    /// `folder` or below it; only those are read.
    mutating func configs(ofPackage package: String, in folder: String) -> [Document] {
        var found: [Document] = []
        for path in projects.configFiles(ofPackage: Path.normalize(package)) where projects.contains(folder, path) {
            if let doc = document(path, input: InputFile(path: path, fromDirectory: true)), doc.kind == .log4js,
                doc.root != nil
            {
                found.append(doc)
            }
        }
        return found
    }

    mutating func module(_ path: String) -> AppModule? {
        let key = Path.normalize(path)
        if let cached = modules[key] { return cached }
        // A named file of app code is read once: its findings and the links through it share
        // one tree.
        if let doc = documents[key], doc.kind == .appCode || doc.kind == .ecosystem,
            doc.format == .javascript || doc.format == .json,
            let module = doc.module
        {
            let loaded = AppModule(doc.source, ScriptReader.Result(read: doc.read, module: module))
            modules[key] = loaded
            return loaded
        }
        guard case .success(let bytes) = files.read(key) else {
            modules[key] = .some(nil)
            return nil
        }
        let source = SourceFile(path: key, bytes: bytes)
        let loaded = AppModule(source, ScriptReader.readModule(source, findConfigureCalls: true))
        modules[key] = loaded
        return loaded
    }

    // MARK: Linking

    /// What the first hop says: `script: './bin/www'` in an ecosystem file, the command line and
    /// where it is in a launch file (`pm2 start app.js -i 0 in script "start"`).
    static func startHop(_ ecosystem: Ecosystem, _ app: PM2App, script: String) -> String {
        guard let site = ecosystem.document.launch?.site(ofApp: app.index) else { return "script: '\(script)'" }
        return "`\(site.commandText)` (\(site.origin))"
    }

    /// What following an app's code found.
    struct CodeLinks {
        var deployments: [Deployment] = []
        /// Why the code does not show every config the app may load, when it does not.
        var unknown: String?
        /// The layout types the modules read register with `log4js.addLayout(name, …)`.
        var addedLayouts: Set<String> = []
    }

    /// Every pairing of an app with a log4js config.
    mutating func deployments(for ecosystem: Ecosystem) -> [Deployment] {
        var result: [Deployment] = []
        let path = ecosystem.document.path
        let ecoDir = Path.dirname(path)
        let projects = self.projects
        let project = projects.project(of: path)
        /// Whether a file on a link's way finds the ecosystem file again (files outside the
        /// project, such as /etc/app/log4js.json, are never named with it).
        func inPackage(_ file: String) -> Bool {
            !projects.contains(project, file) || projects.reaches(ecosystem: path, file: file)
        }
        for app in ecosystem.apps {
            var cwd = ecoDir
            if let c = app.field(.cwd)?.value.string { cwd = Path.resolve(ecoDir, c) }
            var found: [Deployment] = []
            var outside: [String] = []
            // 1. LOG4JS_CONFIG in env / env_<name>.
            for env in app.environments {
                guard let e = env.values.entry("LOG4JS_CONFIG"), let value = e.value.string else { continue }
                let target = Path.resolve(cwd, value)
                guard inPackage(target) else {
                    outside.append(target)
                    continue
                }
                if let doc = loadConfig(target), let config = models.log4js(doc) {
                    let hop = LinkHop(
                        Location(e.value), "LOG4JS_CONFIG: '\(value)' in \(env.name.map { "env_\($0)" } ?? "env")")
                    found.append(
                        Deployment(
                            ecosystem: ecosystem, app: app, config: config,
                            link: .environmentVariable(e, environment: env.name), hops: [hop], environment: env.name))
                }
            }
            // 2. configure() calls in the app's code.
            var code = CodeLinks()
            var appDirectory = cwd
            if let script = app.script, let name = script.string, !name.containsBytes(" "),
                let run = packageScript(app, runner: name, cwd: cwd)
            {
                // `npm start`: the app is the Node file the package's script runs (npm's child).
                let start = LinkHop(Location(script), Linker.startHop(ecosystem, app, script: name))
                appDirectory = Path.dirname(run.entry)
                if !inPackage(run.entry) {
                    outside.append(run.entry)
                } else {
                    code = configureLinks(
                        ecosystem, app, entry: run.entry, cwd: cwd, first: [start, run.hop], inPackage: inPackage)
                    found += selfClustering(
                        code.deployments, ecosystem, app, entry: run.entry, cwd: cwd, start: run.hop,
                        inPackage: inPackage)
                }
            } else if let script = app.script, let name = script.string, !name.containsBytes(" ") {
                let entry = Path.resolve(cwd, name)
                appDirectory = Path.dirname(entry)
                if !inPackage(entry) {
                    outside.append(entry)
                } else {
                    let start = LinkHop(Location(script), Linker.startHop(ecosystem, app, script: name))
                    code = configureLinks(ecosystem, app, entry: entry, cwd: cwd, first: [start], inPackage: inPackage)
                    found += selfClustering(
                        code.deployments, ecosystem, app, entry: entry, cwd: cwd, start: start, inPackage: inPackage)
                }
            } else if let script = app.script {
                code.unknown =
                    script.string != nil
                    ? "its script '\(script.string!)' is a command line, not a file logcheck can follow"
                    : "its script is known only at run time"
            } else {
                code.unknown = "it has no script"
            }
            Linker.registerLayouts(code.addedLayouts, in: found)
            // 3. Without evidence, the configs of the app's own package.
            // The nearest of them: those in the app's folder (its script's, or its cwd) or below,
            // else those in the ecosystem file's folder or below; a package holding many services
            // without package.json files of their own pairs each app with its own service's.
            if found.isEmpty, let reason = code.unknown {
                let appPackage = projects.package(ofDirectory: appDirectory)
                var near = configs(ofPackage: appPackage, in: appDirectory)
                if near.isEmpty && !projects.isSame(appDirectory, ecoDir) {
                    near = configs(ofPackage: appPackage, in: ecoDir)
                }
                for doc in near where inPackage(doc.path) {
                    guard let config = models.log4js(doc) else { continue }
                    found.append(
                        Deployment(
                            ecosystem: ecosystem, app: app, config: config, link: .proximity(reason: reason),
                            hops: [], environment: nil))
                }
            }
            if explains {
                for d in found { verbose.append(d.linkDescription) }
                for o in outside {
                    verbose.append(
                        "\(app.label) (\(path)) reaches \(o), outside the folders it links: not linked (an ecosystem file links code in its own folder and below, and in the other folders of its own package, so that naming any file of a link finds it)"
                    )
                }
                if found.isEmpty {
                    verbose.append(
                        "\(app.label) (\(path)): no log4js config found" + (code.unknown.map { " (\($0))" } ?? ""))
                }
            }
            result += found
        }
        return result
    }

    /// Records the app when its script forks its own cluster workers, and returns the
    /// deployments that hold: under PM2 cluster mode the script's primary branch never runs (every
    /// instance is a worker of PM2's daemon), so a configure() call only that branch makes loads
    /// nothing.
    mutating func selfClustering(
        _ deployments: [Deployment], _ ecosystem: Ecosystem, _ app: PM2App, entry: String, cwd: String,
        start: LinkHop, inPackage: (String) -> Bool
    ) -> [Deployment] {
        guard
            let clustered = clusteredApp(
                entry: entry, cwd: cwd, runner: .pm2(ecosystem, app), start: start, inPackage: inPackage)
        else { return deployments }
        clusteredApps.append(clustered)
        guard app.codeMode == .cluster else { return deployments }
        let primaryOnly = clustered.configures.filter { $0.role == .primary }.map(\.call)
        guard !primaryOnly.isEmpty else { return deployments }
        return deployments.filter { d in
            guard case .configureCall = d.link, let call = d.hops.last?.location else { return true }
            let dropped = primaryOnly.contains { $0.file === call.file && $0.span == call.span }
            if dropped && explains {
                verbose.append(
                    "\(app.label) (\(ecosystem.document.path)): \(call.file.path):\(call.file.lineColumn(of: call.span.start)) runs only in the cluster primary branch, which PM2 cluster mode never runs: not linked"
                )
            }
            return !dropped
        }
    }

    /// For an app whose script is a package manager (`npm` with args `start`, `run web`; `yarn
    /// web`; `pnpm start`): the Node file the package.json script in `cwd` runs (`node
    /// server.js`), and the hop that says so. nil when the script is not a package manager, or
    /// the package script does not run `node <file>` in a way logcheck can read.
    mutating func packageScript(_ app: PM2App, runner: String, cwd: String) -> (entry: String, hop: LinkHop)? {
        let manager = Path.basename(runner)
        guard ["npm", "yarn", "pnpm"].contains(manager), let argsNode = app.field(.args)?.value else { return nil }
        var args: [String] = []
        if let s = argsNode.string {
            args = s.split(separator: " ").map(String.init)
        } else if argsNode.isSequence {
            for e in argsNode.elements {
                guard let s = e.string else { return nil }
                args.append(s)
            }
        }
        guard let first = args.first else { return nil }
        let name: String
        if first == "run" || first == "run-script" {
            guard args.count > 1 else { return nil }
            name = args[1]
        } else if ["start", "stop", "test", "restart"].contains(first) || manager != "npm" {
            name = first
        } else {
            return nil
        }
        let manifest = FileSystem.join(cwd, "package.json")
        guard let doc = document(manifest, input: InputFile(path: manifest, fromDirectory: true)),
            let script = doc.launch?.scripts[name]
        else { return nil }
        for command in script.commands {
            let words = command.words
            guard let program = words.first?.value, Path.basename(program) == "node" else { continue }
            // The first word after node's own options is the file it runs.
            guard let file = words.dropFirst().first(where: { !($0.value ?? "-").hasPrefix("-") })?.value else {
                return nil
            }
            let text = words.map { $0.value ?? "$…" }.joined(separator: " ")
            return (
                Path.resolve(cwd, file),
                LinkHop(Location(doc.source, script.valueSpan), "\"\(name)\": \"\(text)\" in package.json")
            )
        }
        return nil
    }

    /// Follows the app's script and the modules it requires to the log4js configure() calls.
    mutating func configureLinks(
        _ ecosystem: Ecosystem, _ app: PM2App, entry: String, cwd: String, first: [LinkHop],
        inPackage: (String) -> Bool
    ) -> CodeLinks {
        var links = CodeLinks()
        guard let start = NodeResolution.resolve(entry, files: files) else {
            links.unknown = "its script \(entry) was not found"
            return links
        }
        var queue: [(path: String, depth: Int, hops: [LinkHop])] = [(start, 0, first)]
        var seen = Set<String>()
        var head = 0
        while head < queue.count {
            let (path, depth, hops) = queue[head]
            head += 1
            guard seen.insert(Path.normalize(path)).inserted else { continue }
            if seen.count > Linker.maxModulesPerApp {
                links.unknown = "its code loads more than \(Linker.maxModulesPerApp) modules"
                break
            }
            guard NodeResolution.isCode(path) else { continue }
            guard let loaded = module(path) else {
                links.unknown = "\(path) could not be read"
                continue
            }
            let source = loaded.source
            let read = loaded.read
            if read.read.tree == nil && read.read.hasErrors {
                links.unknown = "\(path) could not be read as JavaScript"
                continue
            }
            let dir = Path.dirname(source.path)
            links.addedLayouts.formUnion(Document.addedLayouts(read.module))
            for call in read.module.configureCalls where Document.isLog4js(call) {
                guard let arg = call.argument else { continue }
                let hop = LinkHop(Location(source, call.span), Linker.callText(call, source))
                if arg.isMapping {
                    let inline = Log4jsConfig(root: arg)
                    inline.addedLayouts = Document.addedLayouts(read.module)
                    links.deployments.append(
                        Deployment(
                            ecosystem: ecosystem, app: app, config: inline, link: .configureCall(call),
                            hops: hops + [hop], environment: nil))
                } else if let target = ConfigPath.of(arg, file: dir, cwd: cwd, files: files) {
                    guard inPackage(target) else { continue }
                    if let doc = loadConfig(target), let config = models.log4js(doc) {
                        links.deployments.append(
                            Deployment(
                                ecosystem: ecosystem, app: app, config: config, link: .configureCall(call),
                                hops: hops + [hop], environment: nil))
                    }
                } else {
                    links.unknown =
                        "log4js.configure(\(Linker.snippet(arg))) in \(source.path) is known only at run time"
                    if explains {
                        verbose.append(
                            "\(source.path): log4js.configure(\(Linker.snippet(arg))) is known only at run time")
                    }
                }
            }
            guard depth < Linker.maxDepth else {
                if read.module.dependencies.contains(where: NodeResolution.isRelative) {
                    links.unknown = "its code requires modules more than \(Linker.maxDepth) files deep"
                }
                continue
            }
            for (i, dep) in read.module.dependencies.enumerated() where NodeResolution.isRelative(dep) {
                let target = Path.resolve(dir, dep)
                guard inPackage(target) else { continue }
                guard let next = NodeResolution.resolve(target, files: files) else {
                    links.unknown = "\(source.path) requires '\(dep)', which was not found"
                    continue
                }
                let span = i < read.module.dependencySpans.count ? read.module.dependencySpans[i] : Span(0, 0)
                queue.append((next, depth + 1, hops + [LinkHop(Location(source, span), "require('\(dep)')")]))
            }
        }
        return links
    }

    /// `log4js.configure(…)` as written, its argument shortened to whole tokens.
    static func callText(_ call: ScriptReader.CallSite, _ source: SourceFile) -> String {
        let receiver = call.receiver.map { $0 + "." } ?? ""
        return "\(receiver)configure(\(call.argument.map(snippet) ?? ""))"
    }

    /// A node's source text, at most about 60 characters, cut between two tokens (after a blank
    /// or a punctuator), never inside a name, a number or a string.
    static func snippet(_ node: Node) -> String {
        let text = node.sourceText
        if node.isMapping { return "{…}" }
        guard text.count > 60 else { return text }
        let chars = Array(text.prefix(61))
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "$" }
        var quote: Character? = nil
        var cut = 0
        for (i, c) in chars.enumerated() where i < 60 {
            if let q = quote {
                if c == q {
                    quote = nil
                    cut = i + 1
                }
                continue
            }
            if c == "'" || c == "\"" || c == "`" {
                quote = c
                continue
            }
            if !isWordChar(c) || i + 1 < chars.count && !isWordChar(chars[i + 1]) { cut = i + 1 }
        }
        let head = String(chars[..<cut]).trimmingWhitespace()
        return head.isEmpty ? "…" : head + " …"
    }
}
