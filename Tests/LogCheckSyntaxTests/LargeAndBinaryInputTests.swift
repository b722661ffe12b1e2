import LogCheckSyntax
import Testing

/// Each reader on a large file (50 MB of JSON and YAML, 10 MB of JavaScript) (read in full, every node kept with its span) and on binary data
/// (a diagnostic, never a crash).
@Suite struct LargeAndBinaryInputTests {
    /// About 50 MB of ecosystem apps in one syntax.
    static func fiftyMegabytes(_ app: (Int) -> String, open: String, close: String, size: Int = 50_000_000) -> (
        text: String, apps: Int
    ) {
        var text = open
        var k = 0
        while text.utf8.count < size {
            text += app(k)
            k += 1
        }
        return (text + close, k)
    }

    @Test func fiftyMegabytesOfJSON() throws {
        let (text, apps) = Self.fiftyMegabytes(
            { k in
                (k == 0 ? "" : ",")
                    + "\n  {\"name\": \"app-\(k)\", \"script\": \"server.js\", \"instances\": 4, \"exec_mode\": \"cluster\", \"env\": {\"NODE_ENV\": \"production\", \"PORT\": \(3000 + k % 1000)}}"
            }, open: "{\"apps\": [", close: "\n]}\n")
        let f = source(text, "ecosystem.json")
        let r = JSONReader.read(f)
        #expect(r.diagnostics.isEmpty)
        let list = try #require(r.root?["apps"])
        #expect(list.elements.count == apps)
        let last = try #require(list.elements.last)
        #expect(last["name"]?.string == "app-\(apps - 1)")
        // The last app's `instances` value, found independently in the text.
        let lastLine = text.split(separator: "\n")[apps]
        let column =
            lastLine.utf8.count - (lastLine.split(separator: "\"instances\": ", maxSplits: 1).last?.utf8.count ?? 0) + 1
        #expect(where_(last["instances"]) == "\(apps + 1):\(column)-\(apps + 1):\(column + 1)")
    }

    @Test func fiftyMegabytesOfYAML() throws {
        let (text, apps) = Self.fiftyMegabytes(
            { k in
                "  - name: app-\(k)\n    script: server.js\n    instances: 4\n    env: { NODE_ENV: production, PORT: \(3000 + k % 1000) }\n"
            }, open: "apps:\n", close: "")
        let r = YAMLReader.read(source(text, "ecosystem.yml"))
        #expect(r.diagnostics.isEmpty)
        let list = try #require(r.root?["apps"])
        #expect(list.elements.count == apps)
        #expect(where_(list.elements.last?["instances"]) == "\(4 * apps):16-\(4 * apps):17")
    }

    /// 10 MB: the JavaScript reader tokenises before it parses, which the debug build the tests
    /// run in does slowly; `make bench` measures large files with the release build.
    @Test func tenMegabytesOfJavaScript() throws {
        let (text, apps) = Self.fiftyMegabytes(
            { k in
                "  { name: 'app-\(k)', script: 'server.js', instances: 4, env: { NODE_ENV: 'production' } },\n"
            }, open: "module.exports = {\n apps: [\n", close: "]};\n", size: 10_000_000)
        let r = ScriptReader.readModule(source(text, "ecosystem.config.js")).read
        #expect(r.diagnostics.isEmpty)
        #expect(r.root?["apps"]?.elements.count == apps)
    }

    /// Deterministic pseudo-random bytes.
    static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func binaryDataIsADiagnostic(_ seed: Int) {
        let bytes = Self.noise(4096, seed: UInt64(seed))
        for (name, read) in [
            ("x.yml", { YAMLReader.read($0) }),
            ("x.json", { JSONReader.read($0) }),
            ("x.js", { ScriptReader.readModule($0).read }),
            ("x.json", { ScriptReader.readExpression($0).read }),
        ] as [(String, (SourceFile) -> ReadResult)] {
            let f = SourceFile(path: name, bytes: bytes)
            let r = read(f)
            #expect(r.hasErrors, "\(name) seed \(seed)")
            #expect(r.diagnostics.allSatisfy { $0.span.start >= 0 && $0.span.end <= bytes.count })
        }
    }
}
