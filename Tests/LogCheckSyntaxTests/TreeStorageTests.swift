@testable import LogCheckSyntax
import Testing

/// The compact storage behind every tree: records that grow and shrink with realloc, entries
/// whose span is kept only when it is not the key's and value's, numbers kept apart from nodes.
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
        let items = (0..<3000).map { i in i % 3 == 0 ? "\(i).5" : i % 3 == 1 ? "\"s\(i)\"" : (i % 2 == 0 ? "true" : "false") }
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
}
