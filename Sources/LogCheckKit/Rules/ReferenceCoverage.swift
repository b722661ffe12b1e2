/// Every numbered item of the log4js and PM2 references, and what logcheck does with it: the rules
/// that implement it (from their descriptions' `references`), or why a static reader cannot decide it.
public enum ReferenceCoverage {
    public static let log4jsThrows: [String] = {
        var ids = (1...27).map { String(format2: "C", $0) }
        ids += ["C28a", "C28b"]
        ids += (29...38).map { String(format2: "C", $0) }
        ids += ["C32'", "C33'", "C38b"]
        ids += (39...46).map { String(format2: "C", $0) }
        return ids
    }()

    public static let log4jsPitfalls: [String] =
        [
            1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30, 31, 32, 33,
            34, 35,
        ]
        .map { String(format2: "S", $0) }

    public static let clusterPitfalls: [String] = (1...15).map { "CP\($0)" }

    public static let pm2Candidates: [String] = (1...38).map { "R\($0)" }

    public static let log4jsVersions: [String] = (1...7).map { String(format2: "V", $0) }

    public static var allItems: [String] {
        log4jsThrows + log4jsPitfalls + clusterPitfalls + log4jsVersions + pm2Candidates
    }

    /// Items no rule implements, with the reason.
    public static let notStatic: [String: String] = [
        "C39": "depends on the filesystem where the app runs (mkdir of the log directory)",
        "C42": "depends on the filesystem where the app runs (fileSync's touchFile)",
        "C38b": "unreachable from log4js: numBackups is always set",
        "S06": "whether a path component is an existing file or directory depends on the machine where the app runs",
        "CP11": "whether the app runs under Phusion Passenger is not written in any file logcheck reads",
        "CP13": "worker_threads and child_process.fork are decided in app code at run time",
        "CP14": "re-configuring at run time is app behaviour, not configuration",
        "CP15": "in-flight IPC events at exit depend on timing, not on configuration",
        "R33": "about changing a running app (needs `pm2 delete`), not the file's content",
    ]

    /// Items implemented by at least one rule, with those rules' ids.
    public static func implementers() -> [String: [String]] {
        var map: [String: [String]] = [:]
        for r in RuleRegistry.all {
            for item in r.references { map[item, default: []].append(r.id) }
        }
        return map
    }

    /// Items neither implemented nor explained.
    public static func uncovered() -> [String] {
        let impl = implementers()
        return allItems.filter { impl[$0] == nil && notStatic[$0] == nil }
    }

    static func markdown() -> String {
        let impl = implementers()
        func table(_ title: String, _ items: [String]) -> String {
            var out = "### \(title)\n\n| item | covered by |\n|---|---|\n"
            for item in items {
                let cell: String
                if let rules = impl[item] {
                    cell = rules.map { "[\($0)](\($0).md)" }.joined(separator: ", ")
                } else if let reason = notStatic[item] {
                    cell = "not checked: " + reason
                } else {
                    cell = "not yet checked"
                }
                out += "| [\(item)](../\(RuleDocs.evidencePath(item))) | \(cell) |\n"
            }
            return out + "\n"
        }
        var out = "## Reference coverage\n\n"
        out +=
            "Every item of [`docs/evidence/log4js.md`](../docs/evidence/log4js.md) (C: throws at configure time, S: silent pitfalls, CP: cluster pitfalls, V: older log4js versions) and [`docs/evidence/pm2.md`](../docs/evidence/pm2.md) (R: PM2 behaviour a static check can catch); each item links to its evidence.\n\n"
        out += table("log4js configure-time throws", log4jsThrows)
        out += table("log4js silent pitfalls", log4jsPitfalls)
        out += table("log4js cluster pitfalls", clusterPitfalls)
        out += table("log4js versions before 6", log4jsVersions)
        out += table("PM2 rule candidates", pm2Candidates)
        return out
    }
}

extension String {
    /// "C" + two-digit number: C01.
    init(format2 prefix: String, _ n: Int) {
        self = prefix + (n < 10 ? "0" : "") + String(n)
    }
}
