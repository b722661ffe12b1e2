/// Builds a tree over a file from values that are not written in its own syntax: the app a PM2
/// command line defines, whose keys are the options (`-i`) and whose values are their words.
/// Every node keeps the span of the text it comes from, so findings point into the file.
public struct TreeWriter {
    /// A node of the tree being written.
    public struct Ref: Sendable {
        let id: Int32
    }

    private var builder: TreeBuilder

    public init(source: SourceFile) {
        builder = TreeBuilder(source: source, dialect: .commandLine)
    }

    public mutating func string(_ value: String, span: Span) -> Ref {
        Ref(id: builder.scalar(.string, style: .doubleQuoted, span: span, string: value))
    }

    public mutating func number(_ value: Double, span: Span) -> Ref {
        Ref(id: builder.scalar(.number, style: .plain, span: span, string: value.javaScriptDescription, number: value))
    }

    public mutating func bool(_ value: Bool, span: Span) -> Ref {
        Ref(
            id: builder.scalar(
                .bool, style: .plain, span: span, string: value ? "true" : "false", number: value ? 1 : 0))
    }

    /// A value known only at run time (`$INSTANCES`).
    public mutating func unknown(span: Span, detail: String? = nil) -> Ref {
        Ref(id: builder.unknown(detail == nil ? .expression : .environment, span: span, detail: detail))
    }

    /// A mapping of `entries` in order; each key is written at `keySpan` (the option's word).
    public mutating func mapping(_ entries: [(key: String, keySpan: Span, value: Ref)], span: Span) -> Ref {
        var raw: [RawEntry] = []
        raw.reserveCapacity(entries.count)
        for e in entries {
            let key = builder.scalar(.string, style: .doubleQuoted, span: e.keySpan, string: e.key)
            let value = builder.raw(e.value.id)
            raw.append(
                RawEntry(
                    key: key, value: e.value.id, start: Int32(min(e.keySpan.start, Int(value.start))),
                    end: Int32(max(e.keySpan.end, Int(value.end)))))
        }
        return Ref(id: builder.mapping(style: .flow, span: span, entries: raw[...]))
    }

    public mutating func sequence(_ items: [Ref], span: Span) -> Ref {
        Ref(id: builder.sequence(style: .flow, span: span, children: items.map(\.id)[...]))
    }

    /// The finished tree, rooted at `root`.
    public mutating func finish(root: Ref?) -> SyntaxTree {
        builder.finish(root: root?.id)
    }
}

extension Double {
    /// The number as JavaScript prints it, for integral values without a fraction.
    fileprivate var javaScriptDescription: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
