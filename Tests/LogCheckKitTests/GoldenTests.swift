import Foundation
import LogCheckKit
import Testing

/// Whole runs over `fixtures/golden/<case>/`: the inputs of a case are checked together and the
/// output in each format must equal the case's `expected.<format>` file byte for byte, with the
/// exit code in `expected.code`. SARIF repeats every rule's documentation, so only the cases
/// that have an `expected.sarif` compare it. `LOGCHECK_UPDATE_GOLDEN=1 swift test` rewrites them.
@Suite struct GoldenTests {
    static let root = repositoryRoot + "/fixtures/golden"
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
    static let formats = ["text", "json", "sarif", "github"]
    static let update = ProcessInfo.processInfo.environment["LOGCHECK_UPDATE_GOLDEN"] == "1"

    static func arguments(for name: String) -> [String] {
        let dir = root + "/" + name
        if let args = try? String(contentsOfFile: dir + "/args", encoding: .utf8) {
            return args.split(separator: "\n").map { String($0).replacing("$CASE", with: "fixtures/golden/\(name)") }
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { !$0.hasPrefix("expected.") && $0 != "args" && $0 != "README.md" && $0 != "package.json" }
            .sorted()
        return files.map { "fixtures/golden/\(name)/\($0)" }
    }

    @Test func runsFromTheRepositoryRoot() {
        #expect(FileManager.default.currentDirectoryPath == repositoryRoot)
        #expect(Self.cases.count >= 5)
    }

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let dir = Self.root + "/" + name
        let args = Self.arguments(for: name)
        var codes: [String] = []
        #expect(
            Self.cases.filter { FileManager.default.fileExists(atPath: Self.root + "/\($0)/expected.sarif") }.count >= 2
        )
        let hasSARIF = FileManager.default.fileExists(atPath: dir + "/expected.sarif")
        for format in Self.formats where format != "sarif" || hasSARIF {
            let result = run(args + ["--format", format, "--color", "never", "--no-config"])
            codes.append("\(format): \(result.code.rawValue)")
            let path = dir + "/expected.\(format)"
            if Self.update {
                try result.out.write(toFile: path, atomically: false, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            #expect(result.out == expected, "\(name): --format \(format) output differs from expected.\(format)")
        }
        let codeFile = dir + "/expected.code"
        let actual = codes.joined(separator: "\n") + "\n"
        if Self.update {
            try actual.write(toFile: codeFile, atomically: false, encoding: .utf8)
        } else {
            #expect(actual == (try String(contentsOfFile: codeFile, encoding: .utf8)), "\(name): exit codes")
        }
    }
}
