import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

/// Every file of the PM2 corpus is checked on its own, without a crash. The findings of each file
/// are listed in fixtures/corpus/pm2-findings.txt (LOGCHECK_UPDATE_GOLDEN=1 rewrites it), and every
/// error is one PM2 (or the file's setup) really hits, reviewed below with the reason.
@Suite struct CorpusFindingsTests {
    static let directory = repositoryRoot + "/fixtures/corpus/pm2"
    static let listing = repositoryRoot + "/fixtures/corpus/pm2-findings.txt"

    /// The errors logcheck reports in the corpus, and why each is real.
    static let reviewedErrors: [String: String] = [
        "13.json LC305":
            "PM2 example with min_uptime \"10\": PM2 converts the numeric string to 10 and rejects it (minimum 100), so `pm2 start` aborts",
        "26.json LC003": "PM2's malformed-file fixture: an unterminated string",
        "35.tpl.js LC301":
            "PM2's template lib/templates/ecosystem-es.tpl, stored here as .tpl.js: under that name pm2 would run it as an app",
        "35.tpl.js LC302":
            "the same ESM template exports with `export default`, which PM2 never unwraps (reason it is unused by `pm2 init`)",
        "36.tpl.js LC301": "PM2's template ecosystem-simple-es.tpl, stored here as .tpl.js",
        "36.tpl.js LC302": "`export default` in the ESM template, which PM2 does not see",
        "37.tpl.js LC301": "PM2's template ecosystem-simple.tpl, stored here as .tpl.js",
        "38.tpl.js LC301": "PM2's template ecosystem.tpl, stored here as .tpl.js",
        "87.json LC010":
            "PM2's fixture test/fixtures/process.json is an empty file: PM2 evaluates it as () and reports it as malformated",
        "111.config.cjs LC302":
            "`export default` in a .cjs file is a SyntaxError for require() (MANIFEST: ESM inside .cjs)",
        "149.json LC304":
            "typo 'instance' (MANIFEST): PM2 drops it, and both apps run one process in fork mode instead of the count written",
        "145.json LC322": "the app has no script: PM2 says \"No script path - aborting\" (MANIFEST)",
        "154.config.mjs LC302": "`export default` in .mjs: PM2 v7.0.3 does not unwrap .default (MANIFEST, issue #4540)",
        "156.config.mjs LC302": "`export default` in .mjs: apps not found (MANIFEST)",
        "158.config.js LC322": "the app has no script (MANIFEST)",
        "159.config.js LC302": "`export default` in a .js file under \"type\": \"module\" (MANIFEST): apps not found",
    ]

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0 != "MANIFEST.tsv" && $0 != "package.json" }
        .sorted { (Int($0.prefix { $0.isNumber }) ?? 0, $0) < (Int($1.prefix { $0.isNumber }) ?? 0, $1) }

    @Test func corpusFindingsAreReviewed() throws {
        var lines: [String] = []
        var errors = Set<String>()
        for name in Self.files {
            let data = try #require(FileManager.default.contents(atPath: Self.directory + "/" + name))
            let findings = check([SourceFile(path: name, bytes: Array(data))])
            if findings.isEmpty { lines.append("\(name): no findings") }
            for d in findings {
                lines.append("\(name):\(d.location.start) \(d.severity.label) \(d.rule.id) \(d.rule.slug)")
                if d.severity == .error { errors.insert("\(name) \(d.rule.id)") }
            }
        }
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["LOGCHECK_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: Self.listing, atomically: false, encoding: .utf8)
        } else {
            #expect(
                text == (try String(contentsOfFile: Self.listing, encoding: .utf8)),
                "the corpus findings changed; review them and run make golden")
        }
        #expect(errors.subtracting(Self.reviewedErrors.keys).sorted() == [], "errors nobody reviewed")
        #expect(
            Set(Self.reviewedErrors.keys).subtracting(errors).sorted() == [],
            "reviewed errors that are no longer reported")
    }

    /// None of PM2's own fixtures that PM2 accepts (corpus 1-107, MANIFEST) gets an error.
    @Test func pm2sOwnValidFixturesGetNoError() throws {
        let broken: Set<String> = ["13.json", "26.json", "35.tpl.js", "36.tpl.js", "37.tpl.js", "38.tpl.js", "87.json"]
        for name in Self.files where (Int(name.prefix { $0.isNumber }) ?? 999) <= 107 && !broken.contains(name) {
            let data = try #require(FileManager.default.contents(atPath: Self.directory + "/" + name))
            let errors = check([SourceFile(path: name, bytes: Array(data))]).filter { $0.severity == .error }.map {
                "\($0.rule.id): \($0.message)"
            }
            #expect(errors == [], "\(name)")
        }
    }
}
