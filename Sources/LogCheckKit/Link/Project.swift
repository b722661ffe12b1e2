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
        let root = nearest(dir, holding: ".git", cache: &gitRootOf)
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
                if let cached = packageOf[d], d != dir { result = cached; break }
                if files.exists(FileSystem.join(d, "package.json")) { result = d; break }
                if isSame(d, root) { break }
                guard let up = files.parent(of: d) else { break }
                d = up
            }
        }
        packageOf[dir] = result
        return result
    }

    func package(of file: String) -> String { package(ofDirectory: Path.dirname(file)) }

    /// A package and every package that encloses it, up to its project's root, innermost first.
    func packageChain(ofDirectory directory: String) -> [String] {
        let root = project(ofDirectory: directory)
        var chain: [String] = []
        var p = package(ofDirectory: directory)
        while true {
            chain.append(p)
            if isSame(p, root) { break }
            guard let up = files.parent(of: p) else { break }
            let next = package(ofDirectory: up)
            if chain.contains(where: { isSame($0, next) }) { break }
            p = next
        }
        return chain
    }

    /// Whether `path` is `directory` or inside it.
    func contains(_ directory: String, _ path: String) -> Bool {
        let d = files.absolute(directory), p = files.absolute(path)
        return d == "/" || p == d || p.hasPrefix(d + "/")
    }

    func isSame(_ a: String, _ b: String) -> Bool { files.absolute(a) == files.absolute(b) }

    /// The candidate files of a package: its directory's tree, without the trees of packages
    /// nested in it, of `node_modules` and of version-control folders, without following
    /// symlinked directories. Names are tested as a directory search tests them.
    func files(ofPackage package: String) -> PackageFiles {
        let key = Path.normalize(package)
        if let w = walked[key] { return w }
        var result = PackageFiles()
        var stack: [(String, Int)] = [(key, 0)]
        var seen = 0
        while let (dir, depth) = stack.popLast() {
            guard let entries = files.list(dir) else { continue }
            seen += entries.count
            if seen > Projects.maxWalkEntries { break }
            var below: [String] = []
            for (name, type) in entries {
                let path = FileSystem.join(dir, name)
                switch type {
                case .directory:
                    if InputCollector.isSkipped(directory: name) || depth + 1 > InputCollector.maxDirectoryDepth { continue }
                    if files.exists(FileSystem.join(path, "package.json")) { continue }
                    below.append(path)
                case .file:
                    guard InputCollector.isCandidate(name) else { continue }
                    if InputCollector.nameHint(name) == .log4js { result.configs.append(path) } else { result.ecosystems.append(path) }
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
            if let c = cache[d] { found = c; break }
            visited.append(d)
            guard let up = files.parent(of: d) else { found = .some(nil); break }
            if files.exists(FileSystem.join(d, marker)) { found = .some(d); break }
            d = up
        }
        let answer = found ?? nil
        for v in visited { cache[v] = answer }
        return answer
    }
}
