import Foundation
import LogCheckKit
import Testing

/// The SARIF output validates against the official SARIF 2.1.0 JSON schema
/// (fixtures/schemas/sarif-schema-2.1.0.json), checked by Python's jsonschema, an independent
/// validator.
@Suite struct SARIFSchemaTests {
    static let schema = repositoryRoot + "/fixtures/schemas/sarif-schema-2.1.0.json"
    static let validator = repositoryRoot + "/Tests/Support/validate_sarif.py"

    /// Runs the validator on the files; returns its output and whether it passed.
    func validate(_ files: [String]) throws -> (passed: Bool, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.validator, Self.schema] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus == 0, String(decoding: data, as: UTF8.self))
    }

    func sarif(_ arguments: [String], into dir: String, name: String) throws -> String {
        let r = run(arguments + ["--format", "sarif", "--no-config"])
        #expect(r.err == "", "\(name): \(r.err)")
        let path = dir + "/" + name + ".sarif"
        try r.out.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func everyGoldenCaseAndTheCorpusValidate() throws {
        let dir = try tree([:])
        var files: [String] = []
        for name in GoldenTests.cases {
            files.append(try sarif(GoldenTests.arguments(for: name), into: dir, name: name))
        }
        files.append(try sarif(["fixtures/corpus/pm2"], into: dir, name: "corpus"))
        files.append(try sarif(["fixtures/seed"], into: dir, name: "seed"))
        let result = try validate(files)
        #expect(result.passed, "\(result.output)")
        #expect(
            result.output.hasSuffix(
                "validated \(files.count) file(s) against Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema\n"
            ))
    }

    @Test func theValidatorRejectsInvalidSARIF() throws {
        // A result without a message and a region with line 0 break the schema: the check can fail.
        let dir = try tree([
            "bad.sarif": """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "logcheck"}},
              "results": [{"ruleId": "LC101", "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}
            """
        ])
        let result = try validate([dir + "/bad.sarif"])
        #expect(!result.passed)
        #expect(result.output.contains("bad.sarif: .runs[0].results[0]: 'message' is a required property"))
        #expect(
            result.output.contains(
                "bad.sarif: .runs[0].results[0].locations[0].physicalLocation.region.startLine: 0 is less than the minimum of 1"
            ))
    }
}
