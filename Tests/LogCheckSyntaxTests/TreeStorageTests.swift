import Testing

@testable import LogCheckSyntax

/// The compact storage behind every tree: records that grow and shrink with realloc, entries
/// whose span is kept only when it is not the key's and value's, keys held by their entries,
/// numbers kept apart from nodes.
@Suite struct TreeStorageTests {
    @Test func recordsKeepEveryElementThroughGrowthAndFitting() {
        var r = Records<Int32>()
        for i in 0..<100_000 { r.append(Int32(i)) }
        r.append(contentsOf: [7, 8, 9][1...])
        #expect(r.count == 100_002)
        r.fit()
        #expect(r[0] == 0 && r[99_999] == 99_999 && r[100_000] == 8 && r[100_001] == 9)
        let sum = r.withBuffer(10..<20) { $0.reduce(0, +) }
        #expect(sum == (10..<20).reduce(0, +))

        var empty = Records<UInt8>()
        empty.append(contentsOf: [UInt8]())
        empty.fit()
        #expect(empty.count == 0)
        empty.append(5)
        #expect(empty[0] == 5)
    }

    @Test func entrySpansFromKeyAndValueOrKeptApart() throws {
        let f = source("module.exports = { a: 1, ['b']: 2, get c() { return 3 }, d }")
        let root = try #require(ScriptReader.readModule(f).read.root)
        let spans = root.entries.map { f.text($0.span) }
        #expect(spans == ["a: 1", "['b']: 2", "get c() { return 3 }", "d"])
        // Only the getter starts before its key.
        #expect(root.tree.entrySpans.count == 1 && root.tree.entrySpans[0].entry == Int32(root.entries[2].index))

        let y = source("a: 1\nb:\nc: [x, y]\n")
        let yroot = try #require(YAMLReader.read(y).root)
        #expect(yroot.entries.map { y.text($0.span) } == ["a: 1", "b:", "c: [x, y]"])
        #expect(yroot.tree.entrySpans.count == 0)
    }

    @Test func numbersAndBooleansAmongManyNodes() throws {
        let items = (0..<3000).map { i in
            i % 3 == 0 ? "\(i).5" : i % 3 == 1 ? "\"s\(i)\"" : (i % 2 == 0 ? "true" : "false")
        }
        let f = source("[" + items.joined(separator: ", ") + "]")
        let root = try #require(JSONReader.read(f).root)
        for (i, node) in root.elements.enumerated() {
            switch i % 3 {
            case 0: #expect(node.number == Double(i) + 0.5)
            case 1: #expect(node.string == "s\(i)")
            default: #expect(node.bool == (i % 2 == 0))
            }
        }
    }

    @Test func keyPrefixesAreTestedOnBytes() throws {
        let f = source("module.exports = { env_file: 1, env: 2, [k]: 3, 'env_': 4 }")
        let root = try #require(ScriptReader.readModule(f).read.root)
        #expect(root.entries.map { $0.keyHasPrefix("env_") } == [true, false, false, true])
    }

    /// Each key as (text, span text, style, held by its entry).
    func keys(_ node: Node) -> [String] {
        node.entries.map { e in
            let k = e.keyNode
            return "\(k.text ?? "?") \(k.sourceText) \(k.scalarStyle) \(k.id < 0 ? "held" : "node")"
        }
    }

    @Test func keysWrittenAsTheirTextLiveInTheirEntry() throws {
        let f = source(
            """
            plain: 1
            'single': two
            "double": [3, "x"]
            "esc\\tape": 4
            true: 5
            6: six
            &k anchored: v
            ref: *k
            nested:
              <<: {m: 1}
              own: 2

            """)
        let root = try #require(YAMLReader.read(f).root)
        #expect(
            keys(root) == [
                "plain plain plain held", "single 'single' singleQuoted held", "double \"double\" doubleQuoted held",
                "esc\tape \"esc\\tape\" doubleQuoted node", "true true plain node", "6 6 plain node",
                "anchored &k anchored plain node", "ref ref plain held", "nested nested plain held",
            ])
        let nested = try #require(root["nested"])
        // The merged entry holds its own copy of the key; `<<` itself belongs to no entry.
        #expect(keys(nested) == ["m m plain held", "own own plain held"])
        #expect(nested["m"]?.integer == 1 && nested["own"]?.integer == 2)
        // 26 nodes were read; the 7 keys held by entries (`m` once for both of its entries) are gone.
        #expect(root.tree.nodeCount == 19)
        // Values are renumbered with the nodes: each still has its own text and span.
        #expect(
            root.entries.map { f.text($0.value.span) } == [
                "1", "two", "[3, \"x\"]", "4", "5", "six", "v", "&k anchored", "<<: {m: 1}\n  own: 2",
            ])
        #expect(root["ref"]?.string == "anchored" && root["double"]?.elements.map(\.text) == ["3", "x"])
        #expect(root.entries.map { f.text($0.span) }.first == "plain: 1")
        // Quoted keys count toward the file's quoting habit.
        #expect(root.tree.quoteCounts == (single: 1, double: 3))
    }

    @Test func jsonAndScriptKeysLiveInTheirEntry() throws {
        let j = source(#"{"a": 1, "b\n": {"c": true}}"#)
        let jroot = try #require(JSONReader.read(j).root)
        #expect(keys(jroot) == [#"a "a" doubleQuoted held"#, "b\n \"b\\n\" doubleQuoted node"])
        #expect(keys(try #require(jroot["b\n"])) == [#"c "c" doubleQuoted held"#])
        #expect(jroot["b\n"]?["c"]?.bool == true)

        let s = source("module.exports = { a: 1, 'b': 2, \"c\": 3, [d]: 4, 5: 6 }")
        let sroot = try #require(ScriptReader.readModule(s).read.root)
        #expect(
            keys(sroot) == [
                "a a plain held", "b 'b' singleQuoted held", "c \"c\" doubleQuoted held", "? [d] plain node",
                "5 5 plain node",
            ])
        #expect(sroot.entries.map { s.text($0.span) } == ["a: 1", "'b': 2", "\"c\": 3", "[d]: 4", "5: 6"])
    }

    @Test func configureArgumentsAreRenumberedWithTheTree() throws {
        // The object before the call is nobody's child, and its key moves into its entry, so
        // every node after it moves down by one.
        let f = source("const x = { a: 1 }\nlog4js.configure({ appenders: { out: { type: 'stdout' } } })\n")
        let r = ScriptReader.readModule(f, findConfigureCalls: true)
        let argument = try #require(r.module.configureCalls.first?.argument)
        #expect(f.text(argument.span) == "{ appenders: { out: { type: 'stdout' } } }")
        #expect(argument["appenders"]?["out"]?["type"]?.string == "stdout")
    }
}
