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
        let all = check(prepared.sources, settings: example.settings)
        let mine = all.filter { $0.rule.id == id }
        if example.triggers {
            #expect(mine.count == example.messages.count, "\(id) example \(index): \(mine.map(\.message))")
            #expect(prepared.marks.count == example.messages.count, "\(id) example \(index): one «» marker per message")
            for (k, d) in mine.enumerated() where k < prepared.marks.count && k < example.messages.count {
                #expect(d.file.path == prepared.marks[k].file, "\(id) example \(index) finding \(k)")
                #expect(
                    d.location.span == prepared.marks[k].span,
                    "\(id) example \(index) finding \(k): \(d.location.file.text(d.location.span))")
                #expect(d.message == example.messages[k], "\(id) example \(index) finding \(k)")
                #expect(
                    d.severity == (example.severity ?? rule.severity),
                    "\(id) example \(index) finding \(k): \(d.severity), the page says \(example.severity ?? rule.severity)"
                )
            }
            if !example.fixed.isEmpty {
                try checkFix(example, prepared, all, rule)
            }
        } else {
            #expect(mine.isEmpty, "\(id) example \(index) must not be reported: \(mine.map(\.message))")
            let errors = all.filter { $0.severity == .error }.map { "\($0.rule.id): \($0.message)" }
            #expect(errors == [], "\(id) example \(index) is valid but gets errors")
        }
    }

    /// Applying the rule's fixes gives exactly the expected bytes, the result still parses, the
    /// fixed findings are gone, nothing new appears, and a second pass changes nothing.
    func checkFix(_ example: RuleExample, _ prepared: PreparedExample, _ all: [Diagnostic], _ rule: RuleDescription)
        throws
    {
        let allowed: Set<Applicability> = example.unsafeFixes ? [.safe, .unsafe] : [.safe]
        let fixes = all.filter { $0.rule.id == rule.id }.compactMap {
            $0.fixes.first { allowed.contains($0.applicability) }
        }
        #expect(!fixes.isEmpty, "\(rule.id): the example expects a fix, but none is offered")
        var fixedSources: [SourceFile] = []
        for source in prepared.sources {
            let outcome = FixApplier.apply(fixes, to: source)
            let text = String(decoding: outcome.bytes, as: UTF8.self)
            if let expected = example.fixed[source.path] {
                #expect(text == expected, "\(rule.id): fixed \(source.path) differs")
            } else {
                #expect(outcome.applied.isEmpty, "\(rule.id): \(source.path) changed but the example expects no change")
            }
            fixedSources.append(SourceFile(path: source.path, bytes: outcome.bytes))
        }
        let after = check(fixedSources, settings: example.settings)
        #expect(
            after.filter { $0.rule.id == rule.id }.count < all.filter { $0.rule.id == rule.id }.count,
            "\(rule.id): the fixed finding is still reported")
        let before = Set(all.map { "\($0.rule.id) \($0.message)" })
        let new = after.filter { !before.contains("\($0.rule.id) \($0.message)") && $0.severity == .error }
        #expect(new.isEmpty, "\(rule.id): the fix introduced \(new.map { "\($0.rule.id): \($0.message)" })")
        #expect(
            !after.contains { $0.rule.family == .input && $0.severity == .error },
            "\(rule.id): the fixed file no longer parses")
        // The real engine converges on the same bytes, and a second run changes nothing.
        let inputs = prepared.sources.filter { Path.basename($0.path) != ".logcheck.yml" }
            .map { FixEngine.Input(file: InputFile(path: $0.path), name: $0.path, bytes: $0.bytes) }
        var settings = Settings()
        if let text = example.settings {
            settings = SettingsLoader.load(SourceFile(path: ".logcheck.yml", text: text)).settings
        }
        let memory = MemoryFiles(Dictionary(uniqueKeysWithValues: prepared.sources.map { ($0.path, $0.bytes) }))
        let engine = FixEngine(settings: settings, files: memory, allowUnsafe: example.unsafeFixes)
        let outcome = engine.run(inputs)
        #expect(outcome.converged && outcome.rejected.isEmpty, "\(rule.id): \(outcome.rejected)")
        let second = engine.run(
            inputs.map { FixEngine.Input(file: $0.file, name: $0.name, bytes: outcome.fixed[$0.name] ?? $0.bytes) })
        #expect(second.fixed.isEmpty, "\(rule.id): a second --fix still changes \(second.fixed.keys.sorted())")
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
            let family: RuleFamily = [.input, .deployment, .log4js, .pm2, .settings][
                Int(String(r.id.dropFirst(2).prefix(1)))!]
            #expect(r.family == family, "\(r.id) is in the wrong family")
        }
    }
}
