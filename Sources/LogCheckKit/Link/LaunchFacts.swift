import LogCheckSyntax

/// A command line of a launch file that starts the apps of an ecosystem file
/// (`pm2-runtime start ecosystem.config.js --env production` in a Dockerfile).
public struct EcosystemStart: @unchecked Sendable {
    public let launch: Document
    public let site: LaunchSite
    public let ecosystem: Document

    /// What PM2 applies to the ecosystem file's apps from the command line.
    public var overrides: EcosystemOverrides { site.line.overrides }
    /// `--env <name>`.
    public var environment: ShellWord? { site.line.environment }

    /// `pm2 start ecosystem.config.js --watch` (package.json, script "start"), for messages.
    public var label: String {
        "`\(site.commandText)` (\(Path.basename(launch.path)), \(site.origin))"
    }

    /// A place in the launch file.
    public func location(_ word: ShellWord) -> Location { Location(launch.source, word.span) }
}

/// What launch files say about an ecosystem file's apps: the command lines that start them, with
/// the options PM2 applies to them (`--watch`, `--env`, `--only`), and a `pm2 install
/// pm2-intercom` in the Dockerfile, script or package.json that starts them. A launch file counts
/// for the apps it starts itself, and for an ecosystem file it starts. The launch files of an
/// ecosystem file are those the Link stage's search finds from the ecosystem file itself, so the
/// answer does not depend on which file was named; a named launch file adds the ecosystem files
/// it starts.
struct LaunchFacts {
    /// Where pm2-intercom is installed for each ecosystem or launch file, by document.
    private var intercom: [ObjectIdentifier: Location] = [:]
    /// The command lines that start each ecosystem file, by document.
    private var startsByEcosystem: [ObjectIdentifier: [EcosystemStart]] = [:]
    /// Every start found, in the order found.
    private(set) var starts: [EcosystemStart] = []

    static let intercomModule = "pm2-intercom"

    /// `ecosystems`: the ecosystem files whose apps are checked; `launches`: the named launch files.
    static func find(
        for ecosystems: [Document], launches: [Document], linker: inout Linker, projects: Projects
    ) -> LaunchFacts {
        var facts = LaunchFacts()
        var recorded = Set<String>()
        func record(_ launch: Document, _ ecosystem: Document) {
            guard let sites = launch.launch else { return }
            let folder = Path.dirname(launch.path)
            let path = Path.normalize(ecosystem.path)
            for (i, s) in sites.sites.enumerated() {
                guard s.line.ecosystemFiles.contains(where: { projects.isSame(Path.resolve(folder, $0), path) }),
                    recorded.insert(Path.normalize(launch.path) + "\u{0}\(i)\u{0}" + path).inserted
                else { continue }
                let start = EcosystemStart(launch: launch, site: s, ecosystem: ecosystem)
                facts.starts.append(start)
                facts.startsByEcosystem[ObjectIdentifier(ecosystem), default: []].append(start)
                if facts.intercom[ObjectIdentifier(ecosystem)] == nil,
                    let install = sites.installs.first(where: { $0.module.is(intercomModule) })
                {
                    facts.intercom[ObjectIdentifier(ecosystem)] = Location(launch.source, install.module.span)
                }
            }
        }
        for doc in ecosystems {
            if let sites = doc.launch, let install = sites.installs.first(where: { $0.module.is(intercomModule) }) {
                facts.intercom[ObjectIdentifier(doc)] = Location(doc.source, install.module.span)
                continue
            }
            guard doc.kind == .ecosystem, !doc.input.isStdin else { continue }
            for candidate in projects.ecosystemFiles(reaching: doc.path)
            where candidate != doc.path && LaunchReader.kind(ofPath: candidate, firstLine: nil) != nil {
                guard let launch = linker.ecosystem(at: candidate) else { continue }
                record(launch, doc)
            }
        }
        for launch in launches where !launch.input.isStdin {
            guard let sites = launch.launch else { continue }
            let folder = Path.dirname(launch.path)
            for file in Set(sites.sites.flatMap(\.line.ecosystemFiles)) {
                guard let eco = linker.ecosystem(at: Path.resolve(folder, file)), eco.kind == .ecosystem else {
                    continue
                }
                record(launch, eco)
            }
        }
        return facts
    }

    /// The command lines that start `doc`'s apps.
    func starts(of doc: Document) -> [EcosystemStart] { startsByEcosystem[ObjectIdentifier(doc)] ?? [] }

    /// The settings' host facts, with what the launch files of `doc` add.
    func facts(for doc: Document, base: HostFacts) -> HostFacts {
        guard let at = intercom[ObjectIdentifier(doc)] else { return base }
        var facts = base
        facts.pm2IntercomInstalled = true
        facts.pm2IntercomInstalledBy = at
        return facts
    }
}
