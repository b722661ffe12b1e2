import LogCheckSyntax

/// `--format json`: a stable contract for other tools.
///
///     {"version": 1, "diagnostics": [...], "summary": {"files", "errors", "warnings", "infos", "baselined"}}
///
/// Lines and columns are 1-based; columns count Unicode scalars; `endLine`/`endColumn` point just
/// past the span. Fix edits are byte ranges (`offset`, `length`) into the file as it was read.
public struct JSONReporter: Reporter {
    public init() {}

    public static let version = 1

    public func render(_ report: Report) -> String {
        let doc = JSONValue.object([
            ("version", .int(JSONReporter.version)),
            ("diagnostics", .array(report.diagnostics.map(JSONReporter.encode))),
            (
                "summary",
                .object([
                    ("files", .int(report.fileCount)),
                    ("errors", .int(report.count(.error))),
                    ("warnings", .int(report.count(.warning))),
                    ("infos", .int(report.count(.info))),
                    ("baselined", .int(report.baselineCount)),
                ])
            ),
        ])
        return doc.serialized() + "\n"
    }

    static func encode(_ d: Diagnostic) -> JSONValue {
        let start = d.location.start
        let end = d.location.end
        var members: [(String, JSONValue)] = [
            ("rule", .string(d.rule.id)),
            ("name", .string(d.rule.slug)),
            ("severity", .string(d.severity.label)),
            ("message", .string(d.message)),
            ("file", .string(d.file.path)),
            ("line", .int(start.line)),
            ("column", .int(start.column)),
            ("endLine", .int(end.line)),
            ("endColumn", .int(end.column)),
            (
                "related",
                .array(
                    d.related.map { r in
                        let s = r.location.start
                        let e = r.location.end
                        return .object([
                            ("file", .string(r.location.file.path)),
                            ("line", .int(s.line)),
                            ("column", .int(s.column)),
                            ("endLine", .int(e.line)),
                            ("endColumn", .int(e.column)),
                            ("message", .string(r.message)),
                        ])
                    })
            ),
            ("notes", .array(d.notes.map { .string($0) })),
            ("help", d.help.map { .string($0) } ?? .null),
            (
                "fixes",
                .array(
                    d.fixes.map { f in
                        .object([
                            ("title", .string(f.title)),
                            ("applicability", .string(f.applicability.rawValue)),
                            (
                                "edits",
                                .array(
                                    f.edits.map { e in
                                        .object([
                                            ("file", .string(e.file.path)),
                                            ("offset", .int(e.span.start)),
                                            ("length", .int(e.span.length)),
                                            ("replacement", .string(e.replacement)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ]
        members.append(("environment", d.environment.map { .string($0) } ?? .null))
        return .object(members)
    }
}
