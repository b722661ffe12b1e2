import LogCheckKit
import LogCheckSyntax
import Testing

/// Fix edits written in each file's own style: inserting, removing and renaming entries in mappings
/// of many shapes, compared with the exact expected bytes.
@Suite struct EditsTests {
    func root(_ text: String, _ name: String) throws -> LogCheckSyntax.Node {
        let doc = DocumentLoader.load(
            SourceFile(path: name, text: text), input: InputFile(path: name, declaredKind: .log4js))
        return try #require(doc.root)
    }

    func apply(_ edits: [TextEdit], _ node: LogCheckSyntax.Node) -> String {
        String(decoding: FixApplier.apply([Fix("t", .safe, edits)], to: node.source).bytes, as: UTF8.self)
    }

    /// (file name, original, expected after inserting "pm2": true at the top level)
    static let insertions: [(String, String, String)] = [
        ("a.json", "{}", "{ \"pm2\": true }"),
        ("a.json", "{\"a\": 1}", "{\"a\": 1, \"pm2\": true}"),
        ("a.json", "{\n  \"a\": 1\n}\n", "{\n  \"a\": 1,\n  \"pm2\": true\n}\n"),
        (
            "a.json", "{\r\n    \"a\": {\r\n      \"b\": 2\r\n    }\r\n}\r\n",
            "{\r\n    \"a\": {\r\n      \"b\": 2\r\n    },\r\n    \"pm2\": true\r\n}\r\n"
        ),
        ("a.json", "{\n\t\"a\": 1\n}", "{\n\t\"a\": 1,\n\t\"pm2\": true\n}"),
        ("a.yaml", "a: 1\n", "a: 1\npm2: true\n"),
        ("a.yaml", "# top\na: 1 # trailing\n# bottom\n", "# top\na: 1 # trailing\npm2: true\n# bottom\n"),
        ("a.yaml", "a:\n  b:\n    c: 1\n", "a:\n  b:\n    c: 1\npm2: true\n"),
        ("a.yaml", "a: 1\r\nb: 2\r\n", "a: 1\r\nb: 2\r\npm2: true\r\n"),
        ("a.yaml", "{a: 1, b: 2}\n", "{a: 1, b: 2, pm2: true}\n"),
        ("a.yaml", "a: |\n  text\n  more\n", "a: |\n  text\n  more\npm2: true\n"),
        ("log4js.config.js", "module.exports = {\n  a: 1,\n};\n", "module.exports = {\n  a: 1,\n  pm2: true,\n};\n"),
        ("log4js.config.js", "module.exports = {\n  a: 1\n}\n", "module.exports = {\n  a: 1,\n  pm2: true\n}\n"),
        ("log4js.config.js", "module.exports = { 'a': 1 }", "module.exports = { 'a': 1, 'pm2': true }"),
        ("log4js.config.js", "module.exports = { a: 1, }", "module.exports = { a: 1, pm2: true, }"),
        (
            "log4js.config.js", "module.exports = {\n  a: 1, // one\n  /* last */\n}\n",
            "module.exports = {\n  a: 1, // one\n  pm2: true,\n  /* last */\n}\n"
        ),
    ]

    @Test(arguments: insertions.indices)
    func insertIntoMappings(_ k: Int) throws {
        let (name, text, expected) = Self.insertions[k]
        let r = try root(text, name)
        let result = apply(Edits.insertEntry(into: r, key: "pm2", value: .bool(true)), r)
        #expect(result == expected)
        // The result parses, and has the key.
        let again = try root(result, name)
        #expect(again["pm2"]?.bool == true)
    }

    @Test func insertStringsInTheFilesQuoteStyle() throws {
        let js = try root("module.exports = {\n  a: 'x',\n  b: 'y',\n}\n", "c.config.js")
        #expect(
            apply(Edits.insertEntry(into: js, key: "pm2InstanceVar", value: .string("ID")), js)
                == "module.exports = {\n  a: 'x',\n  b: 'y',\n  pm2InstanceVar: 'ID',\n}\n")
        let dq = try root("module.exports = { \"a\": \"x\" }", "c.config.js")
        #expect(
            apply(Edits.insertEntry(into: dq, key: "pm2InstanceVar", value: .string("ID")), dq)
                == "module.exports = { \"a\": \"x\", \"pm2InstanceVar\": \"ID\" }")
        let yaml = try root("a: x\n", "c.yaml")
        #expect(apply(Edits.insertEntry(into: yaml, key: "k", value: .string("yes")), yaml) == "a: x\nk: \"yes\"\n")
        #expect(apply(Edits.insertEntry(into: yaml, key: "k", value: .string("plain")), yaml) == "a: x\nk: plain\n")
    }

    @Test func insertSeveralEntriesAtOnce() throws {
        let r = try root("{}", "a.json")
        #expect(
            apply(Edits.insertEntries(into: r, [("pm2", "true"), ("pm2InstanceVar", "\"ID\"")]), r)
                == "{ \"pm2\": true, \"pm2InstanceVar\": \"ID\" }")
        let y = try root("a: 1\n", "a.yaml")
        #expect(
            apply(Edits.insertEntries(into: y, [("pm2", "true"), ("pm2InstanceVar", "ID")]), y)
                == "a: 1\npm2: true\npm2InstanceVar: ID\n")
    }

    /// (file name, original, index to remove, expected)
    static let removals: [(String, String, Int, String)] = [
        ("a.json", "{\"a\": 1, \"b\": 2}", 0, "{\"b\": 2}"),
        ("a.json", "{\"a\": 1, \"b\": 2}", 1, "{\"a\": 1}"),
        ("a.json", "{\n  \"a\": 1,\n  \"b\": 2\n}\n", 1, "{\n  \"a\": 1\n}\n"),
        ("a.json", "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}\n", 1, "{\n  \"a\": 1,\n  \"c\": 3\n}\n"),
        ("a.yaml", "a: 1\nb:\n  c: 2\nd: 3\n", 1, "a: 1\nd: 3\n"),
        ("a.yaml", "a: 1 # keep\nb: 2 # drop\n", 1, "a: 1 # keep\n"),
        (
            "log4js.config.js", "module.exports = {\n  a: 1,\n  b: 2, // gone\n};\n", 1,
            "module.exports = {\n  a: 1,\n};\n"
        ),
    ]

    @Test(arguments: removals.indices)
    func removeEntries(_ k: Int) throws {
        let (name, text, index, expected) = Self.removals[k]
        let r = try root(text, name)
        #expect(apply(Edits.removeEntry(index, of: r), r) == expected)
    }

    @Test func removeSequenceElements() throws {
        let j = try root("{\"x\": [\"a\", \"b\", \"c\"]}", "a.json")
        #expect(apply(Edits.removeElement(1, of: j["x"]!), j) == "{\"x\": [\"a\", \"c\"]}")
        #expect(apply(Edits.removeElement(2, of: j["x"]!), j) == "{\"x\": [\"a\", \"b\"]}")
        let y = try root("x:\n  - a\n  - b\n", "a.yaml")
        #expect(apply(Edits.removeElement(1, of: y["x"]!), y) == "x:\n  - a\n")
    }

    @Test func renameKeysKeepingTheirQuotes() throws {
        let j = try root("{\"PM2\": true}", "a.json")
        #expect(apply([Edits.renameKey(j.entries[0], to: "pm2")], j) == "{\"pm2\": true}")
        let js = try root("module.exports = { 'PM2': true, Other: 1 }", "a.config.js")
        #expect(
            apply([Edits.renameKey(js.entries[0], to: "pm2"), Edits.renameKey(js.entries[1], to: "other")], js)
                == "module.exports = { 'pm2': true, other: 1 }")
        let y = try root("PM2: true\n", "a.yaml")
        #expect(apply([Edits.renameKey(y.entries[0], to: "pm2")], y) == "pm2: true\n")
    }

    @Test func replaceValuesKeepingTheirQuotes() throws {
        let y = try root("a: 'x'\nb: \"y\"\nc: z\n", "a.yaml")
        #expect(
            apply(
                [
                    Edits.replaceValue(y["a"]!, with: .string("1")), Edits.replaceValue(y["b"]!, with: .string("2")),
                    Edits.replaceValue(y["c"]!, with: .string("true")),
                ], y) == "a: '1'\nb: \"2\"\nc: \"true\"\n")
    }

    @Test func overlappingFixesWaitForTheNextPass() throws {
        let j = try root("{\"a\": 1}", "a.json")
        let v = j["a"]!
        let outcome = FixApplier.apply(
            [
                Fix("one", .safe, [Edits.replaceValue(v, with: .number(2))]),
                Fix("two", .safe, [Edits.replaceValue(v, with: .number(3))]),
                Fix("insert", .safe, Edits.insertEntry(into: j, key: "b", value: .number(4))),
            ], to: j.source)
        #expect(outcome.appliedIndices == [0, 2])
        #expect(outcome.deferred.map(\.title) == ["two"])
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "{\"a\": 2, \"b\": 4}")
    }
}
