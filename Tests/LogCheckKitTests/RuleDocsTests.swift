import Foundation
import LogCheckKit
import Testing

/// `rules/` is generated from the rule descriptions; this test fails when it is out of date.
/// `make rules-docs` (LOGCHECK_UPDATE_DOCS=1) regenerates it.
@Suite struct RuleDocsTests {
    static let dir = repositoryRoot + "/rules"
    static let update = ProcessInfo.processInfo.environment["LOGCHECK_UPDATE_DOCS"] == "1"

    @Test func rulesFolderIsCurrent() throws {
        var expected: [String: String] = ["README.md": RuleDocs.index()]
        for r in RuleRegistry.all { expected["\(r.id).md"] = RuleDocs.page(r) }
        if Self.update {
            try? FileManager.default.createDirectory(atPath: Self.dir, withIntermediateDirectories: true)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: Self.dir)) ?? []
            where expected[name] == nil {
                try FileManager.default.removeItem(atPath: Self.dir + "/" + name)
            }
            for (name, text) in expected {
                try text.write(toFile: Self.dir + "/" + name, atomically: false, encoding: .utf8)
            }
            return
        }
        let present = Set((try? FileManager.default.contentsOfDirectory(atPath: Self.dir)) ?? [])
        #expect(present == Set(expected.keys), "rules/ has other files than the rules: run `make rules-docs`")
        for (name, text) in expected.sorted(by: { $0.key < $1.key }) {
            let onDisk = try? String(contentsOfFile: Self.dir + "/" + name, encoding: .utf8)
            #expect(onDisk == text, "rules/\(name) is out of date: run `make rules-docs`")
        }
    }

    /// A continued line of a rule's description (`\` at the end of a line) must not be indented:
    /// the indent would land inside the sentence ("branch   requires").
    @Test func proseHasNoIndentInsideASentence() {
        for r in RuleRegistry.all {
            var inCode = false
            for line in RuleDocs.page(r).split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("```") { inCode.toggle() }
                guard !inCode, !line.hasPrefix("    "), !line.hasPrefix("|") else { continue }
                let body = line.drop(while: { $0 == " " })
                #expect(!body.contains("   "), "\(r.id): \(line)")
            }
        }
    }

    @Test func explainPrintsThePage() {
        let r = run(["explain", "LC003"])
        #expect(r.code == .clean)
        #expect(r.out == RuleDocs.page(RuleRegistry.find("LC003")!))
        let bySlug = run(["explain", "json-syntax"])
        #expect(bySlug.out == r.out)
    }

    @Test func explainUnknownRule() {
        let r = run(["explain", "json-syntx"])
        #expect(r.code == .usage)
        #expect(
            r.err
                == "logcheck: no rule named 'json-syntx'; did you mean 'json-syntax'?\nRun 'logcheck rules' to list them.\n"
        )
    }

    @Test func rulesListsEveryRule() {
        let r = run(["rules"])
        #expect(r.code == .clean)
        for rule in RuleRegistry.all {
            #expect(r.out.contains("\(rule.id)  \(rule.slug)"))
        }
    }
}
