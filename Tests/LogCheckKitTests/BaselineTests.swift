import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

@Suite struct BaselineTests {
    let ecosystem =
        "apps:\n  - name: api\n    script: server.js\n    deploy_group: blue\n    exec_mode: cluster\n    instances: 4\n    env:\n      LOG4JS_CONFIG: log.json\n"
    let config =
        #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#

    func keyPath(_ text: String, _ name: String, marked: String) -> String {
        let source = SourceFile(path: name, text: text)
        let doc = DocumentLoader.load(source, input: InputFile(path: name))
        let start = Array(text.utf8).firstRange(of: Array(marked.utf8))!.lowerBound
        return KeyPath.locate(Span(start, start + marked.utf8.count), in: [doc.root!]).path
    }

    @Test func keyPaths() {
        let yaml = "apps:\n  - name: api\n    env:\n      NODE_ENV: production\n      \"my key\": 1\n"
        #expect(keyPath(yaml, "e.yml", marked: "production") == "apps[0].env.NODE_ENV")
        #expect(keyPath(yaml, "e.yml", marked: "NODE_ENV") == "apps[0].env.NODE_ENV")
        #expect(keyPath(yaml, "e.yml", marked: "\"my key\"") == "apps[0].env[\"my key\"]")
        #expect(keyPath(yaml, "e.yml", marked: "apps") == "apps")
        let js = "module.exports = { apps: [{ name: 'a' }, { name: 'b', instances: 'max' }] }"
        #expect(keyPath(js, "ecosystem.config.js", marked: "'max'") == "apps[1].instances")
    }

    @Test func roundTripHidesRecordedFindingsWhenLinesMove() throws {
        let dir = try tree(["ecosystem.yml": ecosystem, "log.json": config])
        let files = [dir + "/ecosystem.yml", dir + "/log.json"]
        let baseline = dir + "/ci/logcheck-baseline.json"
        try FileManager.default.createDirectory(atPath: dir + "/ci", withIntermediateDirectories: true)

        let write = run(files + ["--write-baseline", baseline])
        #expect(write.code == .clean)
        #expect(write.out == "")
        #expect(write.err == "logcheck: recorded 2 findings in \(baseline)\n")
        #expect(
            try readText(baseline) == """
                {
                  "version": 1,
                  "findings": [
                    {"rule":"LC304","file":"../ecosystem.yml","keyPath":"apps[0].deploy_group","value":"deploy_group","message":"PM2 ignores \\"deploy_group\\" without a word"},
                    {"rule":"LC101","file":"../log.json","keyPath":"","value":"","message":"\(try #require(check(["ecosystem.yml": ecosystem, "log.json": config]).first { $0.rule.id == "LC101" }?.message).replacing("\"", with: "\\\""))"}
                  ]
                }

                """)

        // Same findings: nothing reported, exit 0.
        let same = run(files + ["--baseline", baseline])
        #expect(same.code == .clean)
        #expect(same.out == "No problems found in 2 files. 2 more recorded in the baseline.\n")

        // Lines added above the recorded finding, and one new finding: only the new one is reported.
        let moved = "# the API\n\n" + ecosystem + "    deploy_zone: eu\n"
        try moved.write(toFile: dir + "/ecosystem.yml", atomically: false, encoding: .utf8)
        let after = run(files + ["--baseline", baseline, "--format", "json"])
        #expect(after.code == .clean)
        let reported = try JSONSerialization.jsonObject(with: Data(after.out.utf8)) as! [String: Any]
        let diagnostics = reported["diagnostics"] as! [[String: Any]]
        #expect(diagnostics.map { "\($0["rule"]!) \($0["line"]!):\($0["column"]!)" } == ["LC304 11:5"])
        #expect((reported["summary"] as! [String: Any])["baselined"] as? Int == 2)
    }

    func check(_ files: [String: String]) -> [Diagnostic] {
        LogCheckKitTests.check(files.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) })
    }

    @Test func aBaselineEntryHidesAsManyFindingsAsItRecorded() throws {
        // Each cluster app loading log.json gets its own LC101 on log.json, all with the same
        // fingerprint (rule, file, key path, value).
        func apps(_ names: [String]) -> String {
            "apps:\n"
                + names.map {
                    "  - name: \($0)\n    script: \($0).js\n    exec_mode: cluster\n    instances: 2\n    env: { LOG4JS_CONFIG: log.json }\n"
                }.joined()
        }
        let dir = try tree(["ecosystem.yml": apps(["api", "worker"]), "log.json": config])
        let files = [dir + "/ecosystem.yml", dir + "/log.json"]
        #expect(
            run(files + ["--write-baseline", dir + "/baseline.json"]).err
                == "logcheck: recorded 2 findings in \(dir)/baseline.json\n")
        try apps(["api", "worker", "cron"]).write(toFile: dir + "/ecosystem.yml", atomically: false, encoding: .utf8)
        let r = run(files + ["--baseline", dir + "/baseline.json", "--statistics"])
        #expect(r.code == .findings)
        #expect(
            r.out
                == "1  LC101  error  cluster-logs-dropped  [*]\nFound 1 error, 0 warnings and 0 infos in 2 files. 1 fixable with --fix. 2 more recorded in the baseline.\n"
        )
    }

    @Test func aChangedValueIsANewFinding() throws {
        let eco = "module.exports = { apps: [{ name: 'api', script: 'a.js', instances: 'lots' }] }\n"
        let dir = try tree(["ecosystem.config.js": eco])
        let baseline = dir + "/baseline.json"
        #expect(run([dir + "/ecosystem.config.js", "--write-baseline", baseline]).code == .clean)
        #expect(run([dir + "/ecosystem.config.js", "--baseline", baseline]).code == .clean)
        try eco.replacing("'lots'", with: "'many'").write(
            toFile: dir + "/ecosystem.config.js", atomically: false, encoding: .utf8)
        // Both findings on the value (LC307, LC308) now have another fingerprint: both are new.
        let r = run([dir + "/ecosystem.config.js", "--baseline", baseline, "--format", "json", "--fail-on", "warning"])
        #expect(r.code == .findings)
        let reported = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let diagnostics = reported["diagnostics"] as! [[String: Any]]
        #expect(diagnostics.map { "\($0["rule"]!) \($0["line"]!):\($0["column"]!)" } == ["LC307 1:69", "LC308 1:69"])
        #expect((reported["summary"] as! [String: Any])["baselined"] as? Int == 0)
    }

    @Test func badBaselinesAreUsageErrors() throws {
        let dir = try tree([
            "ecosystem.yml": ecosystem, "bad.json": "{\"version\": 2, \"findings\": []}",
            "broken.json": "{\"version\": 1,\n  \"findings\": [}",
        ])
        let missing = run([dir + "/ecosystem.yml", "--baseline", dir + "/none.json"])
        #expect(missing.code == .usage)
        #expect(missing.err == "logcheck: \(dir)/none.json: no such file or directory\n")
        let wrong = run([dir + "/ecosystem.yml", "--baseline", dir + "/bad.json"])
        #expect(wrong.code == .usage)
        #expect(
            wrong.err
                == "logcheck: \(dir)/bad.json:1:13: not a logcheck baseline: expected \"version\": 1 (written by `logcheck --write-baseline`)\n"
        )
        let broken = run([dir + "/ecosystem.yml", "--baseline", dir + "/broken.json"])
        #expect(broken.code == .usage)
        #expect(broken.err.hasPrefix("logcheck: \(dir)/broken.json:2:16: not a logcheck baseline: "))
        #expect(run([dir + "/ecosystem.yml", "--write-baseline", dir + "/b.json", "--fix"]).code == .usage)
    }
}
