import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

@Suite struct SettingsTests {
    func load(_ text: String) -> SettingsLoader.Loaded {
        SettingsLoader.load(SourceFile(path: ".logcheck.yml", text: text))
    }

    /// "line:column RULE message" for each finding of the settings file.
    func findings(_ text: String) -> [String] {
        load(text).diagnostics.map {
            "\($0.location.start.line):\($0.location.start.column) \($0.rule.id) \($0.message)"
        }
    }

    @Test func everyKeyIsRead() {
        let s = load(
            """
            select: [LC1, unknown-app-key]
            ignore: LC236, LC3
            severity:
              LC103: info
              instance-var-mismatch: warning
              LC304: off
            fail-on: warning
            per-path-ignores:
              "legacy/**": [LC3]
              "generated.yml": all
            pm2-intercom: installed
            pm2-home: /srv/pm2
            """
        ).settings
        #expect(s.select == ["LC1", "unknown-app-key"])
        #expect(s.ignore == ["LC236", "LC3", "LC304"])
        #expect(s.severities == ["LC103": .info, "LC102": .warning])
        #expect(s.failOn == .warning)
        #expect(s.pathIgnores.map(\.pattern) == ["legacy/**", "generated.yml"])
        #expect(s.pathIgnores.map(\.rules) == [["LC3"], ["all"]])
        #expect(s.pm2IntercomInstalled)
        #expect(s.pm2Home == "/srv/pm2")
    }

    @Test func mistakesHavePositions() {
        #expect(
            findings(
                """
                select: [LC1]
                fail_on: warning
                severity:
                  LC103: loud
                  LC999: info
                pm2-intercom: maybe
                ignore: [unused-apender]
                """) == [
                    "2:1 LC401 logcheck does not know the setting \"fail_on\"; did you mean \"fail-on\"?",
                    "4:10 LC402 severity of LC103 must be error, warning, info or off, not \"loud\"",
                    "5:3 LC402 severity: \"LC999\" is not a rule id or slug",
                    "6:15 LC402 pm2-intercom must be installed or not-installed",
                    "7:10 LC402 ignore: \"unused-apender\" is not a rule id, slug or id prefix; did you mean \"unused-appender\"?",
                ])
        #expect(
            findings("- select\n") == [
                "1:1 LC402 the settings must be a mapping of keys such as select, ignore, severity, fail-on"
            ])
        #expect(findings("select: [LC1\n").first?.hasPrefix("2:1 LC002 ") == true)
    }

    @Test func foundFromTheDirectoryUpwards() throws {
        let dir = try tree([".logcheck.yml": "fail-on: info\n", "a/b/c/x.txt": ""])
        #expect(SettingsLoader.find(from: dir + "/a/b/c") == dir + "/.logcheck.yml")
        #expect(SettingsLoader.find(from: dir) == dir + "/.logcheck.yml")
    }

    @Test func perPathIgnoresAreRelativeToTheSettingsFile() throws {
        let eco = "apps:\n  - name: api\n    script: a.js\n    deploy_group: blue\n"
        let dir = try tree([
            "project/.logcheck.yml": "per-path-ignores:\n  \"legacy/**\": [unknown-app-key]\n",
            "project/legacy/old/ecosystem.yml": eco,
            "project/ecosystem.yml": eco,
        ])
        let r = run(["--config", dir + "/project/.logcheck.yml", dir + "/project", "--format", "github"])
        #expect(
            r.out.split(separator: "\n").map { String($0.prefix { $0 != "," }) } == [
                "::warning file=\(dir)/project/ecosystem.yml"
            ])
    }

    @Test func settingsFileFindingsAreReportedWithTheOthers() throws {
        let dir = try tree([
            ".logcheck.yml": "ignore: [LC304]\nfailon: warning\n",
            "ecosystem.yml": "apps:\n  - name: api\n    script: a.js\n    deploy_group: blue\n",
        ])
        let r = run(["--config", dir + "/.logcheck.yml", dir + "/ecosystem.yml", "--format", "github"])
        #expect(r.code == .findings)
        #expect(
            r.out
                == "::error file=\(dir)/.logcheck.yml,line=2,col=1,endLine=2,endColumn=7,title=LC401 unknown-setting::logcheck does not know the setting \"failon\"; did you mean \"fail-on\"?\n"
        )
    }

    @Test func missingConfigIsAUsageError() throws {
        let r = run(["--config", "/nonexistent/.logcheck.yml", "x.json"])
        #expect(r.code == .usage)
        #expect(r.err == "logcheck: /nonexistent/.logcheck.yml: no such file or directory\n")
    }

    @Test func showSettingsPrintsTheEffectiveSettings() throws {
        let dir = try tree([
            ".logcheck.yml":
                "severity: { LC103: info }\npm2-intercom: installed\nper-path-ignores:\n  \"legacy/**\": [LC3]\n"
        ])
        let r = run([
            "--config", dir + "/.logcheck.yml", "--show-settings", "--ignore", "LC236", "--fail-on", "warning",
        ])
        #expect(r.code == .clean)
        #expect(
            r.out == """
                # effective logcheck settings (from \(dir)/.logcheck.yml and the command line)
                select: []
                ignore: [LC236]
                severity:
                  LC103: info
                fail-on: warning
                per-path-ignores:
                  "legacy/**": [LC3]
                pm2-intercom: installed
                pm2-home: ~/.pm2

                """)
        #expect(load(r.out.split(separator: "\n", maxSplits: 1)[1].description).diagnostics.isEmpty)
    }
}
