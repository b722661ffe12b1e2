import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

/// The registry is the list of rules logcheck runs; this keeps it equal to the rule files, so
/// adding a rule is: write its file, add its type to its family's list, run the tests.
@Suite struct RegistryTests {
    static let rulesDirectory = repositoryRoot + "/Sources/LogCheckKit/Rules"

    /// (family folder, rule id, type name) of every `LCnnnName.swift` file.
    static func ruleFiles() throws -> [(family: String, id: String, type: String)] {
        var found: [(String, String, String)] = []
        for family in try FileManager.default.contentsOfDirectory(atPath: rulesDirectory).sorted() {
            let dir = rulesDirectory + "/" + family
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else { continue }
            for file in try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            where file.hasPrefix("LC") && file.hasSuffix(".swift") {
                let type = String(file.dropLast(".swift".count))
                found.append((family, String(type.prefix(5)), type))
            }
        }
        return found
    }

    /// A reader's finding is reported by the input rule of its code: every code has one.
    @Test func everySyntaxCodeHasAnInputRule() {
        for code in SyntaxCode.allCases {
            #expect(RuleRegistry.inputRules.contains { $0.codes.contains(code) }, "\(code)")
        }
    }

    @Test func everyRuleFileIsRegisteredAndEveryRuleHasAFile() throws {
        let files = try Self.ruleFiles()
        #expect(files.map(\.id).sorted() == RuleRegistry.all.map(\.id))
        for f in files {
            let text = try String(contentsOfFile: "\(Self.rulesDirectory)/\(f.family)/\(f.type).swift", encoding: .utf8)
            #expect(text.contains("public enum \(f.type):"), "\(f.type).swift declares \(f.type)")
            #expect(text.contains("id: \"\(f.id)\""), "\(f.type).swift describes \(f.id)")
        }
    }

    @Test func rulesLiveInTheFolderOfWhatTheyCheck() throws {
        // By what a rule checks: LC108/LC109 are numbered with the deployment rules but check a
        // log4js config alone, so they live with the log4js rules.
        var folder: [String: String] = [:]
        for r in RuleRegistry.inputRules { folder[r.description.id] = "Input" }
        for r in RuleRegistry.log4jsRules { folder[r.description.id] = "Log4js" }
        for r in RuleRegistry.ecosystemRules { folder[r.description.id] = "PM2" }
        for r in RuleRegistry.deploymentRules { folder[r.description.id] = "Deployment" }
        for r in RuleRegistry.deploymentSetRules { folder[r.description.id] = "Deployment" }
        for r in RuleRegistry.clusteredAppRules { folder[r.description.id] = "Deployment" }
        // A command line and the ecosystem file it starts: PM2's rules (LC331 is one already).
        for r in RuleRegistry.ecosystemStartRules { folder[r.description.id] = "PM2" }
        for r in RuleRegistry.otherRules {
            folder[r.description.id] = r.description.family == .input ? "Input" : "Settings"
        }
        for f in try Self.ruleFiles() {
            #expect(folder[f.id] == f.family, "\(f.id) is in Rules/\(f.family)")
        }
    }

    @Test func noRuleTextOutsideTheRules() throws {
        // A finding's words belong to its rule: no other source file reports one.
        let root = repositoryRoot + "/Sources/LogCheckKit"
        let walker = FileManager.default.enumerator(atPath: root)!
        while let p = walker.nextObject() as? String {
            guard p.hasSuffix(".swift"), !p.hasPrefix("Rules/") else { continue }
            let text = try String(contentsOfFile: root + "/" + p, encoding: .utf8)
            for pattern in [".emit(LC", "report(LC", "Diagnostic(rule: LC"] {
                #expect(!text.contains(pattern), "\(p) reports a rule's finding (\(pattern))")
            }
        }
    }
}
