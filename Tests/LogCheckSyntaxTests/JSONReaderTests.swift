import LogCheckSyntax
import Testing

@Suite struct JSONReaderTests {
    @Test func spansOfKeysValuesAndEntries() throws {
        let f = source("{\n  \"pm2\": true,\n  \"appenders\": { \"out\": { \"type\": \"stdout\" } }\n}")
        let r = JSONReader.read(f)
        #expect(r.diagnostics.isEmpty)
        let root = try #require(r.root)
        #expect(where_(root) == "1:1-4:2")
        let pm2 = try #require(root.entry("pm2"))
        #expect(where_(pm2.keySpan, in: f) == "2:3-2:8")
        #expect(where_(pm2.value) == "2:10-2:14")
        #expect(where_(pm2.span, in: f) == "2:3-2:14")
        #expect(pm2.value.bool == true)
        let type = try #require(root["appenders"]?["out"]?["type"])
        #expect(type.string == "stdout")
        #expect(where_(type) == "3:35-3:43")
        #expect(type.scalarStyle == .doubleQuoted)
    }

    @Test func valuesOfEveryKind() throws {
        let f = source(#"[1, -2.5, 1e3, 0, true, false, null, "a\nb\u00e9\ud83d\ude00", {}, []]"#)
        let r = JSONReader.read(f)
        #expect(r.diagnostics.isEmpty)
        #expect(render(r.root) == "[1,-2.5,1000,0,true,false,null,\"a\nbé😀\",{},[]]")
    }

    @Test func multiByteAndTabsDoNotShiftColumns() throws {
        let f = source("{\"é\":\t\"😀\", \"k\": 1}")
        let r = JSONReader.read(f)
        let k = try #require(r.root?.entry("k"))
        #expect(where_(k.keySpan, in: f) == "1:12-1:15")
        #expect(where_(r.root?["é"]) == "1:7-1:10")
    }

    @Test func crlfFile() throws {
        let f = source("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}\r\n")
        let r = JSONReader.read(f)
        #expect(where_(r.root?["b"]) == "3:8-3:9")
    }

    @Test func commentIsAnErrorButReadingContinues() throws {
        let f = source("{\n  // note\n  \"a\": 1 /* x */\n}")
        let r = JSONReader.read(f)
        #expect(
            diags(r, f) == [
                "jsonSyntax@2:3-2:10: JSON does not allow comments; JSON.parse fails here with \"Unexpected token '/'\"",
                "jsonSyntax@3:10-3:17: JSON does not allow comments; JSON.parse fails here with \"Unexpected token '/'\"",
            ])
        #expect(render(r.root) == "{a:1}")
    }

    @Test func trailingCommasAreErrors() {
        let f = source("{\"a\": [1, 2,], }")
        let r = JSONReader.read(f)
        #expect(
            diags(r, f) == [
                "jsonSyntax@1:12-1:13: trailing comma before ']'; JSON.parse fails here with \"Unexpected token ']'\"",
                "jsonSyntax@1:14-1:15: trailing comma before '}'; JSON.parse fails here with \"Unexpected token '}'\"",
            ])
        #expect(render(r.root) == "{a:[1,2]}")
    }

    @Test func byteOrderMarkIsAnError() {
        let f = SourceFile(path: "x", bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        let r = JSONReader.read(f)
        #expect(r.diagnostics.map(\.span) == [Span(0, 3)])
        #expect(
            r.diagnostics.first?.message
                == "the file starts with a UTF-8 byte order mark; JSON.parse does not skip it and fails with \"Unexpected token\""
        )
        #expect(where_(r.root?["a"]) == "1:7-1:8")
    }

    @Test func singleQuotesAndBareKeysAreErrors() {
        let f = source("{a: 'x'}")
        let r = JSONReader.read(f)
        #expect(
            diags(r, f) == [
                "jsonSyntax@1:2-1:3: object keys must be double-quoted strings in JSON; JSON.parse fails here with \"Unexpected token\"",
                "jsonSyntax@1:5-1:6: JSON strings need double quotes; JSON.parse fails here with \"Unexpected token '''\"",
            ])
        #expect(render(r.root) == "{a:\"x\"}")
    }

    @Test func missingCommaStopsReading() {
        let f = source("{\"a\": 1\n \"b\": 2}")
        let r = JSONReader.read(f)
        #expect(r.tree == nil)
        #expect(
            diags(r, f) == [
                "jsonSyntax@2:2-2:3: expected ',' or '}' after an object entry, found '\"'; is a comma missing?"
            ])
    }

    @Test func unterminatedString() {
        let f = source("{\"a\": \"x}")
        #expect(
            diags(JSONReader.read(f), f) == ["jsonSyntax@1:7-1:10: unterminated string: the closing quote is missing"])
    }

    @Test func trailingGarbage() {
        let f = source("{} x")
        #expect(
            diags(JSONReader.read(f), f) == [
                "jsonSyntax@1:4-1:5: unexpected 'x' after the end of the JSON value; JSON.parse fails with \"Unexpected non-whitespace character after JSON\""
            ])
    }

    @Test func emptyFile() {
        let f = source("  \n")
        let r = JSONReader.read(f)
        #expect(r.diagnostics.map(\.code) == [.empty])
    }

    @Test func duplicateKeyIsAWarningNamingBothPlaces() throws {
        let f = source("{\"level\": \"info\",\n \"level\": \"warn\"}")
        let r = JSONReader.read(f)
        let d = try #require(r.diagnostics.first)
        #expect(d.code == .duplicateKey)
        #expect(d.severity == .warning)
        #expect(where_(d.span, in: f) == "2:2-2:9")
        #expect(d.related.map { where_($0.span, in: f) } == ["1:2-1:9"])
        #expect(r.root?["level"]?.string == "warn")
    }

    @Test func duplicateKeysInALargeObject() {
        var text = "{"
        for k in 0..<100 { text += "\"k\(k)\": \(k), " }
        text += "\"k7\": 0}"
        let r = JSONReader.read(source(text))
        #expect(
            r.diagnostics.map(\.message) == [
                "key \"k7\" appears twice in this object; JSON.parse keeps only the last value"
            ])
    }

    @Test func everyRepeatIsReportedWithTheFirstOfItsKey() throws {
        // Objects on both sides of the size where pairs give way to a table; keys repeat once,
        // twice or never, and an escaped key equals its plain spelling.
        for count in [4, 20, 32, 33, 34, 80] {
            var decoded: [String] = []
            var keys: [String] = []
            for i in 0..<count {
                let repeated = i % 7 == 3
                let escaped = !repeated && i % 11 == 5
                let n = repeated ? i / 3 : escaped ? i / 2 : i
                decoded.append("k\(n)")
                keys.append(escaped ? "\\u006b\(n)" : "k\(n)")
            }
            let text = "{\n" + keys.map { "\"\($0)\": 0" }.joined(separator: ",\n") + "\n}"
            let r = JSONReader.read(source(text))
            var expected: [String] = []
            for j in decoded.indices {
                guard let i = decoded[..<j].firstIndex(of: decoded[j]) else { continue }
                expected.append("\(j + 2) \(decoded[j]) first at \(i + 2)")
            }
            let f = source(text)
            #expect(!expected.isEmpty)
            #expect(
                r.diagnostics.map { d in
                    "\(f.lineColumn(of: d.span.start).line) \(d.message.split(separator: "\"")[1]) first at \(f.lineColumn(of: d.related[0].span.start).line)"
                } == expected, "\(count) keys")
        }
    }

    @Test func nonJSONNumbersAreErrors() {
        let f = source("[+1, .5, 01, 0x1F, NaN]")
        let r = JSONReader.read(f)
        #expect(r.diagnostics.count == 5)
        #expect(render(r.root) == "[1,0.5,1,31,nan]")
    }

    @Test func escapesAreDecodedAndSpansCoverTheQuotes() throws {
        let f = source(#"{"a\"b": "c\\d"}"#)
        let r = JSONReader.read(f)
        let e = try #require(r.root?.entries.first)
        #expect(e.key == "a\"b")
        #expect(e.value.string == "c\\d")
        #expect(where_(e.keySpan, in: f) == "1:2-1:8")
    }

    @Test func deepNestingIsADiagnosticNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let f = source(text)
        let r = JSONReader.read(f)
        #expect(r.tree == nil)
        #expect(r.diagnostics.map(\.code) == [.tooDeep])
        #expect(r.diagnostics.first?.span.start == ReaderLimits.maxDepth)
    }

    @Test func stringsWithoutEscapesAreNotCopied() throws {
        let f = source(#"{"name": "api"}"#)
        let r = JSONReader.read(f)
        #expect(r.root?["name"]?.isString("api") == true)
        #expect(r.root?["name"]?.isString("ap") == false)
    }
}
