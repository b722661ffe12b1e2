import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

@testable import FuzzSupport

/// Replays fixtures/fuzz-regressions/<target>/* through the code path of each fuzz target
/// (fuzz/Sources): each must read, check and fix without a crash, with every position inside
/// its file.
@Suite struct FuzzRegressionTests {
    static let root = repositoryRoot + "/fixtures/fuzz-regressions"

    static let cases: [String] = FuzzChecks.targets.flatMap { target in
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + target)) ?? []).sorted().map {
            target + "/" + $0
        }
    }

    @Test func everyTargetHasRegressions() {
        for target in FuzzChecks.targets {
            #expect(Self.cases.contains { $0.hasPrefix(target + "/") }, "\(target)")
        }
    }

    @Test func theChecksFindBrokenPromises() {
        #expect(FuzzChecks.run("fuzz-nothing", []) == ["no fuzz target fuzz-nothing"])
        // A tree whose node ends past the file breaks the readers' promise.
        let s = SourceFile(path: "x.json", text: "{}")
        let bad = ReadResult(tree: nil, diagnostics: [SyntaxDiagnostic(.jsonSyntax, .error, "m", at: Span(1, 3))])
        #expect(FuzzChecks.treeProblems(bad, s) == ["x.json: diagnostic span \(Span(1, 3)) outside the file: m"])
    }

    @Test(arguments: cases)
    func replay(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.root + "/" + name)))
        #expect(FuzzChecks.run(String(name.split(separator: "/")[0]), bytes) == [], "\(name)")
    }
}
