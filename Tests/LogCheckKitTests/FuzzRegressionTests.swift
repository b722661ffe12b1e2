import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

/// Replays fixtures/fuzz-regressions/<target>/* through the code path of each fuzz target
/// (fuzz/Sources): each must read, check and fix without a crash, with every position inside
/// its file.
@Suite struct FuzzRegressionTests {
    static let root = repositoryRoot + "/fixtures/fuzz-regressions"
    static let names = ["ecosystem.config.js", "ecosystem.json", "ecosystem.yml", "log4js.json", "log4js.yaml"]

    static let cases: [String] = ["fuzz-yaml", "fuzz-json", "fuzz-script", "fuzz-check"].flatMap { target in
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + target)) ?? []).sorted().map { target + "/" + $0 }
    }

    @Test func everyTargetHasRegressions() {
        for target in ["fuzz-yaml", "fuzz-json", "fuzz-script", "fuzz-check"] {
            #expect(Self.cases.contains { $0.hasPrefix(target + "/") }, "\(target)")
        }
    }

    func inside(_ span: Span, _ source: SourceFile) -> Bool {
        span.start >= 0 && span.start <= span.end && span.end <= source.bytes.count
    }

    func exercise(_ result: ReadResult, _ source: SourceFile) {
        for d in result.diagnostics { #expect(inside(d.span, source), "\(source.path): \(d.message)") }
        guard let root = result.root else { return }
        var stack = [root]
        var visited = 0
        while let node = stack.popLast(), visited < 100_000 {
            visited += 1
            #expect(inside(node.span, source))
            _ = node.scalar
            for e in node.entries { stack += [e.keyNode, e.value] }
            stack += Array(node.elements) + Array(node.alternatives)
        }
    }

    @Test(arguments: cases)
    func replay(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.root + "/" + name)))
        switch name.split(separator: "/")[0] {
        case "fuzz-yaml":
            let s = SourceFile(path: "ecosystem.yml", bytes: bytes)
            exercise(YAMLReader.read(s), s)
        case "fuzz-json":
            let s = SourceFile(path: "log4js.json", bytes: bytes)
            exercise(JSONReader.read(s), s)
        case "fuzz-script":
            let m = SourceFile(path: "ecosystem.config.js", bytes: bytes)
            exercise(ScriptReader.readModule(m).read, m)
            let e = SourceFile(path: "ecosystem.json", bytes: bytes)
            exercise(ScriptReader.readExpression(e).read, e)
        default:
            guard let first = bytes.first else { return }
            let file = Self.names[Int(first) % Self.names.count]
            let content = Array(bytes.dropFirst())
            let input = FixEngine.Input(file: InputFile(path: file), name: file, bytes: content)
            let outcome = FixEngine(files: MemoryFiles([file: content]), allowUnsafe: true).run([input])
            for d in outcome.result.diagnostics {
                #expect(inside(d.location.span, d.file), "\(name): \(d.rule.id)")
                _ = d.location.end
            }
            if let fixed = outcome.fixed[file] {
                #expect(DocumentLoader.load(SourceFile(path: file, bytes: fixed), input: InputFile(path: file)).read.tree != nil)
            }
        }
    }
}
