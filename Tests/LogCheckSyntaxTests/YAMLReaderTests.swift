import LogCheckSyntax
import Testing

@Suite struct YAMLReaderTests {
    @Test func blockMappingSpans() throws {
        let f = source("apps:\n  - name: api\n    instances: 4\n")
        let r = YAMLReader.read(f)
        #expect(r.diagnostics.isEmpty)
        let root = try #require(r.root)
        #expect(root.collectionStyle == .block)
        #expect(where_(root) == "1:1-3:17")
        let app = try #require(root["apps"]?.elements.first)
        #expect(where_(app) == "2:5-3:17")
        let name = try #require(app.entry("name"))
        #expect(where_(name.keySpan, in: f) == "2:5-2:9")
        #expect(where_(name.value) == "2:11-2:14")
        #expect(where_(name.span, in: f) == "2:5-2:14")
        #expect(where_(app["instances"]) == "3:16-3:17")
        #expect(app["instances"]?.number == 4)
    }

    @Test func flowCollections() throws {
        let f = source("env: { 'NODE_ENV': \"production\", n: [1, two] }\n")
        let r = YAMLReader.read(f)
        let env = try #require(r.root?["env"])
        #expect(env.collectionStyle == .flow)
        #expect(where_(env) == "1:6-1:47")
        #expect(where_(env["NODE_ENV"]) == "1:20-1:32")
        #expect(env["NODE_ENV"]?.scalarStyle == .doubleQuoted)
        #expect(env.entries.first?.keyNode.scalarStyle == .singleQuoted)
        #expect(render(env["n"]) == "[1,\"two\"]")
    }

    @Test func crlfAndBOM() throws {
        let f = SourceFile(path: "x", bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nbb: x\r\n".utf8))
        let r = YAMLReader.read(f)
        #expect(r.diagnostics.isEmpty)
        #expect(where_(r.root?.entry("a")?.keyNode) == "1:1-1:2")
        #expect(where_(r.root?["bb"]) == "2:5-2:6")
    }

    @Test func multiByteCharacters() throws {
        let f = source("é: ü\nname: 😀x\nk: v\n")
        let r = YAMLReader.read(f)
        #expect(where_(r.root?["name"]) == "2:7-2:9")
        #expect(r.root?["name"]?.string == "😀x")
        #expect(where_(r.root?["k"]) == "3:4-3:5")
    }

    @Test func plainScalarsResolveAsJsYaml4() {
        let cases: [(String, String)] = [
            ("yes", "\"yes\""), ("no", "\"no\""), ("on", "\"on\""), ("off", "\"off\""), ("y", "\"y\""),
            ("true", "true"), ("True", "true"), ("TRUE", "true"), ("false", "false"), ("FALSE", "false"),
            ("tRue", "\"tRue\""), ("~", "null"), ("null", "null"), ("Null", "null"), ("NULL", "null"), ("", "null"),
            ("0x1F", "31"), ("0o17", "15"), ("0b101", "5"), ("017", "17"), ("-42", "-42"), ("+7", "7"),
            ("1_000", "\"1_000\""), ("1.5", "1.5"), ("1e3", "1000"), (".5", "0.5"), ("-.5", "\"-.5\""),
            (".inf", "inf"), ("-.Inf", "-inf"), ("0x", "\"0x\""), ("12:30", "\"12:30\""),
            ("2024-01-01", "\"2024-01-01\""), ("'true'", "\"true\""), ("\"42\"", "\"42\""), ("cluster", "\"cluster\""),
            ("5.", "5"), ("-1.5e-3", "-0.0015"), ("+2.5E+2", "250"), ("1e", "\"1e\""), ("1.5G", "\"1.5G\""),
            ("300M", "\"300M\""),
            ("+.5", "\"+.5\""), ("+.inf", "inf"), ("-.nan", "\"-.nan\""), (".", "\".\""), ("1.2.3", "\"1.2.3\""),
            ("..5", "\"..5\""), (".5e", "\".5e\""), (".INF", "inf"), ("-.inF", "\"-.inF\""),
        ]
        for (text, expected) in cases {
            let r = YAMLReader.read(source("v: \(text)\n"))
            #expect(render(r.root?["v"]) == expected, "v: \(text)")
        }
        #expect(YAMLReader.read(source("v: .nan\n")).root?["v"]?.number?.isNaN == true)
    }

    @Test func explicitTags() {
        #expect(render(YAMLReader.read(source("v: !!str 42\n")).root?["v"]) == "\"42\"")
        #expect(render(YAMLReader.read(source("v: !!int '42'\n")).root?["v"]) == "42")
        let f = source("v: !custom x\n")
        let r = YAMLReader.read(f)
        #expect(r.tree == nil)
        #expect(
            diags(r, f) == [
                "yamlSyntax@1:4-1:13: unknown tag !<!custom>; js-yaml (used by PM2) throws \"unknown tag\" and the file is not loaded"
            ])
    }

    @Test func blockScalarSpanExcludesTrailingNewlines() throws {
        let f = source("p: |\n  line1\n  line2\n\nq: 1\n")
        let r = YAMLReader.read(f)
        #expect(r.root?["p"]?.string == "line1\nline2\n")
        #expect(r.root?["p"]?.scalarStyle == .literal)
        #expect(where_(r.root?["p"]) == "1:4-3:8")
    }

    @Test func anchorsAndAliasesShareNodes() throws {
        let f = source("base: &b\n  script: app.js\napps:\n  - *b\n")
        let r = YAMLReader.read(f)
        let alias = try #require(r.root?["apps"]?.elements.first)
        #expect(alias.id == r.root?["base"]?.id)
        #expect(where_(alias["script"]) == "2:11-2:17")
    }

    @Test func mergeKeys() throws {
        let f = source(
            """
            defaults: &d
              script: app.js
              instances: 2
            apps:
              - <<: *d
                name: api
                instances: 4
            """)
        let r = YAMLReader.read(f)
        #expect(r.diagnostics.isEmpty)
        let app = try #require(r.root?["apps"]?.elements.first)
        #expect(render(app) == "{script:\"app.js\",name:\"api\",instances:4}")
        #expect(where_(app["script"]) == "2:11-2:17")
    }

    @Test func mergeOfAListKeepsTheFirstMappingsValue() throws {
        let f = source("a: &a {x: 1}\nb: &b {x: 2, y: 3}\nc:\n  <<: [*a, *b]\n")
        let r = YAMLReader.read(f)
        #expect(render(r.root?["c"]) == "{x:1,y:3}")
    }

    @Test func mergeOfAMappingWithANonScalarKey() throws {
        // `? *d` in a flow list is a one-pair mapping whose key is the mapping d: a key with no
        // text, which the merge takes without comparing it to the others.
        let f = source("d: &d {x: 1}\nc:\n  <<: [*d, ? *d]\n  y: 2\n")
        let r = YAMLReader.read(f)
        #expect(r.diagnostics.isEmpty)
        let c = try #require(r.root?["c"])
        #expect(c.entries.map { $0.key ?? "(\($0.keyNode.kind))" } == ["x", "(mapping)", "y"])
        #expect(c.entries[1].value.isNull)
    }

    @Test func mergeOfAScalarIsAnError() {
        let f = source("a:\n  <<: 1\n")
        let r = YAMLReader.read(f)
        #expect(r.diagnostics.map(\.code) == [.yamlSyntax])
    }

    @Test func undefinedAliasIsAnError() {
        let f = source("a: *nope\n")
        let r = YAMLReader.read(f)
        #expect(
            diags(r, f) == [
                "yamlSyntax@1:4-1:9: alias *nope refers to an anchor &nope that is not defined before it; js-yaml throws \"unidentified alias\""
            ])
    }

    @Test func duplicateKeyIsAnError() throws {
        let f = source("a: 1\nb: 2\na: 3\n")
        let r = YAMLReader.read(f)
        let d = try #require(r.diagnostics.first)
        #expect(d.code == .duplicateKey)
        #expect(d.severity == .error)
        #expect(where_(d.span, in: f) == "3:1-3:2")
        #expect(d.related.map { where_($0.span, in: f) } == ["1:1-1:2"])
    }

    @Test func secondDocumentIsAnError() {
        let f = source("a: 1\n---\nb: 2\n")
        let r = YAMLReader.read(f)
        #expect(
            diags(r, f) == [
                "multipleDocuments@2:1-2:4: a second YAML document starts here; js-yaml's load() (used by PM2) throws \"expected a single document in the stream, but found more\""
            ])
        #expect(render(r.root) == "{a:1}")
    }

    @Test func syntaxErrorPosition() {
        let f = source("a: 1\n b: 2\n")
        let r = YAMLReader.read(f)
        #expect(r.tree == nil)
        #expect(
            diags(r, f) == [
                "yamlSyntax@2:3-2:4: YAML syntax error: mapping values are not allowed in this context; js-yaml (used by PM2) fails to load the file too"
            ])
    }

    @Test func tabIndentationIsAnError() {
        let f = source("a:\n\tb: 1\n")
        #expect(YAMLReader.read(f).diagnostics.map(\.code) == [.yamlSyntax])
    }

    @Test func emptyFileHasNoRoot() {
        let r = YAMLReader.read(source("# only a comment\n"))
        #expect(r.diagnostics.isEmpty)
        #expect(r.tree != nil)
        #expect(r.root == nil)
    }

    @Test func aliasBombIsADiagnostic() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for k in 1...9 {
            text += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let f = source(text)
        let r = YAMLReader.read(f)
        #expect(r.tree == nil)
        #expect(r.diagnostics.map(\.code) == [.aliasExpansion])
    }

    @Test func aLargeFileIsNotABomb() {
        // 1.2 million nodes, no aliases; then shared defaults merged into every app.
        var plain = "apps:\n"
        for k in 0..<200_000 { plain += "  - name: app-\(k)\n    script: a.js\n" }
        let r = YAMLReader.read(source(plain))
        #expect(r.diagnostics.isEmpty)
        #expect(r.root?["apps"]?.elements.count == 200_000)
        var merged = "defaults: &d\n  script: a.js\n  instances: 2\n  exec_mode: cluster\napps:\n"
        for k in 0..<200_000 { merged += "  - <<: *d\n    name: app-\(k)\n" }
        #expect(YAMLReader.read(source(merged)).diagnostics.isEmpty)
    }

    @Test func deepNestingIsADiagnosticNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let r = YAMLReader.read(source(text))
        #expect(r.tree == nil)
        #expect(r.diagnostics.map(\.code) == [.tooDeep], "\(r.diagnostics)")
    }

    @Test func deepBlockNesting() {
        var text = ""
        for k in 0..<300 { text += String(repeating: " ", count: k) + "k:\n" }
        let r = YAMLReader.read(source(text))
        #expect(r.diagnostics.map(\.code) == [.tooDeep])
    }

    @Test func complexKeysAreKeptWithoutText() throws {
        let r = YAMLReader.read(source("? [a, b]\n: 1\n"))
        let e = try #require(r.root?.entries.first)
        #expect(e.key == nil)
        #expect(e.value.number == 1)
    }
}
