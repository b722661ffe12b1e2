import Foundation
import LogCheckKit
import Testing

/// Apps that fork their own cluster workers (`fixtures/self-cluster/<case>/`): started with
/// `node` from a launch file or by PM2, with log4js configured in the primary's code, the
/// workers' code or both. Each case's directory run matches its golden text and JSON, names the
/// rule at the place the table below says, and naming any one of its files alone gives the
/// directory run's findings that touch that file.
@Suite struct SelfClusterTests {
    static let root = repositoryRoot + "/fixtures/self-cluster"
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()

    /// Every finding of each case: rule, severity, place.
    static let expected: [String: [String]] = [
        "worker-branch": ["LC111 error app.js:10:3"],
        "worker-module": ["LC111 error logger.js:4:1"],
        "early-return": ["LC111 error app.js:9:1"],
        "primary-only": ["LC111 error app.js:5:3"],
        // PM2 cluster mode never runs the primary branch: its config is not linked, so no LC101.
        "pm2-cluster-primary-only": ["LC111 error app.js:5:3"],
        "pm2-fork-worker-only": ["LC111 error app.js:10:3"],
        // `script: 'npm'` runs app.js in a child of npm, which is never a PM2 cluster worker: it is
        // the primary of its own workers, and its package script is reported once, as app "api".
        "npm-cluster-primary-only": ["LC111 error app.js:5:3", "LC313 warning ecosystem.config.js:5:15"],
        "primary-logger": ["LC111 warning app.js:10:3"],
        "configured-everywhere": [],
    ]

    static func copy(_ name: String) throws -> String {
        let dir = NSTemporaryDirectory() + "logcheck-self-cluster-\(name)-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: root + "/" + name, toPath: dir)
        for file in try FileManager.default.contentsOfDirectory(atPath: dir) where file.hasPrefix("expected.") {
            try FileManager.default.removeItem(atPath: dir + "/" + file)
        }
        try FileManager.default.createDirectory(atPath: dir + "/.git", withIntermediateDirectories: false)
        return dir
    }

    static func findings(_ dir: String) throws -> [String] {
        let r = run([dir, "--format", "json", "--no-config"])
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        return (json["diagnostics"] as! [[String: Any]]).map { d in
            let path = (d["file"] as! String).replacingOccurrences(of: dir + "/", with: "")
            return "\(d["rule"]!) \(d["severity"]!) \(path):\(d["line"]!):\(d["column"]!)"
        }
    }

    @Test func everyCaseIsInTheTable() {
        #expect(Set(Self.cases) == Set(Self.expected.keys))
    }

    @Test(arguments: cases)
    func findingsAreWhereTheTableSays(_ name: String) throws {
        let dir = try Self.copy(name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.findings(dir) == Self.expected[name], "\(name)")
    }

    @Test(arguments: cases)
    func directoryRunMatchesGolden(_ name: String) throws {
        for format in ["text", "json"] {
            let r = run(["fixtures/self-cluster/\(name)", "--format", format, "--color", "never", "--no-config"])
            let path = Self.root + "/\(name)/expected.\(format)"
            let out = r.out + (format == "text" ? "exit: \(r.code.rawValue)\n" : "")
            if ProcessInfo.processInfo.environment["LOGCHECK_UPDATE_GOLDEN"] == "1" {
                try out.write(toFile: path, atomically: false, encoding: .utf8)
            } else {
                #expect(
                    out == (try String(contentsOfFile: path, encoding: .utf8)),
                    "fixtures/self-cluster/\(name)/expected.\(format)")
            }
        }
    }

    @Test(arguments: cases)
    func eachFileAloneAgreesWithTheDirectory(_ name: String) throws {
        let dir = try Self.copy(name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let directory = try MonorepoTests.findings([dir], root: dir)
        for file in MonorepoTests.files(in: dir) {
            let alone = try MonorepoTests.findings([dir + "/" + file], root: dir)
            #expect(alone == directory.filter { $0.files.contains(file) }, "\(name): \(file) named alone")
        }
    }

    /// The workers' config writes to stdout only: the fix adds disableClustering to the JSON
    /// file (each worker then writes its own output), and nothing is reported afterwards.
    @Test func theFixMakesEachWorkerWriteItsOwnOutput() throws {
        let dir = try Self.copy("worker-module")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = run([dir, "--fix", "--no-config"])
        #expect(r.code == .clean, "\(r.out)")
        let fixed = try String(contentsOfFile: dir + "/log4js.json", encoding: .utf8)
        #expect(
            fixed == """
                {
                  "appenders": {
                    "out": { "type": "stdout" }
                  },
                  "categories": {
                    "default": { "appenders": ["out"], "level": "info" }
                  },
                  "disableClustering": true
                }

                """)
        #expect(try Self.findings(dir) == [])
    }

    /// Before log4js 2 every process writes its own appenders: nothing is forwarded, nothing lost.
    @Test func log4js1IsNotReported() throws {
        let dir = try Self.copy("worker-branch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let manifest = dir + "/package.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "^6.9.1", with: "^1.1.1").write(
            toFile: manifest, atomically: false, encoding: .utf8)
        #expect(try Self.findings(dir) == [])
    }

    /// A worker config with disableClustering writes itself; one whose path is known only at
    /// run time may: neither is reported.
    @Test func workersThatWriteThemselvesOrUnknownConfigsAreNotReported() throws {
        let dir = try Self.copy("worker-branch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let app = dir + "/app.js"
        let text = try String(contentsOfFile: app, encoding: .utf8)
        try text.replacingOccurrences(
            of: "level: 'info' } },\n", with: "level: 'info' } },\n    disableClustering: true,\n"
        )
        .write(toFile: app, atomically: false, encoding: .utf8)
        #expect(try Self.findings(dir) == [])
        try text.replacingOccurrences(of: "log4js.configure({", with: "log4js.configure(process.env.LOG_CONFIG || {")
            .write(toFile: app, atomically: false, encoding: .utf8)
        #expect(try Self.findings(dir) == [])
    }
}
