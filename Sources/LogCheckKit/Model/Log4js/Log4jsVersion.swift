import LogCheckSyntax

/// The log4js release a project runs, as far as its package.json files tell: the major line
/// decides the config format and whether cluster workers forward their events
/// (docs/evidence/log4js.md, V01-V07).
///
/// - 0.x and 1.x read `appenders` as a list (each naming its `category`) and `levels` as a map
///   from category to level; every process writes its own appenders, cluster worker or not.
/// - 2.0 and later read `appenders` and `categories` as objects keyed by name, and a cluster
///   worker sends every event to the cluster master (`pm2` from 2.3.0, `disableClustering` from
///   2.3.4).
public struct Log4jsVersion: Sendable, Equatable {
    /// The release assumed: the newest known release the declared range allows.
    public let release: SemVer
    /// Why: what the package.json says (the text after "assumes log4js N.x: ").
    public let reason: String

    public init(release: SemVer, reason: String) {
        self.release = release
        self.reason = reason
    }

    public var major: Int { release.major }

    /// `6.x`, `1.x`, `0.6` (a 0.x minor is a line of its own).
    public var line: String { major == 0 ? "0.\(release.minor)" : "\(major).x" }

    /// The note a finding whose verdict depends on the version carries.
    public var note: String { "assumes log4js \(line): \(reason)" }

    /// Whether `appenders` and `categories` are objects keyed by name (2.0 and later).
    public var takesNamedAppenders: Bool { major >= 2 }

    /// Whether a cluster worker sends its events to the cluster master instead of writing
    /// (2.0 and later); before, every process writes its own appenders.
    public var forwardsClusterEvents: Bool { major >= 2 }

    /// The newest release logcheck knows, assumed when nothing says otherwise.
    public static let newest = SemVer(6, 9, 1)

    /// What logcheck assumes without a package.json that declares log4js.
    public static let undeclared = Log4jsVersion(release: newest, reason: "no package.json declares log4js")

    // MARK: Releases

    /// The log4js releases tagged in log4js-node (v0.5.0 to v6.9.1).
    public static let releases: [SemVer] = {
        let text = """
            0.5.0 0.5.1 0.5.2 0.5.3 0.5.4 0.5.5 0.5.6 0.5.7 0.6.0 0.6.2 0.6.3 0.6.4 0.6.5 0.6.6 0.6.7 0.6.8 0.6.9 \
            0.6.10 0.6.11 0.6.12 0.6.13 0.6.14 0.6.15 0.6.16 0.6.17 0.6.18 0.6.19 0.6.20 0.6.21 0.6.22 0.6.23 0.6.24 \
            0.6.25 0.6.26 0.6.27 0.6.28 0.6.29 0.6.30 0.6.31 0.6.32 0.6.33 0.6.34 0.6.35 0.6.36 0.6.37 0.6.38 1.0.1 \
            1.1.0 1.1.1 2.0.0 2.0.1 2.1.0 2.2.0 2.3.0 2.3.1 2.3.2 2.3.3 2.3.4 2.3.5 2.3.6 2.3.7 2.3.8 2.3.9 2.3.10 \
            2.3.11 2.3.12 2.4.0 2.4.1 2.5.0 2.5.1 2.5.2 2.5.3 2.6.0 2.6.1 2.7.0 2.8.0 2.9.0 2.10.0 2.11.0 3.0.0 3.0.1 \
            3.0.2 3.0.3 3.0.4 3.0.5 3.0.6 4.0.0 4.0.1 4.0.2 4.1.0 4.1.1 4.2.0 4.3.0 4.3.1 4.3.2 4.4.0 4.5.0 4.5.1 \
            5.0.0 5.1.0 5.2.0 5.2.1 5.2.2 5.3.0 6.0.0 6.1.0 6.1.1 6.1.2 6.2.0 6.2.1 6.3.0 6.4.0 6.4.1 6.4.2 6.4.3 \
            6.4.4 6.4.5 6.4.6 6.4.7 6.5.0 6.5.1 6.5.2 6.6.0 6.6.1 6.7.0 6.7.1 6.8.0 6.9.0 6.9.1
            """
        return text.split(separator: " ").compactMap { SemVer.parse(String($0)) }
    }()

    /// Packages that bring their own log4js, with the range each of their releases depends on
    /// (read from their package.json at each release; docs/evidence/log4js.md, V06-V07).
    public static let wrappers: [String: [(version: SemVer, log4js: String)]] = [
        "koa-log4": [
            (SemVer(1, 0, 0), "^0.6.35"), (SemVer(1, 0, 1), "^0.6.35"), (SemVer(1, 0, 2), "^0.6.35"),
            (SemVer(1, 1, 0), "^1.0.1"), (SemVer(1, 1, 1), "^1.0.1"), (SemVer(1, 2, 0), "^2.3.12"),
            (SemVer(2, 0, 0), "^0.6.35"), (SemVer(2, 0, 1), "^0.6.35"), (SemVer(2, 0, 2), "^0.6.35"),
            (SemVer(2, 1, 0), "^1.0.1"), (SemVer(2, 2, 0), "^0.6.35"), (SemVer(2, 2, 1), "^0.6.35"),
            (SemVer(2, 3, 0), "^2.3.12"), (SemVer(2, 3, 1), "^3.0.6"), (SemVer(2, 3, 2), "^3.0.6"),
        ],
        "pomelo-logger": [
            (SemVer(0, 0, 1), ">=0.5.3"), (SemVer(0, 0, 2), ">=0.5.3"), (SemVer(0, 0, 3), "0.5.7"),
            (SemVer(0, 1, 0), "0.6.7"), (SemVer(0, 1, 1), "0.6.7"), (SemVer(0, 1, 2), "0.6.7"),
            (SemVer(0, 1, 3), "0.6.7"), (SemVer(0, 1, 4), "0.6.7"), (SemVer(0, 1, 5), "0.6.7"),
            (SemVer(0, 1, 6), "0.6.16"), (SemVer(0, 1, 7), "0.6.21"),
        ],
    ]

    /// The version a package.json entry `"log4js": range` (in `manifest`) makes npm install.
    public static func declared(_ range: String, in manifest: String) -> Log4jsVersion {
        let says = "\(manifest) has \"log4js\": \"\(range)\""
        guard let release = SemVer.newest(of: releases, satisfying: range) else {
            return Log4jsVersion(release: newest, reason: says + ", a version logcheck cannot read")
        }
        return Log4jsVersion(release: release, reason: says)
    }

    /// The version a wrapper entry `"koa-log4": range` brings, or nil for a package that is not
    /// a known wrapper.
    public static func wrapped(_ package: String, _ range: String, in manifest: String) -> Log4jsVersion? {
        guard let known = wrappers[package] else { return nil }
        let says = "\(manifest) has \"\(package)\": \"\(range)\""
        let versions = known.map(\.version)
        let picked = SemVer.newest(of: versions, satisfying: range)
        guard let wrapper = picked ?? versions.max(), let entry = known.first(where: { $0.version == wrapper }) else {
            return nil
        }
        let via =
            (picked == nil ? ", read as its newest release \(wrapper)," : ",")
            + " which depends on \"log4js\": \"\(entry.log4js)\""
        guard let release = SemVer.newest(of: releases, satisfying: entry.log4js) else { return nil }
        return Log4jsVersion(release: release, reason: says + via)
    }
}

/// A release number `major.minor.patch` (pre-release and build suffixes dropped).
public struct SemVer: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    public let patch: Int

    public init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    public static func < (a: SemVer, b: SemVer) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    /// A full `1.2.3` (with an optional `v`, `=`, pre-release or build suffix).
    static func parse(_ text: String) -> SemVer? {
        guard let p = Partial.parse(text), let major = p.parts[0], p.parts.count == 3, let minor = p.parts[1],
            let patch = p.parts[2]
        else { return nil }
        return SemVer(major, minor, patch)
    }

    /// The newest of `versions` that a package.json range allows: the one npm installs. Nil when
    /// the range is not a version range (a git or file URL, a tag other than `latest`) or allows
    /// none of them.
    public static func newest(of versions: [SemVer], satisfying range: String) -> SemVer? {
        guard let sets = ranges(range) else { return nil }
        return versions.filter { v in sets.contains { set in set.allSatisfy { $0.admits(v) } } }.max()
    }

    /// One bound of a comparator set.
    struct Bound {
        var version: SemVer
        var below: Bool
        var inclusive: Bool
        func admits(_ v: SemVer) -> Bool {
            if below { return inclusive ? v <= version : v < version }
            return inclusive ? v >= version : v > version
        }
    }

    /// A partial version: `1`, `1.2`, `1.x`, `*` (nil parts are wildcards, trailing ones dropped).
    struct Partial {
        var parts: [Int?]
        static func parse(_ raw: String) -> Partial? {
            var text = Substring(raw)
            while let c = text.first, c == "v" || c == "V" || c == "=" { text = text.dropFirst() }
            if let cut = text.firstIndex(where: { $0 == "-" || $0 == "+" }) { text = text[..<cut] }
            let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
            guard !pieces.isEmpty, pieces.count <= 3 else { return nil }
            var parts: [Int?] = []
            for p in pieces {
                if p == "x" || p == "X" || p == "*" {
                    parts.append(nil)
                } else if let n = Int(p), n >= 0, n < 1_000_000, p.allSatisfy(\.isASCII) {
                    guard parts.last.map({ $0 != nil }) ?? true else { return nil }
                    parts.append(n)
                } else {
                    return nil
                }
            }
            while parts.count < 3 { parts.append(nil) }
            return Partial(parts: parts)
        }
        /// How many leading parts are numbers.
        var fixed: Int { parts.firstIndex(where: { $0 == nil }) ?? 3 }
        var floor: SemVer { SemVer(parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0) }
        /// The first version past the range the fixed parts allow (nil for `*`).
        var ceiling: SemVer? {
            switch fixed {
            case 0: return nil
            case 1: return SemVer(floor.major + 1, 0, 0)
            case 2: return SemVer(floor.major, floor.minor + 1, 0)
            default: return SemVer(floor.major, floor.minor, floor.patch + 1)
            }
        }
    }

    /// The comparator sets of a range (`||` between sets); nil when it is not a version range.
    static func ranges(_ range: String) -> [[Bound]]? {
        let trimmed = String(range.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        if trimmed.isEmpty || trimmed == "latest" { return [[]] }
        if trimmed.contains(where: { $0 == ":" || $0 == "/" || $0 == "#" }) { return nil }
        var sets: [[Bound]] = []
        for alternative in trimmed.split(separator: "||", omittingEmptySubsequences: false) {
            var words = alternative.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            // `>= 2` is one comparator.
            var merged: [String] = []
            var i = 0
            while i < words.count {
                if ["<", "<=", ">", ">=", "=", "^", "~", "~>"].contains(words[i]), i + 1 < words.count {
                    merged.append(words[i] + words[i + 1])
                    i += 2
                } else {
                    merged.append(words[i])
                    i += 1
                }
            }
            words = merged
            var set: [Bound] = []
            if words.count == 3 && words[1] == "-" {
                guard let low = Partial.parse(words[0]), let high = Partial.parse(words[2]) else { return nil }
                set.append(Bound(version: low.floor, below: false, inclusive: true))
                if high.fixed == 3 {
                    set.append(Bound(version: high.floor, below: true, inclusive: true))
                } else if let c = high.ceiling {
                    set.append(Bound(version: c, below: true, inclusive: false))
                }
            } else {
                for w in words {
                    guard let bounds = comparator(w) else { return nil }
                    set += bounds
                }
            }
            sets.append(set)
        }
        return sets
    }

    /// The bounds of one comparator (`^1.2.3`, `~1.2`, `>=2`, `1.x`, `*`).
    static func comparator(_ word: String) -> [Bound]? {
        var op = ""
        var rest = Substring(word)
        for candidate in ["~>", "<=", ">=", "<", ">", "^", "~"] where rest.hasPrefix(candidate) {
            op = candidate
            rest = rest.dropFirst(candidate.count)
            break
        }
        guard let p = Partial.parse(String(rest)) else { return nil }
        let low = Bound(version: p.floor, below: false, inclusive: true)
        func under(_ v: SemVer?) -> [Bound] { v.map { [Bound(version: $0, below: true, inclusive: false)] } ?? [] }
        switch op {
        case "^":
            // The first non-zero fixed part may not change.
            let f = p.floor
            let ceiling: SemVer?
            if f.major > 0 || p.fixed <= 1 {
                ceiling = p.fixed == 0 ? nil : SemVer(f.major + 1, 0, 0)
            } else if f.minor > 0 || p.fixed == 2 {
                ceiling = SemVer(0, f.minor + 1, 0)
            } else {
                ceiling = SemVer(0, 0, f.patch + 1)
            }
            return [low] + under(ceiling)
        case "~", "~>":
            let f = p.floor
            let ceiling =
                p.fixed == 0 ? nil : p.fixed == 1 ? SemVer(f.major + 1, 0, 0) : SemVer(f.major, f.minor + 1, 0)
            return [low] + under(ceiling)
        case ">=": return [low]
        case ">":
            // `>1` is `>=2.0.0`; `>1.2.3` excludes 1.2.3 itself.
            if p.fixed == 3 { return [Bound(version: p.floor, below: false, inclusive: false)] }
            return p.ceiling.map { [Bound(version: $0, below: false, inclusive: true)] } ?? [under(SemVer(0, 0, 0))[0]]
        case "<": return under(p.floor)
        case "<=":
            if p.fixed == 3 { return [Bound(version: p.floor, below: true, inclusive: true)] }
            return under(p.ceiling)
        default:
            return p.fixed == 0 ? [] : [low] + under(p.ceiling)
        }
    }
}
