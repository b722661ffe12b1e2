import LogCheckKit
import LogCheckSyntax
import Testing

/// The same checks run on `.config.js`, `.json` and `.yml` ecosystem files and on JSON and YAML
/// log4js configs, with identical findings except positions: every PM2 and deployment example is
/// rewritten into every combination of formats and must get the same rule ids and messages.
@Suite struct FormatEquivalenceTests {
    /// Rules whose findings are about one syntax.
    static let syntaxSpecific: Set<String> = [
        "LC001", "LC002", "LC003", "LC004", "LC005", "LC006", "LC007", "LC010", "LC011", "LC301", "LC302", "LC320",
    ]

    static func containsUnknown(_ n: LogCheckSyntax.Node) -> Bool {
        switch n.kind {
        case .unknown: return true
        case .scalar: return n.isUndefined
        case .mapping: return n.hasUnknownEntries || n.entries.contains { containsUnknown($0.value) }
        case .sequence: return n.elements.contains(where: containsUnknown)
        }
    }

    static func rewrite(_ root: LogCheckSyntax.Node, as format: String, base: String) -> SourceFile {
        switch format {
        case "js": return SourceFile(path: base + ".config.js", text: "module.exports = " + JSONWriter.write(root))
        case "json": return SourceFile(path: base + ".json", text: JSONWriter.write(root))
        default: return SourceFile(path: base + ".yml", text: YAMLWriter.write(root))
        }
    }

    static func findings(_ sources: [SourceFile], settings: String?) -> [String] {
        check(sources, settings: settings)
            .filter { !syntaxSpecific.contains($0.rule.id) }
            .map { "\($0.rule.id) \($0.severity.label): \($0.message)" }
            .sorted()
    }

    @Test func pm2AndDeploymentExamplesAgreeAcrossFormats() throws {
        var compared = 0
        for rule in RuleRegistry.all where rule.family == .pm2 || rule.family == .deployment {
            for (index, example) in rule.examples.enumerated() {
                let prepared = PreparedExample(example.files)
                var documents: [(SourceFile, LogCheckSyntax.Node, DocumentKind)] = []
                var convertible = true
                for source in prepared.sources {
                    let doc = DocumentLoader.load(source, input: InputFile(path: source.path))
                    guard let root = doc.root, !doc.read.hasErrors, !Self.containsUnknown(root), doc.kind != .unknown,
                        doc.kind != .launch,
                        doc.module?.style != .esmDefault, doc.module?.style != .esmNamed
                    else {
                        convertible = false
                        break
                    }
                    documents.append((source, root, doc.kind))
                }
                guard convertible, !documents.isEmpty else { continue }
                // A YAML-only spelling (`no` for false) has a message of its own.
                if check(prepared.sources, settings: example.settings).contains(where: {
                    $0.message.contains("js-yaml")
                }) {
                    continue
                }
                let original = Self.findings(prepared.sources, settings: example.settings)
                let ecosystemFormats = documents.contains { $0.2 == .ecosystem } ? ["js", "json", "yml"] : [""]
                let log4jsFormats = documents.contains { $0.2 == .log4js } ? ["json", "yml"] : [""]
                for ef in ecosystemFormats {
                    for lf in log4jsFormats {
                        let rewritten = documents.map { source, root, kind -> SourceFile in
                            kind == .ecosystem
                                ? Self.rewrite(root, as: ef, base: "ecosystem")
                                : Self.rewrite(root, as: lf == "json" ? "json" : "yml", base: "log4js")
                        }
                        let result = Self.findings(rewritten, settings: example.settings)
                        #expect(
                            result == original, "\(rule.id) example \(index) as ecosystem=\(ef) log4js=\(lf) differs")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared >= 100)
    }
}
