import LogCheckSyntax

extension PM2App {
    /// Whether PM2 restarts the app when the file at `path` (relative to the app's working
    /// directory, as PM2 and log4js resolve it) changes: `watch` is on (true: the working
    /// directory; a path or a list of paths), the file is inside a watched path, and neither
    /// `ignore_watch` nor, without it, PM2's default of ignoring dot files and `node_modules`
    /// (Watcher.js) leaves it out. Absolute and home paths, and values only run time knows, are
    /// `.unknown`.
    ///
    /// `startedWith`: what the command line that starts the app's ecosystem file applies to it:
    /// `--watch` turns watch on where the app's own is falsy, pm2-dev's `--ignore` gives the
    /// `ignore_watch` of an app without one (API.js:1002-1007).
    public func watchRestarts(onChangeTo path: String, startedWith overrides: EcosystemOverrides? = nil) -> Truth {
        let own = field(.watch)
        var watched: [String] = []
        if let w = own, w.value.isTruthy == true {
            if w.value.bool == true {
                watched = ["."]
            } else if let s = w.value.string {
                watched = [s]
            } else if w.value.isSequence {
                watched = w.value.elements.compactMap(\.string)
            }
        } else if overrides?.watch != nil {
            guard own?.value.isUnknown != true else { return .unknown }
            watched = ["."]
        } else {
            return .no
        }
        if path.hasPrefix("/") || path.hasPrefix("~") { return .unknown }
        let ignoreField = field(.ignoreWatch)
        if ignoreField?.value.isUnknown == true { return .unknown }
        // The app's own ignore_watch, else the command line's (pm2-dev), else PM2's default.
        let ignoredPaths =
            ignoreField.map {
                $0.value.isSequence ? $0.value.elements.compactMap(\.string) : [$0.value.string].compactMap { $0 }
            } ?? overrides?.ignoreWatch
        let ignored = (ignoredPaths ?? []).map(PM2App.cleanPath)
        let file = PM2App.cleanPath(path)
        let inside = watched.contains { root in
            let r = PM2App.cleanPath(root)
            return r == "." || file == r || file.hasPrefix(r + "/")
        }
        guard inside else { return .no }
        let covered = ignored.contains { pattern in
            let p = pattern.replacing("**/", with: "").replacing("/**", with: "").replacing("*", with: "")
            return !p.isEmpty
                && (file == p || file.hasPrefix(p + "/") || Path.basename(file).hasSuffix(p)
                    || file.split(separator: "/").contains { $0 == Substring(p) })
        }
        // Without ignore_watch PM2 ignores dot files and node_modules (Watcher.js).
        let defaultIgnored =
            ignoredPaths == nil
            && file.split(separator: "/").contains { $0.hasPrefix(".") || $0 == "node_modules" }
        return Truth(!(covered || defaultIgnored))
    }

    /// A relative path without leading `./` and trailing `/`.
    static func cleanPath(_ p: String) -> String {
        var s = Substring(p)
        while s.hasPrefix("./") { s = s.dropFirst(2) }
        while s.hasSuffix("/") && s.count > 1 { s = s.dropLast() }
        return String(s)
    }
}
