import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

@Suite struct FixCommandTests {
    func copyOfSeed() throws -> String {
        let dir = try scratchDirectory("fix")
        for name in ["ecosystem.config.js", "log4js.json"] {
            try FileManager.default.copyItem(
                atPath: repositoryRoot + "/fixtures/seed/" + name, toPath: dir + "/" + name)
        }
        return dir
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static let seedFixed = """
        {
          "appenders": {
            "app": { "type": "file", "filename": "logs/api.log", "maxLogSize": 10485760, "backups": 5 }
          },
          "categories": {
            "default": { "appenders": ["app"], "level": "info" }
          },
          "pm2": true,
          "pm2InstanceVar": "INSTANCE_ID"
        }

        """

    @Test func seedFixLeavesOnlyLC103() throws {
        let dir = try copyOfSeed()
        let before = run([dir, "--format", "json", "--no-config"])
        #expect(before.out.contains("\"rule\": \"LC102\""))
        let fixed = run([dir, "--fix", "--format", "json", "--no-config"])
        #expect(fixed.code == .clean)
        #expect(try read(dir + "/log4js.json") == Self.seedFixed)
        #expect(
            try read(dir + "/ecosystem.config.js") == (try read(repositoryRoot + "/fixtures/seed/ecosystem.config.js")))
        let after = run([dir, "--format", "json", "--no-config"])
        let rules = after.out.split(separator: "\n").filter { $0.contains("\"rule\":") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        #expect(rules == ["\"rule\": \"LC103\","])
        // A second --fix changes nothing.
        let again = run([dir, "--fix", "--no-config"])
        #expect(again.out.hasSuffix("Found 0 errors, 1 warning and 0 infos in 2 files.\n"))
        #expect(try read(dir + "/log4js.json") == Self.seedFixed)
    }

    @Test func fixingANamedEcosystemFileEditsTheConfigItsAppLoads() throws {
        // Only the ecosystem file is named: the LC102 finding touches it, and its fix edits the
        // log4js config of the same package.
        let dir = try copyOfSeed()
        let fixed = run([dir + "/ecosystem.config.js", "--fix", "--no-config"])
        #expect(fixed.code == .clean)
        #expect(try read(dir + "/log4js.json") == Self.seedFixed)
        #expect(
            try read(dir + "/ecosystem.config.js") == (try read(repositoryRoot + "/fixtures/seed/ecosystem.config.js")))
    }

    @Test func seedDiffShowsExactlyTheOneLineChange() throws {
        let r = run(["fixtures/seed", "--diff", "--no-config"])
        #expect(r.code == .findings)
        #expect(
            r.out == """
                --- a/fixtures/seed/log4js.json
                +++ b/fixtures/seed/log4js.json
                @@ -5,5 +5,6 @@
                   "categories": {
                     "default": { "appenders": ["app"], "level": "info" }
                   },
                -  "pm2": true
                +  "pm2": true,
                +  "pm2InstanceVar": "INSTANCE_ID"
                 }

                """)
        #expect(r.err == "logcheck: --fix would fix 1 problem in 1 file\n")
        #expect(try read(repositoryRoot + "/fixtures/seed/log4js.json") != Self.seedFixed)
    }

    @Test func diffWithNothingToFix() {
        let r = run(["fixtures/golden/clean", "--diff", "--no-config"])
        #expect(r.code == .clean)
        #expect(r.out.isEmpty)
    }

    @Test func unsafeFixesNeedTheirFlag() throws {
        let dir = try scratchDirectory("unsafe")
        try "module.exports = { apps: [{ name: 'api', script: 'a.js', instances: 2, exec_mode: 'cluster' }] };\n".write(
            toFile: dir + "/ecosystem.config.js", atomically: false, encoding: .utf8)
        let config =
            "{\n  \"appenders\": { \"f\": { \"type\": \"file\", \"filename\": \"a.log\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"f\"], \"level\": \"info\" } }\n}\n"
        try config.write(toFile: dir + "/log4js.json", atomically: false, encoding: .utf8)
        _ = run([dir, "--fix", "--no-config"])
        #expect(try read(dir + "/log4js.json") == config)
        let r = run([dir, "--fix", "--unsafe-fixes", "--no-config"])
        #expect(
            try read(dir + "/log4js.json")
                == "{\n  \"appenders\": { \"f\": { \"type\": \"file\", \"filename\": \"a.log\" } },\n  \"categories\": { \"default\": { \"appenders\": [\"f\"], \"level\": \"info\" } },\n  \"pm2\": true\n}\n"
        )
        #expect(r.out.contains("LC103"))
    }

    @Test func stdinFixPrintsTheFixedText() {
        let r = run(
            ["-", "--stdin-filename", "log4js.json", "--fix", "--no-config"],
            stdin:
                #"{"appenders": {"out": {"type": "stdout", "timezoneOffset": 0}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
        )
        #expect(
            r.out
                == #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
        )
        #expect(r.err.contains("Fixed 1 problem."))
    }

    @Test func interruptedWriteLeavesTheOriginalIntact() throws {
        let dir = try copyOfSeed()
        let path = dir + "/log4js.json"
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let result = AtomicWriter.write(
            Array("broken".utf8), to: path, expecting: original, interruptBeforeRename: true)
        #expect(result == .interrupted)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == original)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["ecosystem.config.js", "log4js.json"])
    }

    @Test func aFileChangedOnDiskIsNotOverwritten() throws {
        let dir = try copyOfSeed()
        let path = dir + "/log4js.json"
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        try "{}".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(AtomicWriter.write(Array("new".utf8), to: path, expecting: original) == .changedOnDisk)
        #expect(try read(path) == "{}")
    }

    @Test func permissionsAreKeptAndSymlinksEditTheirTarget() throws {
        let dir = try copyOfSeed()
        let target = dir + "/log4js.json"
        chmod(target, 0o640)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "log4js.json")
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: target)))
        #expect(AtomicWriter.write(Array("{}\n".utf8), to: dir + "/link.json", expecting: original) == nil)
        #expect(try read(target) == "{}\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect((try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json")) == "log4js.json")
    }
}
