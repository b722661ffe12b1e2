import Foundation
import LogCheckKit
import Testing

/// The linking invariant on fixtures/monorepo (a repository of three services and a deploy
/// folder): the findings of `logcheck .` equal those of naming every file, and naming one file
/// alone gives exactly the findings of the directory run whose primary or related location is
/// in that file. The outputs of the three ways are golden files beside the fixture.
@Suite struct MonorepoTests {
    static let fixture = repositoryRoot + "/fixtures/monorepo"

    /// A copy of the fixture with a `.git` folder, so that it is a project of its own (inside
    /// logcheck's repository, the fixture would belong to logcheck's project).
    static func copy() throws -> String {
        let dir = NSTemporaryDirectory() + "logcheck-monorepo-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: fixture, toPath: dir)
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasPrefix("expected.") {
            try FileManager.default.removeItem(atPath: dir + "/" + name)
        }
        try FileManager.default.createDirectory(atPath: dir + "/.git", withIntermediateDirectories: false)
        return dir
    }

    static func files(in root: String) -> [String] {
        let walker = FileManager.default.enumerator(atPath: root)!
        var files: [String] = []
        while let p = walker.nextObject() as? String {
            if p.hasPrefix(".git") { continue }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &isDir), !isDir.boolValue {
                files.append(p)
            }
        }
        return files.sorted()
    }

    /// One line per finding: rule, primary place, message and related places, paths relative to
    /// the copy.
    struct Finding: Hashable, Comparable {
        var line: String
        var files: Set<String>
        static func < (a: Finding, b: Finding) -> Bool { a.line < b.line }
    }

    static func findings(_ arguments: [String], root: String) throws -> [Finding] {
        let r = run(arguments + ["--format", "json", "--no-config"])
        #expect(r.code == .findings || r.code == .clean, "\(r.err)")
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let prefix = root + "/"
        func rel(_ p: Any?) -> String { (p as? String ?? "").replacingOccurrences(of: prefix, with: "") }
        return (json["diagnostics"] as! [[String: Any]]).map { d in
            let related = (d["related"] as? [[String: Any]] ?? []).map {
                "\(rel($0["file"])):\($0["line"]!):\($0["column"]!)"
            }
            let file = rel(d["file"])
            let line =
                "\(d["rule"]!) \(file):\(d["line"]!):\(d["column"]!) \(d["message"]!)"
                + related.map { " | \($0)" }.joined()
            return Finding(line: line, files: Set([file] + related.map { String($0.prefix { $0 != ":" }) }))
        }.sorted()
    }

    static func render(_ findings: [Finding]) -> String { findings.map(\.line).joined(separator: "\n") + "\n" }

    static func compare(_ text: String, golden name: String) throws {
        let path = fixture + "/" + name
        if ProcessInfo.processInfo.environment["LOGCHECK_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        } else {
            #expect(text == (try String(contentsOfFile: path, encoding: .utf8)), "\(name) differs")
        }
    }

    /// A file whose name says what it is (`ecosystem`, `log4js`) is read as that kind whether it is
    /// named or found in a directory, shape or not: `{}` is one app without a script to PM2 and
    /// an invalid config to log4js. A weaker name (`process.json`) must have the shape when found.
    @Test func aTellingNameIsReadTheSameFoundOrNamed() throws {
        let dir = try tree([
            ".git/HEAD": "ref: refs/heads/main\n", "ecosystem.json": "{}\n", "config/log4js.json": "{}\n",
            "process.json": "{}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let all = try Self.findings([dir], root: dir)
        #expect(all.map(\.line).map { String($0.prefix(5)) }.sorted() == ["LC202", "LC206", "LC322"])
        for file in ["ecosystem.json", "config/log4js.json"] {
            let alone = try Self.findings([dir + "/" + file], root: dir)
            #expect(alone == all.filter { $0.files.contains(file) }, "\(file) named alone")
        }
        #expect(!all.contains { $0.files.contains("process.json") })
    }

    @Test func threeWaysAgree() throws {
        let root = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = try Self.findings([root], root: root)
        try Self.compare(Self.render(directory), golden: "expected.directory")
        // The headline findings are there: the api service loses every line (its config, found
        // only through the code, names no pm2 setting), the worker's instance variable differs.
        #expect(
            directory.contains {
                $0.line.hasPrefix("LC101 services/api/config/log4j.json:1:1 ")
                    && $0.files.contains("services/api/ecosystem.config.js")
            })
        #expect(directory.contains { $0.line.hasPrefix("LC102 services/worker/log4js.json:5:21 ") })
        // The fork-mode legacy service started from deploy/ gets no cluster finding.
        #expect(!directory.contains { $0.files.contains("services/legacy/log4js.json") && $0.line.hasPrefix("LC10") })

        let every = try Self.findings(Self.files(in: root).map { root + "/" + $0 }, root: root)
        try Self.compare(Self.render(every), golden: "expected.every-file")
        #expect(every == directory)

        for file in Self.files(in: root) {
            let alone = try Self.findings([root + "/" + file], root: root)
            let expected = directory.filter { $0.files.contains(file) }
            #expect(alone == expected, "\(file) named alone")
            if file == "services/api/config/log4j.json" {
                try Self.compare(Self.render(alone), golden: "expected.log4j-alone")
            }
        }
    }
}
