import LogCheckSyntax

/// Which processes of an app that clusters itself run a piece of its code.
public enum ClusterRole: Sendable, Equatable {
    /// Code outside any `cluster.isMaster` / `isPrimary` / `isWorker` branch: every process.
    case both
    /// Only the cluster primary (the process `node app.js` or a PM2 fork-mode instance starts).
    case primary
    /// Only the workers the primary starts with `cluster.fork()`.
    case worker

    /// The role of code in a branch of `local` role inside a module that runs in `self`; nil
    /// when no process runs it (a primary branch of a module only the workers load).
    func narrowed(to local: ClusterRole) -> ClusterRole? {
        if self == .both { return local }
        if local == .both || local == self { return self }
        return nil
    }

    /// A module reached in two roles runs in both.
    func widened(with other: ClusterRole) -> ClusterRole { self == other ? self : .both }
}

/// An app whose entry module forks its own cluster workers (`cluster.fork()`), with the log4js
/// `configure()` and `getLogger()` calls of the code it loads, each with the processes that run it.
public final class ClusteredApp: @unchecked Sendable {
    /// How the app is started.
    public enum Runner: Sendable {
        /// `node app.js` in a launch file: the entry is the cluster primary.
        case node(NodeRun, launch: SourceFile)
        /// An app of an ecosystem file or a PM2 command line.
        case pm2(Ecosystem, PM2App)
    }

    /// A `log4js.configure()` call of the app's code.
    public struct Configure: Sendable {
        public var call: Location
        public var role: ClusterRole
        /// From the start of the app to the call.
        public var hops: [LinkHop]
        /// The config it loads, when the code shows it.
        public var config: Log4jsConfig?
    }

    public let runner: Runner
    /// The entry module's `cluster.fork()` calls outside its worker branches.
    public let forks: [Location]
    /// How the app is started (`"start": "node app.js" in package.json`, `script: 'app.js'`).
    public let start: LinkHop
    public internal(set) var configures: [Configure] = []
    /// `getLogger()` calls on log4js.
    public internal(set) var loggers: [(location: Location, role: ClusterRole)] = []
    /// What the code does not show, by the role of the code that hides it.
    public internal(set) var unknown: [(reason: String, role: ClusterRole)] = []
    /// The log4js version the entry's package.json files declare (set before the rules run).
    public internal(set) var log4jsVersion = Log4jsVersion.undeclared

    init(runner: Runner, forks: [Location], start: LinkHop) {
        self.runner = runner
        self.forks = forks
        self.start = start
    }

    /// The entry module (the one that forks).
    public var entry: SourceFile { forks[0].file }

    /// What the app is called in messages: `app "api"`, or the entry's file name.
    public var label: String {
        switch runner {
        case .pm2(_, let app): return EcosystemContext.label(app)
        case .node: return Path.basename(entry.path)
        }
    }
}

extension Linker {
    /// The app that starts at `entry`, when that module forks its own cluster workers: the code it
    /// loads, hop by hop, with the role each module runs in (the entry's branches decide; a
    /// module required from a worker branch runs only in the workers), and the log4js calls in it.
    mutating func clusteredApp(
        entry: String, cwd: String, runner: ClusteredApp.Runner, start: LinkHop, inPackage: (String) -> Bool
    ) -> ClusteredApp? {
        guard let first = NodeResolution.resolve(entry, files: files), NodeResolution.isCode(first),
            let top = module(first)
        else { return nil }
        let cluster = top.read.module.cluster
        let forks = cluster.forks.filter { !cluster.inWorkerBranch($0) }.map { Location(top.source, $0) }
        guard !forks.isEmpty else { return nil }
        let app = ClusteredApp(runner: runner, forks: forks, start: start)
        func local(_ use: ScriptReader.ClusterUse, _ span: Span) -> ClusterRole {
            use.inWorkerBranch(span) ? .worker : use.inPrimaryBranch(span) ? .primary : .both
        }
        // 1. The role of every module (a module reached in both roles runs in both).
        var roles: [String: ClusterRole] = [Path.normalize(first): .both]
        var hopsTo: [String: [LinkHop]] = [Path.normalize(first): [start]]
        var depth: [String: Int] = [Path.normalize(first): 0]
        var work = [Path.normalize(first)]
        while let path = work.popLast() {
            guard let role = roles[path], let loaded = module(path) else { continue }
            let read = loaded.read.module
            let d = depth[path] ?? 0
            guard d < Linker.maxDepth else { continue }
            let dir = Path.dirname(path)
            for (i, dep) in read.dependencies.enumerated() where NodeResolution.isRelative(dep) {
                let span = i < read.dependencySpans.count ? read.dependencySpans[i] : Span(0, 0)
                guard let r = role.narrowed(to: local(read.cluster, span)) else { continue }
                let target = Path.resolve(dir, dep)
                guard inPackage(target) else { continue }
                guard let next = NodeResolution.resolve(target, files: files).map(Path.normalize) else {
                    app.unknown.append(("\(path) requires '\(dep)', which was not found", r))
                    continue
                }
                guard NodeResolution.isCode(next) else { continue }
                if let old = roles[next] {
                    let wide = old.widened(with: r)
                    guard wide != old else { continue }
                    roles[next] = wide
                } else {
                    guard roles.count < Linker.maxModulesPerApp else {
                        app.unknown.append(("its code loads more than \(Linker.maxModulesPerApp) modules", r))
                        continue
                    }
                    roles[next] = r
                    hopsTo[next] = (hopsTo[path] ?? []) + [LinkHop(Location(loaded.source, span), "require('\(dep)')")]
                    depth[next] = d + 1
                }
                work.append(next)
            }
        }
        // 2. The log4js calls of each module, in the role it runs in.
        for (path, role) in roles.sorted(by: { $0.key < $1.key }) {
            guard let loaded = module(path) else {
                app.unknown.append(("\(path) could not be read", role))
                continue
            }
            if loaded.read.read.tree == nil && loaded.read.read.hasErrors {
                app.unknown.append(("\(path) could not be read as JavaScript", role))
                continue
            }
            let read = loaded.read.module
            let dir = Path.dirname(path)
            for call in read.configureCalls where Document.isLog4js(call) {
                guard let r = role.narrowed(to: local(read.cluster, call.span)) else { continue }
                let hop = LinkHop(Location(loaded.source, call.span), Linker.callText(call, loaded.source))
                var config: Log4jsConfig? = nil
                if let arg = call.argument, arg.isMapping {
                    config = Log4jsConfig(root: arg)
                } else if let arg = call.argument, let target = ConfigPath.of(arg, file: dir, cwd: cwd, files: files),
                    inPackage(target), let doc = loadConfig(target)
                {
                    config = models.log4js(doc)
                }
                app.configures.append(
                    ClusteredApp.Configure(
                        call: Location(loaded.source, call.span), role: r, hops: (hopsTo[path] ?? []) + [hop],
                        config: config))
            }
            for call in read.loggerCalls where Document.isLog4js(module: call.module, receiver: call.receiver) {
                guard let r = role.narrowed(to: local(read.cluster, call.span)) else { continue }
                app.loggers.append((Location(loaded.source, call.span), r))
            }
        }
        app.configures.sort { ($0.call.file.path, $0.call.span.start) < ($1.call.file.path, $1.call.span.start) }
        return app
    }

    /// The apps, each once: a PM2 app whose script is a package manager (`script: 'npm', args:
    /// 'start'`) runs the package script that a launch site also reads as `node app.js`; the PM2
    /// app is kept (it knows how PM2 starts the process) and the package script's app goes.
    static func distinct(_ apps: [ClusteredApp]) -> [ClusteredApp] {
        let throughManager: [(entry: String, start: String)] = apps.compactMap { app in
            guard case .pm2(_, let pm2App) = app.runner, pm2App.packageManager != nil else { return nil }
            return (Path.normalize(app.entry.path), Path.normalize(app.start.location.file.path))
        }
        guard !throughManager.isEmpty else { return apps }
        return apps.filter { app in
            guard case .node(_, let launch) = app.runner else { return true }
            let entry = Path.normalize(app.entry.path)
            let start = Path.normalize(launch.path)
            return !throughManager.contains { $0.entry == entry && $0.start == start }
        }
    }

    /// The apps the `node <file>` command lines of a launch file start, those that fork their
    /// own cluster workers. The file is resolved against the launch file's folder.
    mutating func clusteredApps(startedBy launch: Document) -> [ClusteredApp] {
        guard let runs = launch.launch?.nodeRuns, !runs.isEmpty else { return [] }
        let path = launch.path
        let folder = Path.dirname(path)
        let projects = self.projects
        let project = projects.project(of: path)
        func inPackage(_ file: String) -> Bool {
            !projects.contains(project, file) || projects.reaches(ecosystem: path, file: file)
        }
        var found: [ClusteredApp] = []
        for run in runs {
            guard let file = run.line.script.value else { continue }
            let entry = Path.resolve(folder, file)
            guard inPackage(entry) else { continue }
            let start = LinkHop(
                Location(launch.source, run.line.script.span), "`\(run.line.commandText)` (\(run.origin))")
            if let app = clusteredApp(
                entry: entry, cwd: folder, runner: .node(run, launch: launch.source), start: start, inPackage: inPackage
            ) {
                found.append(app)
            }
        }
        return found
    }
}
