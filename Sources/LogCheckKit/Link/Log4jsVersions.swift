import LogCheckSyntax

extension Projects {
    /// The log4js version the code around a folder runs: the nearest package.json, from the
    /// folder's package up to its project root, that declares `log4js` (in dependencies,
    /// devDependencies, optionalDependencies or peerDependencies) or a package known to bring its
    /// own log4js (`Log4jsVersion.wrappers`); a direct `log4js` entry wins over a wrapper in the
    /// same file. Without either, the newest release, said to be assumed.
    func log4jsVersion(ofDirectory directory: String) -> Log4jsVersion {
        let start = package(ofDirectory: directory)
        if let known = log4jsVersions[start] { return known }
        let root = project(ofDirectory: directory)
        var result = Log4jsVersion.undeclared
        var p = start
        var seen = Set<String>()
        walk: while seen.insert(absolute(p)).inserted {
            if let found = declaredLog4js(FileSystem.join(p, "package.json")) {
                result = found
                break walk
            }
            if isSame(p, root) { break }
            guard let up = files.parent(of: p) else { break }
            p = package(ofDirectory: up)
        }
        log4jsVersions[start] = result
        return result
    }

    /// What one package.json says about log4js, nil when it says nothing (or is not JSON).
    private func declaredLog4js(_ path: String) -> Log4jsVersion? {
        guard case .success(let bytes) = files.read(path),
            let root = JSONReader.read(SourceFile(path: path, bytes: bytes)).root, root.isMapping
        else { return nil }
        let sections = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]
        func range(_ name: String) -> String? {
            for s in sections {
                if let r = root[s]?[name]?.string { return r }
            }
            return nil
        }
        if let r = range("log4js") { return Log4jsVersion.declared(r, in: path) }
        for wrapper in Log4jsVersion.wrappers.keys.sorted() {
            if let r = range(wrapper), let v = Log4jsVersion.wrapped(wrapper, r, in: path) { return v }
        }
        return nil
    }
}
