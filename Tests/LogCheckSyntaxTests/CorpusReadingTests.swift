import Foundation
import LogCheckSyntax
import Testing

/// Every file of the PM2 corpus (fixtures/corpus/pm2, copied from real projects and PM2 itself;
/// MANIFEST.tsv names each source) is read without a crash, and the values match an independent
/// reading.
@Suite struct CorpusReadingTests {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("fixtures/corpus/pm2").path
    }()

    static let files: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0 != "MANIFEST.tsv" && $0 != "package.json" }
            .sorted { (Int($0.prefix { $0.isNumber }) ?? 0) < (Int($1.prefix { $0.isNumber }) ?? 0) }
    }()

    /// Files that are broken on purpose (PM2's malformed-file fixtures).
    static let brokenOnPurpose: Set<String> = ["26.json", "87.json"]

    static func load(_ name: String) -> SourceFile {
        let data = FileManager.default.contents(atPath: directory + "/" + name) ?? Data()
        return SourceFile(path: name, bytes: Array(data))
    }

    static func isYAML(_ name: String) -> Bool {
        name.hasSuffix(".yml") || name.hasSuffix(".yaml") || name == "117.tpl"
    }
    static func isJS(_ name: String) -> Bool {
        name.hasSuffix(".js") || name.hasSuffix(".cjs") || name.hasSuffix(".mjs")
    }

    @Test func corpusIsComplete() {
        #expect(Self.files.count == 155)
        let manifest = (try? String(contentsOfFile: Self.directory + "/MANIFEST.tsv", encoding: .utf8)) ?? ""
        #expect(manifest.split(separator: "\n").count == 156)
    }

    @Test(arguments: files.filter { $0.hasSuffix(".json") })
    func jsonFilesMatchJSONSerialization(_ name: String) throws {
        let file = Self.load(name)
        let strict = JSONReader.read(file)
        let foundation = try? JSONSerialization.jsonObject(with: Data(file.bytes), options: [.fragmentsAllowed])
        if strict.diagnostics.isEmpty {
            let theirs = try #require(
                foundation, "JSONSerialization rejects \(name) but logcheck read it as strict JSON")
            #expect(equal(try #require(strict.root), theirs), "\(name): tree differs from JSONSerialization's")
        } else {
            #expect(
                foundation == nil || strict.diagnostics.allSatisfy { $0.severity < .error },
                "\(name): JSONSerialization accepts it but logcheck reports \(strict.diagnostics)")
            // PM2 evaluates .json as JavaScript: the lenient reading must succeed unless broken on purpose.
            let lenient = ScriptReader.readExpression(file)
            #expect(
                (lenient.read.root != nil) != Self.brokenOnPurpose.contains(name),
                "\(name): \(lenient.read.diagnostics)")
        }
    }

    static let supportDirectory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Support").path
    }()

    /// PyYAML's composed node tree of a file (Tests/Support/yaml_compose.py).
    static func pyyaml(_ path: String) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", supportDirectory + "/yaml_compose.py", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CorpusError(message: "python3 with PyYAML failed on \(path) (run `python3 -m pip install pyyaml`)")
        }
        return try JSONSerialization.jsonObject(with: data)
    }

    struct CorpusError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @Test(arguments: files.filter(isYAML))
    func yamlFilesMatchPyYAML(_ name: String) throws {
        let file = Self.load(name)
        let ours = YAMLReader.read(file)
        #expect(ours.diagnostics.isEmpty, "\(name): \(ours.diagnostics)")
        let theirs = try Self.pyyaml(Self.directory + "/" + name)
        #expect(equalComposed(try #require(ours.root), theirs), "\(name): tree differs from PyYAML's")
    }

    @Test func javascriptFilesAreUnderstood() throws {
        let js = Self.files.filter(Self.isJS)
        var understood = 0
        var report: [String] = []
        for name in js {
            let file = Self.load(name)
            let r = ScriptReader.readModule(file)
            let misread = r.read.root.map(literalUnknowns) ?? []
            if r.read.diagnostics.isEmpty && misread.isEmpty {
                understood += 1
            } else {
                report.append("\(name): \(r.read.diagnostics.map(\.message)) \(misread)")
            }
        }
        let share = Double(understood) / Double(js.count)
        print("JavaScript corpus files fully understood: \(understood) of \(js.count) (\(Int(share * 100))%)")
        for line in report { print("  not fully understood: \(line)") }
        #expect(js.count >= 70)
        #expect(share >= 0.95)
    }

    @Test(arguments: files)
    func everyFileIsReadWithEveryReaderWithoutCrashing(_ name: String) {
        let file = Self.load(name)
        _ = JSONReader.read(file)
        _ = YAMLReader.read(file)
        _ = ScriptReader.readModule(file, findConfigureCalls: true)
        _ = ScriptReader.readExpression(file)
    }

    /// Unknown values whose source text is in fact a literal (the reader missed it).
    func literalUnknowns(_ node: LogCheckSyntax.Node) -> [String] {
        var found: [String] = []
        var stack = [node]
        var visited = Set<Int32>()
        while let n = stack.popLast() {
            guard visited.insert(n.id).inserted else { continue }
            switch n.kind {
            case .mapping: stack.append(contentsOf: n.entries.map(\.value))
            case .sequence: stack.append(contentsOf: n.elements)
            case .scalar: break
            case .unknown:
                let text = n.sourceText
                let r = ScriptReader.readExpression(SourceFile(path: "x.json", text: text))
                if let root = r.read.root, r.read.diagnostics.isEmpty, !containsUnknown(root) { found.append(text) }
            }
        }
        return found
    }

    func containsUnknown(_ node: LogCheckSyntax.Node) -> Bool {
        switch node.kind {
        case .unknown: return true
        case .scalar: return false
        case .mapping: return node.hasUnknownEntries || node.entries.contains { containsUnknown($0.value) }
        case .sequence: return node.elements.contains(where: containsUnknown)
        }
    }

    func equal(_ ours: LogCheckSyntax.Node, _ theirs: Any) -> Bool {
        switch ours.kind {
        case .mapping:
            guard let dict = theirs as? [String: Any] else { return false }
            var last: [String: LogCheckSyntax.Node] = [:]
            for e in ours.entries { if let k = e.key { last[k] = e.value } }
            return last.count == dict.count && last.allSatisfy { k, v in dict[k].map { equal(v, $0) } ?? false }
        case .sequence:
            guard let array = theirs as? [Any], array.count == ours.elements.count else { return false }
            return zip(ours.elements, array).allSatisfy { equal($0, $1) }
        case .scalar:
            let isBool = String(describing: type(of: theirs)).contains("Boolean")
            switch ours.scalar! {
            case .string(let s): return (theirs as? String) == s
            case .number(let d): return !isBool && (theirs as? NSNumber)?.doubleValue == d
            case .bool(let b): return isBool && (theirs as? Bool) == b
            case .null: return theirs is NSNull
            case .undefined: return false
            }
        case .unknown:
            return false
        }
    }

    /// Compares with PyYAML's composed tree: same structure and scalar text; resolved types
    /// follow js-yaml 4 (YAML 1.2 core schema) where PyYAML follows YAML 1.1.
    func equalComposed(_ ours: LogCheckSyntax.Node, _ theirs: Any) -> Bool {
        guard let node = theirs as? [String: Any] else { return false }
        if let pairs = node["map"] as? [[Any]] {
            guard ours.isMapping, pairs.count == ours.entryCount else { return false }
            return zip(ours.entries, pairs).allSatisfy { e, p in
                equalComposed(e.keyNode, p[0]) && equalComposed(e.value, p[1])
            }
        }
        if let items = node["seq"] as? [Any] {
            guard ours.isSequence, items.count == ours.elements.count else { return false }
            return zip(ours.elements, items).allSatisfy { equalComposed($0, $1) }
        }
        guard ours.isScalar, let tag = node["tag"] as? String, let value = node["value"] as? String else {
            return false
        }
        guard ours.text == value else { return false }
        let quoted = (node["style"] as? String ?? "") != ""
        switch ours.scalar! {
        case .string:
            // YAML 1.1 booleans (yes/no/on/off), sexagesimal and 0-prefixed octal numbers and
            // timestamps are strings in YAML 1.2.
            let yaml11Only: Set<String> = ["bool", "int", "float", "timestamp"]
            return tag == "str" || (!quoted && yaml11Only.contains(tag))
        case .number(let d):
            if tag == "str" { return !quoted && value.hasPrefix("0o") }
            return (tag == "int" || tag == "float") && (Double(value) == d || value.hasPrefix("0"))
        case .bool: return tag == "bool"
        case .null: return tag == "null"
        case .undefined: return false
        }
    }
}
