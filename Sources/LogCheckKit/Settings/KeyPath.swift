import LogCheckSyntax

/// Where a finding sits in its document, independent of line numbers: `apps[0].env.NODE_ENV`.
public enum KeyPath {
    /// The key path of the deepest node (or key) containing `span`, and that node; an empty path
    /// and nil when the span lies outside every tree (a syntax error, say).
    public static func locate(_ span: Span, in roots: [Node]) -> (path: String, node: Node?) {
        for root in roots where contains(root.span, span) {
            var path = ""
            var node = root
            descend: while true {
                switch node.kind {
                case .mapping:
                    for entry in node.entries {
                        let key = entry.key ?? entry.keyNode.sourceText
                        if contains(entry.keyNode.span, span) {
                            return (trimmed(path + component(key)), entry.keyNode)
                        }
                        if contains(entry.value.span, span) {
                            path += component(key)
                            node = entry.value
                            continue descend
                        }
                    }
                case .sequence:
                    for (index, element) in node.elements.enumerated() where contains(element.span, span) {
                        path += "[\(index)]"
                        node = element
                        continue descend
                    }
                default:
                    break
                }
                return (trimmed(path), node)
            }
        }
        return ("", nil)
    }

    static func trimmed(_ path: String) -> String {
        path.hasPrefix(".") ? String(path.dropFirst()) : path
    }

    static func contains(_ outer: Span, _ inner: Span) -> Bool {
        outer.start <= inner.start && inner.end <= outer.end && (outer.start < outer.end || inner.start == inner.end)
    }

    /// `.name` for identifier-like keys, `["some key"]` otherwise.
    static func component(_ key: String) -> String {
        let identifier =
            !key.isEmpty
            && key.utf8.allSatisfy { c in
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
                    || c == 0x2D || c == 0x24
            }
        if identifier { return "." + key }
        var quoted = ""
        JSONValue.writeString(key, into: &quoted)
        return "[" + quoted + "]"
    }
}
