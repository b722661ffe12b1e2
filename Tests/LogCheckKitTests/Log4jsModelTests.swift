import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

@Suite struct Log4jsModelTests {
    static let validDirectory = repositoryRoot + "/fixtures/log4js/valid"
    static let validFiles = ((try? FileManager.default.contentsOfDirectory(atPath: validDirectory)) ?? []).filter {
        $0 != "package.json"
    }.sorted()

    func load(_ text: String, _ name: String = "log4js.json") throws -> Log4jsConfig {
        let doc = DocumentLoader.load(SourceFile(path: name, text: text), input: InputFile(path: name))
        return Log4jsConfig(root: try #require(doc.root))
    }

    /// Configs in the shapes log4js documents (inheritance, custom levels, filters, multiFile,
    /// pattern tokens, network appenders) get no error.
    @Test(arguments: validFiles)
    func validConfigsGetNoError(_ name: String) throws {
        let text = try String(contentsOfFile: Self.validDirectory + "/" + name, encoding: .utf8)
        let findings = check([SourceFile(path: name, text: text)])
        let errors = findings.filter { $0.severity == .error }.map {
            "\($0.rule.id) \($0.location.start): \($0.message)"
        }
        #expect(errors == [])
        let warnings = findings.filter { $0.severity == .warning }.map { "\($0.rule.id): \($0.message)" }
        #expect(warnings == [])
    }

    @Test func inheritanceMatchesLog4js() throws {
        let text = try String(contentsOfFile: Self.validDirectory + "/inheritance.yaml", encoding: .utf8)
        let config = try load(text, "log4js.yaml")
        func appenders(_ name: String) -> [String] {
            config.resolvedCategory(named: name)?.appenders.compactMap(\.name) ?? []
        }
        func level(_ name: String) -> String? { config.resolvedCategory(named: name)?.level?.string }
        #expect(appenders("catA.catB") == ["B", "A"])
        #expect(appenders("catA.catB.catC") == ["B", "A"])
        #expect(level("catA.catB.catC") == "trace")
        #expect(appenders("catA.catB.catD") == ["C"])
        #expect(appenders("noParent.child") == ["A"])
        #expect(config.resolvedCategory(named: "catA.catB.catC")?.appenders.first?.inheritedFrom == "catA.catB")
        // A missing parent is synthesised but not added when it would be invalid.
        #expect(config.resolvedCategory(named: "noParent") == nil)
        #expect(config.builtAppenders == ["A", "B", "C"])
    }

    @Test func synthesisedParentIsAddedWhenValid() throws {
        let config = try load(
            #"{"appenders": {"a": {"type": "stdout"}}, "categories": {"default": {"appenders": ["a"], "level": "info"}, "x": {"appenders": ["a"], "level": "info"}, "x.y.z": {"level": "debug"}}}"#
        )
        #expect(config.resolvedCategory(named: "x.y")?.synthesized == true)
        #expect(config.resolvedCategory(named: "x.y")?.appenders.compactMap(\.name) == ["a"])
        #expect(config.resolvedCategory(named: "x.y.z")?.level?.string == "debug")
    }

    @Test func builtAppendersFollowLog4js() throws {
        let config = try load(
            #"{"appenders": {"out": {"type": "stdout"}, "unused": {"type": "file", "filename": "x"}, "filter": {"type": "logLevelFilter", "appender": "target", "level": "error"}, "target": {"type": "file", "filename": "t"}, "server": {"type": "tcp-server"}, "mp": {"type": "multiprocess", "mode": "master", "appender": "sink"}, "sink": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out", "filter"], "level": "info"}}}"#
        )
        #expect(config.builtAppenders == ["out", "filter", "target", "server", "mp", "sink"])
    }

    @Test func clusteringFlags() throws {
        #expect(try load(#"{"pm2": "false"}"#).pm2 == .yes)
        #expect(try load(#"{"pm2": 0}"#).pm2 == .no)
        #expect(try load(#"{}"#).pm2InstanceVar == .name("NODE_APP_INSTANCE", defaulted: true))
        #expect(try load(#"{"pm2InstanceVar": null}"#).pm2InstanceVar == .null)
        #expect(try load(#"{"pm2InstanceVar": ""}"#).pm2InstanceVar == .empty)
        #expect(try load(#"{"pm2InstanceVar": "ID"}"#).pm2InstanceVar == .name("ID", defaulted: false))
        #expect(try load("module.exports = { pm2: process.env.PM2 }", "log4js.config.js").pm2 == .unknown)
    }

    @Test func maxLogSizeAdapter() throws {
        func convert(_ json: String) throws -> MaxLogSize.Result? {
            MaxLogSize.convert(try load("{\"v\": \(json)}").root["v"]!)
        }
        #expect(try convert("\"10M\"") == .bytes(10_485_760))
        #expect(try convert("\"10m\"") == .bytes(10_485_760))
        #expect(try convert("\" 2 K\"") == .bytes(2048))
        #expect(try convert("\"1e3K\"") == .bytes(1_024_000))
        #expect(try convert("\"0x10K\"") == .bytes(16384))
        #expect(try convert("\"M\"") == .bytes(0))
        #expect(try convert("\"-1M\"") == .bytes(-1_048_576))
        #expect(try convert("\"10MB\"") == .invalid)
        #expect(try convert("\"1.5M\"") == .invalid)
        #expect(try convert("\"10485760\"") == .invalid)
        #expect(try convert("1.5") == .notStringOrNumber)
        #expect(try convert("true") == .notStringOrNumber)
        #expect(try convert("0") == nil)
        #expect(try convert("1024") == .bytes(1024))
    }

    @Test func aMisspeltLevelBecomesTheFirstOfTheNearestLevels() {
        // "marn" is one edit from both WARN and MARK: the fix takes the first in log4js' order,
        // in every run (not the order of a hashed set).
        let source = SourceFile(
            path: "log4js.json",
            text:
                #"{"appenders": {"out": {"type": "stdout"}, "f": {"type": "logLevelFilter", "appender": "out", "level": "marn"}}, "categories": {"default": {"appenders": ["f"], "level": "marn"}}}"#
        )
        let findings = check([source]).filter { $0.rule.id == "LC209" || $0.rule.id == "LC227" }
        #expect(
            findings.map { "\($0.rule.id) \($0.fixes.map(\.title))" } == [
                "LC227 [\"use level \\\"warn\\\"\"]", "LC209 [\"use level \\\"warn\\\"\"]",
            ])
        // Each fix replaces that finding's value, quotes included, with "warn".
        let text = Array(source.bytes)
        for f in findings {
            #expect(String(decoding: text[f.location.span.start..<f.location.span.end], as: UTF8.self) == "\"marn\"")
            #expect(f.fixes.first?.edits.map { "\($0.span) \($0.replacement)" } == ["\(f.location.span) \"warn\""])
        }
    }

    @Test func numberConversionIsJavaScriptsNumber() {
        // What Number(text) gives in JavaScript.
        let cases: [(String, Double)] = [
            ("", 0), ("  ", 0), (" 42 ", 42), ("\t\n42\r\n", 42), ("\u{0B}\u{0C}1", 1), ("\u{a0}42\u{3000}", 42),
            ("\u{feff}7\u{2028}", 7), ("\u{2009}8\u{202f}", 8), ("+5", 5), ("-5", -5), ("5.", 5), (".5", 0.5),
            ("-.5", -0.5),
            ("5.e3", 5000), ("1e3", 1000), ("1E-2", 0.01), ("00012", 12), ("Infinity", .infinity),
            ("-Infinity", -.infinity),
            ("+Infinity", .infinity), ("0x10", 16), ("0X1f", 31), ("0o17", 15), ("0B101", 5),
            ("0xFFFFFFFFFFFFFFFFFF", 4_722_366_482_869_645_213_696),
        ]
        for (text, value) in cases {
            #expect(JSNumber.parse(text) == value, "\(text.debugDescription)")
        }
        #expect(JSNumber.parse("-0").sign == .minus)
        let notNumbers = [
            ".", "+", "-", "1e", "1e+", "e3", "infinity", "Inf", "-0x10", "+0x10", "0x", "0xg", "0b2", "0x+1", "0o8",
            "12abc", "1 2", "1,000", "1_000", "\u{ff15}", "5\u{301}", "\u{85}5", "NaN", "--1", "0x1.8",
        ]
        for text in notNumbers {
            #expect(JSNumber.parse(text).isNaN, "\(text.debugDescription)")
        }
    }

    @Test func ecmaRegexErrors() {
        #expect(ECMARegex.error(in: "(a") == "Unterminated group")
        #expect(ECMARegex.error(in: "a)") == "Unmatched ')'")
        #expect(ECMARegex.error(in: "*a") == "Nothing to repeat")
        #expect(ECMARegex.error(in: "a**") == "Nothing to repeat")
        #expect(ECMARegex.error(in: "[z-a]") == "Range out of order in character class")
        #expect(ECMARegex.error(in: "[a") == "Unterminated character class")
        #expect(ECMARegex.error(in: "a\\") == "\\ at end of pattern")
        #expect(ECMARegex.error(in: "(?x)") == "Invalid group")
        #expect(ECMARegex.error(in: "a{2,1}") == "numbers out of order in {} quantifier")
        #expect(ECMARegex.error(in: "(?<n>a)(?<n>b)") == "Duplicate capture group name")
        for valid in ["^GET /health", "a{", "a{1,}b", "x{,2}", "[\\d-z]", "(?:a|b)+?", "(?<=a)b", "\\k<n>", "]", "a|"] {
            #expect(ECMARegex.error(in: valid) == nil, "\(valid)")
        }
    }

    @Test func patternTokens() {
        let t = PatternLayout.tokens("%-5p %.10c{2} %x{user} %q %d{ABSOLUTE}%")
        #expect(t.map { $0.conversion.map(String.init) ?? "?" } == ["p", "c", "x", "?", "d", "?"])
        #expect(t[1].specifier == "2")
        #expect(t[2].specifier == "user")
        #expect(t[3].text == "%q")
        // As log4js's regular expression reads it: by code point, so a combining mark after the
        // conversion character is text, and text around the tokens may be any script.
        let u = PatternLayout.tokens("ü %d\u{301}{ISO}é %5m{é}")
        #expect(u.map { $0.conversion.map(String.init) ?? "?" } == ["d", "m"])
        #expect(u.map(\.text) == ["%d", "%5m{é}"])
        #expect(u[1].specifier == "é")
    }

    /// Objects whose keys are distinct and not array indices keep their written order; others
    /// are ordered as JavaScript orders an object's keys.
    @Test func appendersInJavaScriptKeyOrder() {
        func appenders(_ json: String) -> [String] {
            let root = JSONReader.read(SourceFile(path: "log4js.json", text: #"{"appenders": "# + json + "}")).tree!
                .root!
            return Log4jsConfig(root: root).appenders.map { "\($0.name)=\($0.entry.value.number ?? 0)" }
        }
        #expect(appenders(#"{"b": 1, "a": 2, "c": 3}"#) == ["b=1.0", "a=2.0", "c=3.0"])
        #expect(
            appenders(#"{"b": 1, "2": 2, "a": 3, "10": 4, "1": 5}"#) == ["1=5.0", "2=2.0", "10=4.0", "b=1.0", "a=3.0"])
        // A repeated key keeps its first place and its last value.
        #expect(appenders(#"{"b": 1, "a": 2, "b": 3}"#) == ["b=3.0", "a=2.0"])
        #expect(appenders(#"{"01": 1, "4294967295": 2, "7": 3}"#) == ["7=3.0", "01=1.0", "4294967295=2.0"])
    }

    /// The same log4js checks run on YAML and JSON with identical findings except positions: every
    /// log4js rule example is rewritten in the other format and must get the same rule ids and messages.
    @Test func yamlAndJSONGiveTheSameFindings() throws {
        var compared = 0
        for rule in RuleRegistry.all where rule.family == .log4js {
            for example in rule.examples {
                let prepared = PreparedExample(example.files)
                guard let source = prepared.sources.first, prepared.sources.count == 1 else { continue }
                let doc = DocumentLoader.load(source, input: InputFile(path: source.path))
                guard let root = doc.root, !doc.read.hasErrors else { continue }
                let other =
                    source.path.hasSuffix(".json")
                    ? SourceFile(path: "log4js.yaml", text: YAMLWriter.write(root))
                    : SourceFile(path: "log4js.json", text: JSONWriter.write(root))
                let a = check([source]).map { "\($0.rule.id) \($0.severity.label): \($0.message)" }.sorted()
                let b = check([other]).map { "\($0.rule.id) \($0.severity.label): \($0.message)" }.sorted()
                #expect(
                    a == b,
                    "\(rule.id): \(source.path) and its \(other.path) rewrite differ\n\(String(decoding: other.bytes, as: UTF8.self))"
                )
                compared += 1
            }
        }
        #expect(compared >= 80)
    }
}

/// Writes a tree as block YAML (double-quoted strings), for format-equivalence tests.
enum YAMLWriter {
    static func write(_ node: LogCheckSyntax.Node) -> String {
        var out = ""
        emit(node, indent: 0, into: &out, inline: false)
        return out.hasSuffix("\n") ? out : out + "\n"
    }

    static func scalar(_ n: LogCheckSyntax.Node) -> String {
        switch n.scalar! {
        case .string(let s): return JSONValue.quoted(s)
        case .number: return n.text!
        case .bool(let b): return b ? "true" : "false"
        case .null, .undefined: return "null"
        }
    }

    static func emit(_ n: LogCheckSyntax.Node, indent: Int, into out: inout String, inline: Bool) {
        let pad = String(repeating: "  ", count: indent)
        switch n.kind {
        case .scalar, .unknown:
            out += (n.isScalar ? scalar(n) : JSONValue.quoted(n.sourceText)) + "\n"
        case .mapping:
            if n.entryCount == 0 {
                out += "{}\n"
                return
            }
            if inline { out += "\n" }
            for e in n.entries {
                out += pad + JSONValue.quoted(e.key ?? "") + ":"
                if e.value.isScalar || e.value.isUnknown || (e.value.isMapping && e.value.entryCount == 0)
                    || (e.value.isSequence && e.value.elements.isEmpty)
                {
                    out += " "
                    emit(e.value, indent: indent + 1, into: &out, inline: true)
                } else {
                    emit(e.value, indent: indent + 1, into: &out, inline: true)
                }
            }
        case .sequence:
            if n.elements.isEmpty {
                out += "[]\n"
                return
            }
            if inline { out += "\n" }
            for el in n.elements {
                out += pad + "-"
                if el.isMapping && el.entryCount > 0 || el.isSequence && !el.elements.isEmpty {
                    emit(el, indent: indent + 1, into: &out, inline: true)
                } else {
                    out += " "
                    emit(el, indent: indent + 1, into: &out, inline: true)
                }
            }
        }
    }
}

/// Writes a tree as strict JSON.
enum JSONWriter {
    static func value(_ n: LogCheckSyntax.Node) -> JSONValue {
        switch n.kind {
        case .scalar:
            switch n.scalar! {
            case .string(let s): return .string(s)
            case .number(let d): return .double(d)
            case .bool(let b): return .bool(b)
            case .null, .undefined: return .null
            }
        case .unknown: return .string(n.sourceText)
        case .mapping: return .object(n.entries.map { ($0.key ?? "", value($0.value)) })
        case .sequence: return .array(n.elements.map(value))
        }
    }

    static func write(_ n: LogCheckSyntax.Node) -> String { value(n).serialized() + "\n" }
}
