import LogCheckSyntax

/// Applies text edits to the original bytes of one file.
public enum FixApplier {
    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        /// Fixes applied, in the order given.
        public var applied: [Fix]
        /// Their positions in the list given.
        public var appliedIndices: [Int]
        /// Fixes left for a later pass because an edit overlapped one already taken.
        public var deferred: [Fix]
    }

    /// Applies whole fixes (all of a fix's edits in `file`, or none) in order, skipping any fix
    /// whose edits touch a range another taken fix already edits. Edits of other files are ignored.
    public static func apply(_ fixes: [Fix], to file: SourceFile) -> Outcome {
        var taken: [TextEdit] = []
        var applied: [Fix] = []
        var appliedIndices: [Int] = []
        var deferred: [Fix] = []
        for (index, fix) in fixes.enumerated() {
            let edits = fix.edits.filter { $0.file === file }
            if edits.isEmpty { continue }
            let clash = edits.contains { e in
                taken.contains { conflict($0.span, e.span) }
                    || edits.contains { other in other.span != e.span && conflict(other.span, e.span) }
            }
            if clash {
                deferred.append(fix)
                continue
            }
            taken.append(contentsOf: edits)
            applied.append(fix)
            appliedIndices.append(index)
        }
        taken.sort { $0.span.start != $1.span.start ? $0.span.start > $1.span.start : $0.span.end > $1.span.end }
        var bytes = file.bytes
        for e in taken {
            bytes.replaceSubrange(e.span.start..<e.span.end, with: Array(e.replacement.utf8))
        }
        return Outcome(bytes: bytes, applied: applied, appliedIndices: appliedIndices, deferred: deferred)
    }

    /// Two edits conflict when their ranges overlap, or both insert at the same point.
    static func conflict(_ a: Span, _ b: Span) -> Bool {
        if a.overlaps(b) { return true }
        if a.isEmpty && b.isEmpty { return a.start == b.start }
        if a.isEmpty { return a.start > b.start && a.start < b.end }
        if b.isEmpty { return b.start > a.start && b.start < a.end }
        return false
    }
}
