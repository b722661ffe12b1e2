import LogCheckKit
import LogCheckSyntax
import Testing

@Suite struct SuppressionTests {
    /// "file:line:column RULE" for each finding, in report order.
    func found(_ files: [String: String], settings: String? = nil) -> [String] {
        check(files.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) }, settings: settings)
            .map { "\($0.file.path):\($0.location.start.line):\($0.location.start.column) \($0.rule.id)" }
    }

    let unknownKey = "apps:\n  - name: api\n    script: server.js\n    deploy_group: blue\n"

    @Test func withoutASuppressionTheKeyIsReported() {
        #expect(found(["ecosystem.yml": unknownKey]) == ["ecosystem.yml:4:5 LC304"])
    }

    @Test func nextLineByIdOrSlug() {
        for selector in ["LC304", "unknown-app-key", "lc304"] {
            let text =
                "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line \(selector) -- read by deploy\n    deploy_group: blue\n"
            #expect(found(["ecosystem.yml": text]) == [], "\(selector)")
        }
    }

    @Test func nextLineCoversOnlyTheNextLine() {
        let text =
            "apps:\n  # logcheck-disable-next-line LC304\n  - name: api\n    script: server.js\n    deploy_group: blue\n"
        #expect(found(["ecosystem.yml": text]) == ["ecosystem.yml:2:3 LC403", "ecosystem.yml:5:5 LC304"])
    }

    @Test func otherRulesOnTheLineAreStillReported() {
        let text =
            "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line LC301\n    deploy_group: blue\n"
        #expect(found(["ecosystem.yml": text]) == ["ecosystem.yml:4:5 LC403", "ecosystem.yml:5:5 LC304"])
    }

    @Test func withoutRulesEveryRuleOnTheLine() {
        let text =
            "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line\n    deploy_group: blue\n"
        #expect(found(["ecosystem.yml": text]) == [])
    }

    @Test func fileWideAndSeveralRules() {
        let text =
            "# logcheck-disable-file LC301, unknown-app-key -- generated file\napps:\n  - name: api\n    script: server.js\n    deploy_group: blue\n    deploy_zone: eu\n"
        #expect(found(["ecosystem.yml": text]) == ["ecosystem.yml:1:25 LC403"])
    }

    @Test func unknownRuleIsReportedWithTheClosestName() throws {
        let text =
            "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line unknown-app-keys LC304\n    deploy_group: blue\n"
        let d = check([SourceFile(path: "ecosystem.yml", text: text)])
        #expect(d.map(\.rule.id) == ["LC404"])
        #expect(d.first?.location.start == LineColumn(line: 4, column: 34))
        #expect(
            d.first?.message
                == "\"unknown-app-keys\" is not a rule id or slug, so this suppression does nothing; did you mean \"unknown-app-key\"?"
        )
    }

    @Test func theReasonIsNotReadAsRules() {
        let text =
            "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line LC304 -- LC999 is not a rule here\n    deploy_group: blue\n"
        #expect(found(["ecosystem.yml": text]) == [])
    }

    @Test func hashInsideAQuotedScalarIsNotAComment() {
        let text =
            "apps:\n  - name: api\n    script: server.js\n    args: \"# logcheck-disable-next-line\"\n    deploy_group: blue\n"
        #expect(found(["ecosystem.yml": text]) == ["ecosystem.yml:5:5 LC304"])
    }

    @Test func javaScriptLineAndBlockComments() {
        let line =
            "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    // logcheck-disable-next-line LC304\n    deploy_group: 'blue',\n  }],\n};\n"
        #expect(found(["ecosystem.config.js": line]) == [])
        let block =
            "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    /* logcheck-disable-next-line LC304 */\n    deploy_group: 'blue',\n  }],\n};\n"
        #expect(found(["ecosystem.config.js": block]) == [])
        let file =
            "/* logcheck-disable-file unknown-app-key*/\nmodule.exports = { apps: [{ name: 'api', script: 'server.js', deploy_group: 'blue' }] };\n"
        #expect(found(["ecosystem.config.js": file]) == [])
    }

    @Test func aDirectiveMustBeAWholeWord() {
        let text =
            "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-lines LC304\n    deploy_group: blue\n"
        #expect(found(["ecosystem.yml": text]) == ["ecosystem.yml:5:5 LC304"])
    }

    @Test func crossFileFindingIsSuppressedAtEitherLocation() {
        let eco =
            "module.exports = { apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster', instances: 4, env: { LOG4JS_CONFIG: 'log.json' } }] };\n"
        let config =
            #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
        #expect(found(["ecosystem.config.js": eco, "log.json": config]) == ["log.json:1:1 LC101"])
        // The finding is reported in log.json, which is strict JSON and cannot hold a comment; it
        // can be suppressed where its other location is, in the ecosystem file.
        let suppressed = "// logcheck-disable-next-line LC101 -- logs go to stdout and PM2 collects them\n" + eco
        #expect(found(["ecosystem.config.js": suppressed, "log.json": config]) == [])
    }

    @Test func partlyUnusedSuppressionNamesTheUnusedRule() throws {
        let text =
            "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line LC304, LC301\n    deploy_group: blue\n"
        let d = check([SourceFile(path: "ecosystem.yml", text: text)])
        #expect(d.map(\.rule.id) == ["LC403"])
        #expect(d.first?.location.start == LineColumn(line: 4, column: 41))
        #expect(d.first?.message == "LC301 in this suppression is unused: it reports nothing on the next line")
    }

    @Test func ignoredRulesStillCountAsUsedSuppressions() {
        let text =
            "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line LC304\n    deploy_group: blue\n"
        #expect(found(["ecosystem.yml": text], settings: "ignore: [LC304]\n") == [])
    }
}
