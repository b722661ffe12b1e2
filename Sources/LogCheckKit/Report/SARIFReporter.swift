/// `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
///
/// `tool.driver.rules[]` describes every rule (from the same descriptions as `logcheck explain`);
/// columns count Unicode code points (`columnKind: unicodeCodePoints`), as logcheck's do; fixes are
/// byte-range replacements.
public struct SARIFReporter: Reporter {
    public init() {}

    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    static let informationURI = "https://github.com/logcheck/logcheck"

    public func render(_ report: Report) -> String {
        let rules = RuleRegistry.all
        var index: [String: Int] = [:]
        for (k, r) in rules.enumerated() { index[r.id] = k }
        let doc = JSONValue.object([
            ("$schema", .string(SARIFReporter.schema)),
            ("version", .string("2.1.0")),
            (
                "runs",
                .array([
                    .object([
                        (
                            "tool",
                            .object([
                                (
                                    "driver",
                                    .object([
                                        ("name", .string("logcheck")),
                                        ("version", .string(LogCheck.version)),
                                        ("semanticVersion", .string(LogCheck.version)),
                                        ("informationUri", .string(SARIFReporter.informationURI)),
                                        ("rules", .array(rules.map(rule))),
                                    ])
                                )
                            ])
                        ),
                        ("columnKind", .string("unicodeCodePoints")),
                        ("results", .array(report.diagnostics.map { result($0, ruleIndex: index[$0.rule.id] ?? 0) })),
                    ])
                ])
            ),
        ])
        return doc.serialized() + "\n"
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    func rule(_ r: RuleDescription) -> JSONValue {
        .object([
            ("id", .string(r.id)),
            ("name", .string(r.slug)),
            ("shortDescription", .object([("text", .string(r.summary))])),
            ("fullDescription", .object([("text", .string(RuleDocs.plain(r.rationale)))])),
            // An opt-in rule is off unless .logcheck.yml selects it (SARIF 2.1.0 §3.50.3).
            (
                "defaultConfiguration",
                .object(
                    [("level", .string(SARIFReporter.level(r.severity)))]
                        + (r.defaultEnabled ? [] : [("enabled", .bool(false))]))
            ),
            (
                "help",
                .object([
                    ("text", .string(RuleDocs.plain(r.summary + "\n\n" + r.rationale))),
                    ("markdown", .string(RuleDocs.page(r))),
                ])
            ),
            (
                "properties",
                .object([
                    ("tags", .array([.string(r.family.rawValue)] + r.references.map { .string($0) }))
                ])
            ),
        ])
    }

    func location(_ loc: Location) -> JSONValue {
        let s = loc.start
        let e = loc.end
        return .object([
            ("artifactLocation", .object([("uri", .string(SARIFReporter.uri(loc.file.path)))])),
            (
                "region",
                .object([
                    ("startLine", .int(s.line)),
                    ("startColumn", .int(s.column)),
                    ("endLine", .int(e.line)),
                    ("endColumn", .int(e.column)),
                    ("byteOffset", .int(loc.span.start)),
                    ("byteLength", .int(loc.span.length)),
                ])
            ),
        ])
    }

    func result(_ d: Diagnostic, ruleIndex: Int) -> JSONValue {
        var text = d.message
        if let help = d.help { text += "\nhelp: " + help }
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(d.rule.id)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(SARIFReporter.level(d.severity))),
            ("message", .object([("text", .string(text))])),
            ("locations", .array([.object([("physicalLocation", location(d.location))])])),
        ]
        if !d.related.isEmpty {
            members.append(
                (
                    "relatedLocations",
                    .array(
                        d.related.enumerated().map { k, r in
                            .object([
                                ("id", .int(k + 1)),
                                ("physicalLocation", location(r.location)),
                                ("message", .object([("text", .string(r.message))])),
                            ])
                        })
                ))
        }
        if !d.fixes.isEmpty {
            members.append(
                (
                    "fixes",
                    .array(
                        d.fixes.map { f in
                            var byFile: [(String, [TextEdit])] = []
                            for e in f.edits {
                                if let k = byFile.firstIndex(where: { $0.0 == e.file.path }) {
                                    byFile[k].1.append(e)
                                } else {
                                    byFile.append((e.file.path, [e]))
                                }
                            }
                            return .object([
                                (
                                    "description",
                                    .object([("text", .string("\(f.title) (\(f.applicability.rawValue))"))])
                                ),
                                (
                                    "artifactChanges",
                                    .array(
                                        byFile.map { path, edits in
                                            .object([
                                                (
                                                    "artifactLocation",
                                                    .object([("uri", .string(SARIFReporter.uri(path)))])
                                                ),
                                                (
                                                    "replacements",
                                                    .array(
                                                        edits.map { e in
                                                            .object([
                                                                (
                                                                    "deletedRegion",
                                                                    .object([
                                                                        ("byteOffset", .int(e.span.start)),
                                                                        ("byteLength", .int(e.span.length)),
                                                                    ])
                                                                ),
                                                                (
                                                                    "insertedContent",
                                                                    .object([("text", .string(e.replacement))])
                                                                ),
                                                            ])
                                                        })
                                                ),
                                            ])
                                        })
                                ),
                            ])
                        })
                ))
        }
        return .object(members)
    }

    static func uri(_ path: String) -> String { Path.uri(path) }
}
