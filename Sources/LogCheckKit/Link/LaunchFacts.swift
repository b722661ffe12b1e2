import LogCheckSyntax

/// What launch files say about the host an ecosystem file's apps run on: a `pm2 install
/// pm2-intercom` in the Dockerfile, script or package.json that starts them. A launch file
/// counts for the apps it starts itself, and for an ecosystem file it starts
/// (`pm2-runtime start ecosystem.config.js`). The launch files of an ecosystem file are those
/// the Link stage's search finds from the ecosystem file itself, so the answer does not depend
/// on which file was named.
struct LaunchFacts {
    /// Where pm2-intercom is installed for each ecosystem or launch file, by document.
    private var intercom: [ObjectIdentifier: Location] = [:]

    static let intercomModule = "pm2-intercom"

    static func find(for documents: [Document], linker: inout Linker, projects: Projects) -> LaunchFacts {
        var facts = LaunchFacts()
        for doc in documents {
            if let sites = doc.launch, let install = sites.installs.first(where: { $0.module.is(intercomModule) }) {
                facts.intercom[ObjectIdentifier(doc)] = Location(doc.source, install.module.span)
                continue
            }
            guard doc.kind == .ecosystem, !doc.input.isStdin else { continue }
            let path = Path.normalize(doc.path)
            for candidate in projects.ecosystemFiles(reaching: doc.path)
            where LaunchReader.kind(ofPath: Path.basename(candidate), firstLine: nil) != nil {
                guard let launch = linker.ecosystem(at: candidate), let sites = launch.launch,
                    let install = sites.installs.first(where: { $0.module.is(intercomModule) })
                else { continue }
                let folder = Path.dirname(launch.path)
                let starts = sites.sites.contains { s in
                    guard let t = s.line.ecosystemFile else { return false }
                    return projects.isSame(Path.resolve(folder, t), path)
                }
                if starts {
                    facts.intercom[ObjectIdentifier(doc)] = Location(launch.source, install.module.span)
                    break
                }
            }
        }
        return facts
    }

    /// The settings' host facts, with what the launch files of `doc` add.
    func facts(for doc: Document, base: HostFacts) -> HostFacts {
        guard let at = intercom[ObjectIdentifier(doc)] else { return base }
        var facts = base
        facts.pm2IntercomInstalled = true
        facts.pm2IntercomInstalledBy = at
        return facts
    }
}
