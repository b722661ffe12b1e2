import LogCheckSyntax
import Testing

func source(_ text: String, _ name: String = "test") -> SourceFile {
    SourceFile(path: name, text: text)
}

/// "line:col-line:col" of a span, for compact assertions.
func where_(_ span: Span, in file: SourceFile) -> String {
    let s = file.lineColumn(of: span.start)
    let e = file.lineColumn(of: span.end)
    return "\(s.line):\(s.column)-\(e.line):\(e.column)"
}

func where_(_ node: Node?) -> String {
    guard let node else { return "nil" }
    return where_(node.span, in: node.source)
}

/// The source text a node's span covers.
func covered(_ node: Node?) -> String? { node?.sourceText }

/// A compact rendering of a tree for whole-value assertions.
func render(_ node: Node?) -> String {
    guard let n = node else { return "nil" }
    switch n.kind {
    case .scalar:
        switch n.scalar! {
        case .string(let s): return "\"\(s)\""
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .undefined: return "undefined"
        }
    case .unknown: return "?\(n.unknownKind!)(\(n.sourceText))"
    case .sequence: return "[" + n.elements.map { render($0) }.joined(separator: ",") + "]"
    case .mapping:
        return "{" + n.entries.map { "\($0.key ?? "?"):\(render($0.value))" }.joined(separator: ",")
            + (n.hasUnknownEntries ? ",…" : "") + "}"
    }
}

/// "code@line:col-line:col: message" for each diagnostic.
func diags(_ r: ReadResult, _ file: SourceFile) -> [String] {
    r.diagnostics.map { "\($0.code.rawValue)@\(where_($0.span, in: file)): \($0.message)" }
}
