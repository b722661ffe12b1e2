import LogCheckKit
import LogCheckSyntax
import Testing

/// Every rule's examples are its tests: a triggering example must be reported exactly at its
/// markers with exactly its messages; a non-triggering one must not be reported, and must get no
/// error from any rule.
@Suite struct RuleExampleTests {
    static let cases: [(String, Int)] = RuleRegistry.all.flatMap { r in r.examples.indices.map { (r.id, $0) } }

    @Test(arguments: cases)
    func example(_ id: String, _ index: Int) throws {
        let rule = try #require(RuleRegistry.find(id))
        let example = rule.examples[index]
        let prepared = PreparedExample(example.files)
        let all = check(prepared.sources)
        let mine = all.filter { $0.rule.id == id }
        if example.triggers {
            #expect(mine.count == example.messages.count, "\(id) example \(index): \(mine.map(\.message))")
            #expect(prepared.marks.count == example.messages.count, "\(id) example \(index): one «» marker per message")
            for (k, d) in mine.enumerated() where k < prepared.marks.count && k < example.messages.count {
                #expect(d.file.path == prepared.marks[k].file, "\(id) example \(index) finding \(k)")
                #expect(d.location.span == prepared.marks[k].span, "\(id) example \(index) finding \(k): \(d.location.file.text(d.location.span))")
                #expect(d.message == example.messages[k], "\(id) example \(index) finding \(k)")
            }
        } else {
            #expect(mine.isEmpty, "\(id) example \(index) must not be reported: \(mine.map(\.message))")
            let errors = all.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(id) example \(index) is valid but gets errors: \(errors.map { "\($0.rule.id): \($0.message)" })")
        }
    }

    @Test func everyRuleHasExamples() {
        for r in RuleRegistry.all where r.id != "LC009" && r.id != "LC008" {
            #expect(r.examples.contains { $0.triggers }, "\(r.id) has no triggering example")
        }
        for r in RuleRegistry.all where r.family != .input {
            #expect(r.examples.contains { !$0.triggers }, "\(r.id) has no non-triggering example")
        }
    }

    @Test func idsAndSlugsAreUnique() {
        let ids = RuleRegistry.all.map(\.id)
        let slugs = RuleRegistry.all.map(\.slug)
        #expect(Set(ids).count == ids.count)
        #expect(Set(slugs).count == slugs.count)
        for r in RuleRegistry.all {
            #expect(r.id.count == 5 && r.id.hasPrefix("LC"))
            let family: RuleFamily = [.input, .deployment, .log4js, .pm2, .settings][Int(String(r.id.dropFirst(2).prefix(1)))!]
            #expect(r.family == family, "\(r.id) is in the wrong family")
        }
    }
}
