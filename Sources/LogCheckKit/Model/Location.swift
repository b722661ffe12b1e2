import LogCheckSyntax

/// A place in a file.
public struct Location: Sendable {
    public var file: SourceFile
    public var span: Span

    public init(_ file: SourceFile, _ span: Span) {
        self.file = file
        self.span = span
    }

    public init(_ node: Node) {
        self.file = node.source
        self.span = node.span
    }

    public var start: LineColumn { file.lineColumn(of: span.start) }
    public var end: LineColumn { file.lineColumn(of: span.end) }
}

public struct RelatedLocation: Sendable {
    public var location: Location
    public var message: String

    public init(_ location: Location, _ message: String) {
        self.location = location
        self.message = message
    }
}
