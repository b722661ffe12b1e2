import LogCheckSyntax

/// Everything a run found.
public struct CheckResult: Sendable {
    public var diagnostics: [Diagnostic]
    /// The inputs and the files the linker loaded.
    public var documents: [Document]
    /// Every app linked with a log4js config; empty unless the checker keeps the trees.
    public var deployments: [Deployment]
    /// For `--verbose`: which links paired which app with which config.
    public var verbose: [String]
}

/// Runs every check over a set of documents: what each reader found, the file rules on each
/// model, then the deployment rules on each app linked with a log4js config. Rules never read
/// files; the linker reads through a FileProvider.
public struct Checker: Sendable {
    public var settings: Settings
    public var files: FileProvider
    /// Whether `CheckResult.verbose` explains every link (for `--verbose`).
    public var explainsLinks = true
    /// Whether the result keeps every document's syntax tree and the deployments (a baseline
    /// places findings by their key path in the tree). Otherwise each document's tree and models
    /// are let go as soon as its rules have run, and a large run holds them only while it links.
    public var keepsTrees = true

    public init(settings: Settings = Settings(), files: FileProvider = DiskFiles()) {
        self.settings = settings
        self.files = files
    }

    public func check(_ documents: [Document]) -> [Diagnostic] { run(documents).diagnostics }

    /// The front door: checks the documents named (files, and the files found in the searched
    /// `directories`) against the project on disk around them, and returns the findings whose
    /// primary or related location is in a named file or under a searched directory.
    /// `alsoChecking` names files that were not named but whose findings are wanted too (the
    /// fix engine checks the files its fixes edited).
    public func run(_ documents: [Document], searched directories: [String] = [], alsoChecking extra: [String] = [])
        -> CheckResult
    {
        let models = Models()
        models.build(documents)
        var scope = Scope(documents: documents, directories: directories, files: files)
        scope.add(extra)
        let projects = Projects(files: files)
        let linked = crossFileFindings(documents, models, scope, projects)
        // The packages each config's project declares, found before the parallel phase (the
        // project cache is not shared between threads).
        var declared: [ObjectIdentifier: Set<String>?] = [:]
        var versions: [ObjectIdentifier: Log4jsVersion] = [:]
        for doc in linked.order where scope.contains(doc.path) && (doc.kind == .log4js || doc.kind == .appCode) {
            declared[ObjectIdentifier(doc)] = .some(projects.declaredDependencies(ofDirectory: Path.dirname(doc.path)))
            versions[ObjectIdentifier(doc)] = projects.log4jsVersion(ofDirectory: Path.dirname(doc.path))
        }
        // Each document's own findings, in parallel: the models exist now and are only read.
        // Unless the trees are kept, a document's tree and models go as soon as its rules ran.
        let keepsTrees = keepsTrees
        var all: [Diagnostic] = Parallel.map(linked.order) { doc in
            let found =
                scope.contains(doc.path)
                ? checkDocument(
                    doc, log4js: models.existingLog4js(doc), ecosystem: models.existingEcosystem(doc),
                    dependencies: declared[ObjectIdentifier(doc)] ?? nil,
                    version: versions[ObjectIdentifier(doc)] ?? .undeclared) : []
            if !keepsTrees {
                models.release(doc)
                doc.releaseTree()
            }
            return found
        }.flatMap { $0 }
        all += linked.findings
        // Only what touches a named file: its primary or a related location is in scope.
        all.removeAll { d in
            !scope.contains(d.file.path) && !d.related.contains { scope.contains($0.location.file.path) }
        }
        Checker.dropLaunchFileFixes(&all, documents: linked.order)
        Checker.dropSuperseded(&all)
        all = Suppressions.apply(all, documents: linked.order)
        settings.apply(to: &all)
        all.sortInReportOrder()
        Checker.dropDuplicates(&all)
        return CheckResult(
            diagnostics: all, documents: linked.order, deployments: linked.deployments, verbose: linked.verbose)
    }

    /// Links each app with the log4js configs it loads and runs the rules that span files: the
    /// configs written in configure() calls, the deployment rules and the deployment-set rules.
    /// The apps are those of the named ecosystem files and of the ecosystem files that may start
    /// the code of any other named file (those of its package and of the packages around it).
    /// The linker (with the app code it read) and, unless the trees are kept, the deployments
    /// are let go on return.
    private func crossFileFindings(_ documents: [Document], _ models: Models, _ scope: Scope, _ projects: Projects)
        -> (findings: [Diagnostic], order: [Document], deployments: [Deployment], verbose: [String])
    {
        var linker = Linker(documents: documents, files: files, models: models, projects: projects)
        linker.explains = explainsLinks
        var ecosystems: [Document] = []
        var seen = Set<String>()
        for doc in documents where doc.startsApps && seen.insert(Path.normalize(doc.path)).inserted {
            ecosystems.append(doc)
        }
        // Launch files that start apps with `node <file>`: those of them that fork their own
        // cluster workers are checked for where they configure log4js.
        var nodeLaunches = documents.filter { $0.launch.map { !$0.nodeRuns.isEmpty } ?? false }
        // The ecosystem files (and launch files) that may start the code of every other named
        // file (Projects). Folders under a searched directory were searched already: their files
        // are inputs.
        // (A launch file that starts nothing is no app code: nothing else reaches it. One that
        // runs `node <file>` may be run by a PM2 app: `script: 'npm', args: 'start'`.)
        for doc in documents
        where !doc.startsApps && (doc.kind != .launch || !(doc.launch?.nodeRuns.isEmpty ?? true))
            && !doc.input.isStdin
        {
            for path in projects.ecosystemFiles(reaching: doc.path, skipping: scope.searched)
            where !seen.contains(Path.normalize(path)) {
                seen.insert(Path.normalize(path))
                if let eco = linker.ecosystem(at: path) { ecosystems.append(eco) }
                if let launch = linker.documents[Path.normalize(path)],
                    launch.launch.map({ !$0.nodeRuns.isEmpty }) ?? false
                {
                    nodeLaunches.append(launch)
                }
            }
        }
        // The ecosystem files a named launch file starts: the findings about their apps that a
        // command line decides (`--watch`) point at it too.
        for doc in documents where doc.kind == .launch && !doc.input.isStdin {
            let folder = Path.dirname(doc.path)
            for file in doc.launch?.sites.flatMap(\.line.ecosystemFiles) ?? [] {
                let path = Path.resolve(folder, file)
                guard !seen.contains(Path.normalize(path)), let eco = linker.ecosystem(at: path) else { continue }
                seen.insert(Path.normalize(path))
                ecosystems.append(eco)
            }
        }
        var deployments: [Deployment] = []
        for doc in ecosystems {
            guard let ecosystem = models.ecosystem(doc) else { continue }
            deployments += linker.deployments(for: ecosystem)
        }
        // What the launch files that start an ecosystem file say about its host: the launch
        // files found from the ecosystem file itself, so that the answer is the same whichever
        // file was named.
        let launchFacts = LaunchFacts.find(
            for: ecosystems, launches: documents.filter { $0.kind == .launch }, linker: &linker, projects: projects)
        var clustered = linker.clusteredApps
        var started = Set<String>()
        for doc in nodeLaunches where started.insert(Path.normalize(doc.path)).inserted {
            clustered += linker.clusteredApps(startedBy: doc)
        }
        clustered = Linker.distinct(clustered)
        // Linking is done: the app code a deployment links through stays with it, and the cache
        // of every path tried (most are misses) goes before the rules add their findings.
        linker.forgetModules()
        // The log4js version each config's package.json files declare.
        for d in deployments {
            d.log4jsVersion = projects.log4jsVersion(ofDirectory: Path.dirname(d.config.source.path))
        }
        for app in clustered {
            app.log4jsVersion = projects.log4jsVersion(ofDirectory: Path.dirname(app.entry.path))
        }
        var all: [Diagnostic] = []
        // Configs written inline in a configure() call are checked like files.
        // Several apps may load one file's call: each call is checked once (a node id is unique
        // only within its file).
        var inline = Set<InlineConfig>()
        for d in deployments {
            // A named file of app code checks its own calls (checkDocument).
            if case .configureCall = d.link, d.config.root.isMapping, scope.contains(d.config.source.path),
                linker.documents[Path.normalize(d.config.source.path)]?.kind != .appCode,
                inline.insert(InlineConfig(file: ObjectIdentifier(d.config.root.source), node: d.config.root.id))
                    .inserted
            {
                all += Checker.checkLog4js(
                    d.config,
                    dependencies: projects.declaredDependencies(ofDirectory: Path.dirname(d.config.source.path)),
                    version: d.log4jsVersion)
            }
        }
        // Each deployment's findings, in parallel: the models are only read.
        let facts = settings.facts
        let found = Parallel.map(deployments) { d -> [Diagnostic] in
            var context = DeploymentContext(
                deployment: d, facts: launchFacts.facts(for: d.ecosystem.document, base: facts),
                starts: launchFacts.starts(of: d.ecosystem.document))
            for rule in RuleRegistry.deploymentRules { rule.check(&context) }
            return context.diagnostics
        }
        var sink = DiagnosticSink()
        for rule in RuleRegistry.deploymentSetRules {
            rule.check(deployments, facts: { launchFacts.facts(for: $0.ecosystem.document, base: facts) }, into: &sink)
        }
        for app in clustered {
            for rule in RuleRegistry.clusteredAppRules { rule.check(app, into: &sink) }
        }
        // The command lines that start an ecosystem file, with its apps.
        for start in launchFacts.starts {
            guard let ecosystem = models.ecosystem(start.ecosystem) else { continue }
            var context = EcosystemStartContext(start: start, ecosystem: ecosystem)
            for rule in RuleRegistry.ecosystemStartRules { rule.check(&context) }
            sink.append(contentsOf: context.diagnostics)
        }
        // Sized exactly: this is when a run holds the most.
        all.reserveCapacity(all.count + found.reduce(0) { $0 + $1.count } + sink.diagnostics.count)
        for f in found { all += f }
        all += sink.diagnostics
        return (all, linker.order, keepsTrees ? deployments : [], linker.verbose)
    }

    /// Findings for one document on its own (reader findings, file rules).
    public func checkDocument(_ doc: Document) -> [Diagnostic] {
        let models = Models()
        return checkDocument(
            doc, log4js: doc.kind == .log4js ? models.log4js(doc) : nil,
            ecosystem: doc.startsApps ? models.ecosystem(doc) : nil)
    }

    /// `log4js` and `ecosystem` are the document's model when it is of that kind.
    /// `dependencies`: the packages the project declares, for the log4js rules.
    func checkDocument(
        _ doc: Document, log4js: Log4jsConfig?, ecosystem: Ecosystem?, dependencies: Set<String>? = nil,
        version: Log4jsVersion = .undeclared
    ) -> [Diagnostic] {
        var sink = DiagnosticSink()
        for s in doc.read.diagnostics {
            sink.emit(Checker.diagnostic(from: s, in: doc))
        }
        LC011UnrecognisedFile.check(doc, into: &sink)
        if doc.kind == .log4js, let config = log4js {
            sink.append(contentsOf: Checker.checkLog4js(config, dependencies: dependencies, version: version))
        }
        let layouts = Document.addedLayouts(doc.module)
        for root in doc.inlineConfigs {
            let config = Log4jsConfig(root: root)
            config.addedLayouts = layouts
            sink.append(contentsOf: Checker.checkLog4js(config, dependencies: dependencies, version: version))
        }
        if doc.startsApps, let ecosystem {
            var context = EcosystemContext(ecosystem: ecosystem)
            for rule in RuleRegistry.ecosystemRules where doc.kind == .ecosystem || rule.readsLaunchSites {
                rule.check(&context)
            }
            sink.append(contentsOf: context.diagnostics)
        }
        return sink.diagnostics
    }

    /// Findings of every log4js rule on one config. Before log4js 2 the config format is another
    /// one, and only the rules that know it run (`RuleRegistry.log4jsRulesBefore2`).
    public static func checkLog4js(
        _ config: Log4jsConfig, dependencies: Set<String>? = nil, version: Log4jsVersion = .undeclared
    ) -> [Diagnostic] {
        var context = Log4jsContext(config: config, dependencies: dependencies, version: version)
        let rules = version.takesNamedAppenders ? RuleRegistry.log4jsRules : RuleRegistry.log4jsRulesBefore2
        for rule in rules { rule.check(&context) }
        return context.diagnostics
    }

    /// A launch file's apps are written from its command lines (`TreeWriter`): the edits a rule
    /// makes for an ecosystem file's syntax do not apply there, so no fix edits a launch file
    /// (the finding stays, with its help).
    static func dropLaunchFileFixes(_ diagnostics: inout [Diagnostic], documents: [Document]) {
        let launchFiles = Set(documents.lazy.filter { $0.kind == .launch }.map { ObjectIdentifier($0.source) })
        guard !launchFiles.isEmpty else { return }
        for i in diagnostics.indices where !diagnostics[i].fixes.isEmpty {
            diagnostics[i].fixes.removeAll { fix in
                fix.edits.contains { launchFiles.contains(ObjectIdentifier($0.file)) }
            }
        }
    }

    /// Drops a finding when a more specific rule reports the same place (RuleDescription.supersedes).
    static func dropSuperseded(_ diagnostics: inout [Diagnostic]) {
        var places: [String: Set<String>] = [:]
        for d in diagnostics where !d.rule.supersedes.isEmpty {
            places["\(d.file.path)#\(d.location.span.start)", default: []].formUnion(d.rule.supersedes)
        }
        guard !places.isEmpty else { return }
        diagnostics.removeAll { d in places["\(d.file.path)#\(d.location.span.start)"]?.contains(d.rule.id) ?? false }
    }

    /// One finding per rule, place and message: a binding spread into several apps is reported once.
    static func dropDuplicates(_ sorted: inout [Diagnostic]) {
        var kept = 0
        for i in sorted.indices {
            if kept > 0 {
                let last = sorted[kept - 1]
                let d = sorted[i]
                if last.rule.id == d.rule.id, last.file === d.file, last.location.span == d.location.span,
                    last.message == d.message, last.environment == d.environment
                {
                    continue
                }
            }
            if kept != i { sorted.swapAt(kept, i) }
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
    }

    static func diagnostic(from s: SyntaxDiagnostic, in doc: Document) -> Diagnostic {
        let rule = RuleRegistry.inputRule(for: s.code)
        let severity: Severity = s.severity == .error ? .error : (s.severity == .warning ? .warning : .info)
        var notes = Array(s.notes.dropFirst())
        if let consequence = rule.consequence(in: doc) { notes.append(consequence) }
        return Diagnostic(
            rule: rule.description, severity: severity, message: s.message, location: Location(doc.source, s.span),
            related: s.related.map { RelatedLocation(Location(doc.source, $0.span), $0.message) },
            notes: notes, help: s.notes.first)
    }

    /// A configure() argument: the file it is written in and its node there.
    private struct InlineConfig: Hashable {
        var file: ObjectIdentifier
        var node: Int32
    }
}
