import LogCheckSyntax

/// What the user told logcheck (`.logcheck.yml`, command-line options): which rules to report, at
/// which severity, and facts about the deployment that no file shows.
public struct Settings: Sendable {
    /// Facts about the hosts the apps run on, for the rules.
    public var facts = HostFacts()
    public var pm2IntercomInstalled: Bool {
        get { facts.pm2IntercomInstalled }
        set { facts.pm2IntercomInstalled = newValue }
    }
    public var pm2Home: String? {
        get { facts.pm2Home }
        set { facts.pm2Home = newValue }
    }
    /// Rules to report: ids, slugs or id prefixes; empty means all.
    public var select: [String] = []
    /// Rules not to report.
    public var ignore: [String] = []
    /// Severity per rule id.
    public var severities: [String: Severity] = [:]
    /// Glob → rules (ids, slugs, prefixes or `all`) not reported for matching files.
    public var pathIgnores: [(pattern: String, rules: [String])] = []
    /// The directory the globs of `pathIgnores` are relative to: the settings file's (absolute);
    /// nil for the current directory.
    public var root: String? = nil
    /// Exit 1 when a finding at or above this remains.
    public var failOn: Severity = .error

    public init() {}

    /// Whether a rule is reported for a file; `path` is relative to `root` (see `relativePath`).
    public func reports(_ rule: RuleDescription, in path: String) -> Bool {
        if !rule.defaultEnabled && !enables(rule) { return false }
        if !select.isEmpty && !select.contains(where: { Settings.matches($0, rule) }) { return false }
        if ignore.contains(where: { Settings.matches($0, rule) }) { return false }
        for (pattern, rules) in pathIgnores where Glob.matches(pattern, path) {
            if rules.contains(where: { $0 == "all" || Settings.matches($0, rule) }) { return false }
        }
        return true
    }

    /// Whether the settings turn on an opt-in rule: `select` names it by id or slug (a prefix
    /// such as `LC3` does not), or `severity` gives it one.
    public func enables(_ rule: RuleDescription) -> Bool {
        if severities[rule.id] != nil { return true }
        return select.contains { s in
            let s = s.trimmingWhitespace()
            return s.uppercased() == rule.id || s.lowercased() == rule.slug
        }
    }

    /// A file's path as the globs see it: relative to `root` (or as given, without a root).
    public func relativePath(_ path: String, cwd: String) -> String {
        guard let root else { return Path.normalize(path) }
        return Path.relative(path, to: root, cwd: cwd)
    }

    /// A rule selector: an id (`LC102`), a slug (`instance-var-mismatch`) or an id prefix (`LC1`).
    public static func matches(_ selector: String, _ rule: RuleDescription) -> Bool {
        let s = selector.trimmingWhitespace()
        if s.uppercased() == rule.id || s.lowercased() == rule.slug { return true }
        return s.count >= 2 && s.count < 5 && rule.id.hasPrefix(s.uppercased())
    }

    /// Applies severity overrides and filters, in place; findings in dropped rules disappear.
    public func apply(to diagnostics: inout [Diagnostic]) {
        // The path only matters to per-path ignores; work it out once per file.
        let cwd = pathIgnores.isEmpty ? "" : FileSystem.currentDirectory()
        var paths: [ObjectIdentifier: String] = [:]
        diagnostics.removeAll { d in
            var path = d.file.path
            if !pathIgnores.isEmpty {
                path = paths[ObjectIdentifier(d.file)] ?? relativePath(d.file.path, cwd: cwd)
                paths[ObjectIdentifier(d.file)] = path
            }
            return !reports(d.rule, in: path)
        }
        guard !severities.isEmpty else { return }
        for i in diagnostics.indices {
            if let s = severities[diagnostics[i].rule.id] { diagnostics[i].severity = s }
        }
    }
}

/// Shell-style globs for paths: `*` (within a segment), `**` (any number of segments), `?`.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(Path.normalize(pattern).split(separator: "/").map(String.init))
        let s = Array(Path.normalize(path).split(separator: "/").map(String.init))
        // A pattern without a slash matches the file name anywhere, as .gitignore does.
        if !pattern.contains("/") {
            return s.last.map { segment(pattern, $0) } ?? false || s.contains { segment(pattern, $0) }
        }
        return match(p[...], s[...])
    }

    static func match(_ p: ArraySlice<String>, _ s: ArraySlice<String>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "**" {
            let rest = p.dropFirst()
            var tail = s
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let head = s.first, segment(first, head) else { return false }
        return match(p.dropFirst(), s.dropFirst())
    }

    static func segment(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern)
        let t = Array(text)
        var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: t.count + 1), count: p.count + 1)
        func go(_ i: Int, _ j: Int) -> Bool {
            if let m = memo[i][j] { return m }
            let r: Bool
            if i == p.count {
                r = j == t.count
            } else if p[i] == "*" {
                r = go(i + 1, j) || (j < t.count && go(i, j + 1))
            } else if j < t.count && (p[i] == "?" || p[i] == t[j]) {
                r = go(i + 1, j + 1)
            } else {
                r = false
            }
            memo[i][j] = r
            return r
        }
        return go(0, 0)
    }
}
