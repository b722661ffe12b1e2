// Shared by the reader fuzz targets: walk every node of a tree and check what a reader
// promises (spans inside the file, line/column computable), so a bad tree fails loudly.
import LogCheckSyntax

public enum FuzzSupport {
    public static func exercise(_ result: ReadResult, _ source: SourceFile) {
        for d in result.diagnostics {
            precondition(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= source.bytes.count, "diagnostic span \(d.span) outside the file")
            _ = source.lineColumn(of: d.span.start)
        }
        guard let root = result.root else { return }
        var stack = [root]
        var visited = 0
        while let node = stack.popLast(), visited < 1_000_000 {
            visited += 1
            precondition(node.span.start >= 0 && node.span.start <= node.span.end && node.span.end <= source.bytes.count, "node span \(node.span) outside the file")
            _ = node.scalar
            for entry in node.entries {
                stack.append(entry.keyNode)
                stack.append(entry.value)
            }
            stack.append(contentsOf: node.elements)
            stack.append(contentsOf: node.alternatives)
        }
    }
}
