import LogCheckSyntax

/// Where files belong, found from the disk and never from the command line.
///
/// A file's **project** is the nearest directory above it holding `.git`; without one, the
/// nearest holding a `package.json`; without either, the file's own directory. A marker in the
/// filesystem root itself does not count. A **package** is a directory holding a `package.json`
/// inside a project; where there is none between a file and its project's root, the root is the
/// file's package. Every answer is cached for the run.
final class Projects {
    let files: FileProvider
    private var projectOf: [String: String] = [:]
    private var packageOf: [String: String] = [:]
    private var gitRootOf: [String: String?] = [:]
    private var manifestRootOf: [String: String?] = [:]
    private var walked: [String: PackageFiles] = [:]
    /// The log4js version of each package (Log4jsVersions.swift).
    var log4jsVersions: [String: Log4jsVersion] = [:]

    /// Names of the files a package walk reports.
    struct PackageFiles {
        /// Files whose names may be PM2 ecosystem files, in walk order.
        var ecosystems: [String] = []
        /// Files whose names may be log4js configs, in walk order.
        var configs: [String] = []
    }

    /// Entries a package walk looks at before it gives up (a guard against huge trees).
    static let maxWalkEntries = 200_000

    init(files: FileProvider) { self.files = files }

    /// The project root of a directory, in the directory's own path form.
    func project(ofDirectory directory: String) -> String {
        let dir = Path.normalize(directory)
        if let p = projectOf[dir] { return p }
        let root =
            nearest(dir, holding: ".git", cache: &gitRootOf)
            ?? nearest(dir, holding: "package.json", cache: &manifestRootOf)
            ?? dir
        projectOf[dir] = root
        return root
    }

    func project(of file: String) -> String { project(ofDirectory: Path.dirname(file)) }

    /// The package of a directory: the nearest directory at or above it, inside its project,
    /// holding a `package.json`; the project root when there is none.
    func package(ofDirectory directory: String) -> String {
        let dir = Path.normalize(directory)
        if let p = packageOf[dir] { return p }
        let root = project(ofDirectory: dir)
        var result = root
        if contains(root, dir) {
            var d = dir
            while true {
                if let cached = packageOf[d], d != dir {
                    result = cached
                    break
                }
                if files.exists(FileSystem.join(d, "package.json")) {
                    result = d
                    break
                }
                if isSame(d, root) { break }
                guard let up = files.parent(of: d) else { break }
                d = up
            }
        }
        packageOf[dir] = result
        return result
    }

    func package(of file: String) -> String { package(ofDirectory: Path.dirname(file)) }

    /// A directory and every directory above it up to `root` (by default its project's root),
    /// innermost first.
    func ancestors(ofDirectory directory: String, upTo top: String? = nil) -> [String] {
        let root = top ?? project(ofDirectory: directory)
        let key = Path.normalize(directory) + "\u{0}" + root
        if let known = ancestorsOf[key] { return known }
        var chain: [String] = []
        var d = Path.normalize(directory)
        while true {
            chain.append(d)
            if isSame(d, root) { break }
            guard let up = files.parent(of: d) else { break }
            d = up
        }
        ancestorsOf[key] = chain
        return chain
    }
    private var ancestorsOf: [String: [String]] = [:]

    /// Whether a directory is the root of a package: it holds a package.json, or it is its
    /// project's root.
    func isPackageRoot(_ directory: String) -> Bool {
        let dir = Path.normalize(directory)
        if let known = packageRoots[dir] { return known }
        let answer = files.exists(FileSystem.join(dir, "package.json")) || isSame(dir, project(ofDirectory: dir))
        packageRoots[dir] = answer
        return answer
    }
    private var packageRoots: [String: Bool] = [:]

    /// Whether `path` is `directory` or inside it.
    func contains(_ directory: String, _ path: String) -> Bool {
        let d = absolute(directory)
        let p = absolute(path)
        return d == "/" || p == d || p.hasPrefix(d + "/")
    }

    func isSame(_ a: String, _ b: String) -> Bool { a == b || absolute(a) == absolute(b) }

    /// `files.absolute`, remembered: the same few directories are asked about for every file.
    func absolute(_ path: String) -> String {
        if let known = absolutes[path] { return known }
        let a = files.absolute(path)
        absolutes[path] = a
        return a
    }
    private var absolutes: [String: String] = [:]

    // MARK: Declared dependencies

    /// The packages declared in the package.json of a folder's package and of every package
    /// around it up to the project root (dependencies, devDependencies, optionalDependencies,
    /// peerDependencies: a hoisted workspace dependency is found from every package); nil when
    /// there is no package.json at all.
    func declaredDependencies(ofDirectory directory: String) -> Set<String>? {
        let root = project(ofDirectory: directory)
        var found = false
        var all = Set<String>()
        var p = package(ofDirectory: directory)
        var seen = Set<String>()
        while seen.insert(absolute(p)).inserted {
            if let declared = manifestDependencies(p) {
                found = true
                all.formUnion(declared)
            }
            if isSame(p, root) { break }
            guard let up = files.parent(of: p) else { break }
            p = package(ofDirectory: up)
        }
        return found ? all : nil
    }

    private var manifests: [String: Set<String>?] = [:]

    /// The packages one package.json declares; nil when the folder has none (or it is not JSON).
    private func manifestDependencies(_ dir: String) -> Set<String>? {
        let path = FileSystem.join(dir, "package.json")
        if let known = manifests[path] { return known }
        var result: Set<String>? = nil
        if case .success(let bytes) = files.read(path),
            let root = JSONReader.read(SourceFile(path: path, bytes: bytes)).root, root.isMapping
        {
            var names = Set<String>()
            for section in ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] {
                guard let list = root[section] else { continue }
                for e in list.entries { if let k = e.key { names.insert(k) } }
            }
            result = names
        }
        manifests[path] = result
        return result
    }

    // MARK: Which ecosystem files may start a file's code

    /// The ecosystem files (by name) that may start the code of `file` or load it as a config:
    /// those in the file's folder and in each folder above it up to the project root, and, at
    /// each of those folders that is a package root, those anywhere in its other subfolders
    /// (not inside nested packages). Siblings of a folder that is not a package root are not
    /// searched: in a monorepo, `services/` lists the services, and a service's file is not
    /// started from another service's folder.
    /// `skipping` tells the folders whose files are known already (searched directories).
    func ecosystemFiles(reaching file: String, skipping known: (String) -> Bool = { _ in false }) -> [String] {
        let chain = ancestors(ofDirectory: Path.dirname(file))
        var found: [String] = []
        for (i, dir) in chain.enumerated() {
            if known(dir) { continue }
            let entries = listing(dir)
            for (name, type) in entries where type == .file && Projects.isEcosystemName(name) {
                found.append(FileSystem.join(dir, name))
            }
            guard isPackageRoot(dir) else { continue }
            for child in subfolders(dir) {
                if i > 0 && isSame(child, chain[i - 1]) { continue }
                if known(child) { continue }
                found += walk(child).ecosystems
            }
        }
        return found
    }

    /// Whether `ecosystemFiles(reaching: file)` finds an ecosystem file (`file` in the ecosystem
    /// file's project): the rule a link obeys, so that every file of a link finds its ecosystem
    /// file again. The folders searched go up to the ecosystem file's project root, which is the
    /// file's own project root too except where neither .git nor package.json marks one (there a
    /// file's project is its own folder, and naming it alone finds only what is beside it).
    func reaches(ecosystem: String, file: String) -> Bool {
        let e = Path.dirname(ecosystem)
        // The answer depends on the two folders only, and every module of an app asks it.
        let key = e + "\u{0}" + Path.dirname(file)
        if let known = reached[key] { return known }
        let answer = reaches(ecosystemFolder: e, fileFolder: Path.dirname(file))
        reached[key] = answer
        return answer
    }
    private var reached: [String: Bool] = [:]

    private func reaches(ecosystemFolder e: String, fileFolder: String) -> Bool {
        let chain = ancestors(ofDirectory: fileFolder, upTo: project(ofDirectory: e))
        for (i, dir) in chain.enumerated() {
            if isSame(e, dir) { return true }
            guard isPackageRoot(dir), contains(dir, e) else { continue }
            // The folders from `dir` down to the ecosystem file's folder.
            let rest = absolute(e).dropFirst(absolute(dir) == "/" ? 1 : absolute(dir).count + 1)
            let parts = rest.split(separator: "/").map(String.init)
            guard let first = parts.first else { continue }
            let child = FileSystem.join(dir, first)
            if i > 0 && isSame(child, chain[i - 1]) { continue }
            if parts.contains(where: { InputCollector.isSkipped(directory: $0) }) { continue }
            if isSame(package(ofDirectory: e), dir) { return true }
        }
        return false
    }

    /// The subfolders of a folder that are not packages themselves (nor skipped), found once per
    /// folder: every file below it asks. Their trees are walked only when a file outside them asks.
    private func subfolders(_ dir: String) -> [String] {
        if let known = subfolderLists[dir] { return known }
        var result: [String] = []
        for (name, type) in listing(dir) where type == .directory && !InputCollector.isSkipped(directory: name) {
            let child = FileSystem.join(dir, name)
            if !files.exists(FileSystem.join(child, "package.json")) { result.append(child) }
        }
        subfolderLists[dir] = result
        return result
    }
    private var subfolderLists: [String: [String]] = [:]

    /// Whether a file found on the search may start apps: an ecosystem file's name, or a launch
    /// file's (package.json, a Dockerfile, a shell script…).
    static func isEcosystemName(_ name: String) -> Bool {
        isLaunchName(name) || InputCollector.isCandidate(name) && InputCollector.nameHint(name) != .log4js
    }

    static func isLaunchName(_ name: String) -> Bool { LaunchReader.kind(ofPath: name, firstLine: nil) != nil }

    private var listings: [String: [(name: String, type: FileSystem.EntryType)]] = [:]

    private func listing(_ dir: String) -> [(name: String, type: FileSystem.EntryType)] {
        if let l = listings[dir] { return l }
        let l = files.list(dir) ?? []
        listings[dir] = l
        return l
    }

    // MARK: Walking a package

    /// The log4js configs (by name) of a package, for proximity pairings: its directory's tree,
    /// without the trees of packages nested in it.
    func configFiles(ofPackage package: String) -> [String] { walk(package).configs }

    /// The candidate files of a directory's tree, without the trees of packages nested in it,
    /// of `node_modules`, of version-control and hidden folders, without following symlinked
    /// directories. Names are tested as a directory search tests them.
    private func walk(_ directory: String) -> PackageFiles {
        let key = Path.normalize(directory)
        if let w = walked[key] { return w }
        var result = PackageFiles()
        var stack: [(String, Int)] = [(key, 0)]
        var seen = 0
        while let (dir, depth) = stack.popLast() {
            let entries = listing(dir)
            seen += entries.count
            if seen > Projects.maxWalkEntries { break }
            var below: [String] = []
            for (name, type) in entries {
                let path = FileSystem.join(dir, name)
                switch type {
                case .directory:
                    if InputCollector.isSkipped(directory: name) || depth + 1 > InputCollector.maxDirectoryDepth {
                        continue
                    }
                    if files.exists(FileSystem.join(path, "package.json")) { continue }
                    below.append(path)
                case .file:
                    guard InputCollector.isCandidate(name) else { continue }
                    if !Projects.isLaunchName(name) && InputCollector.nameHint(name) == .log4js {
                        result.configs.append(path)
                    } else {
                        result.ecosystems.append(path)
                    }
                default:
                    continue
                }
            }
            for d in below.reversed() { stack.append((d, depth + 1)) }
        }
        walked[key] = result
        return result
    }

    /// The nearest directory at or above `dir` holding `marker`, never the filesystem root.
    private func nearest(_ dir: String, holding marker: String, cache: inout [String: String?]) -> String? {
        var visited: [String] = []
        var d = dir
        var found: String?? = nil
        while true {
            if let c = cache[d] {
                found = c
                break
            }
            visited.append(d)
            guard let up = files.parent(of: d) else {
                found = .some(nil)
                break
            }
            if files.exists(FileSystem.join(d, marker)) {
                found = .some(d)
                break
            }
            d = up
        }
        let answer = found ?? nil
        for v in visited { cache[v] = answer }
        return answer
    }
}
