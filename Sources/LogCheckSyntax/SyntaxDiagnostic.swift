/// What a reader found wrong with its input. The checker maps each code to a documented rule.
public enum SyntaxCode: String, Sendable, CaseIterable {
    /// Bytes that are not UTF-8, a NUL byte, a UTF-16 file.
    case encoding
    /// YAML that js-yaml would reject (libyaml's scanner or parser error, unknown tag...).
    case yamlSyntax
    /// A `.json` file that JSON.parse would reject.
    case jsonSyntax
    /// JavaScript the literal reader cannot parse (PM2 would report "File ... malformated").
    case scriptSyntax
    /// The same key twice in one mapping.
    case duplicateKey
    /// More than one YAML document in a file.
    case multipleDocuments
    /// Nesting deeper than the reader's bound.
    case tooDeep
    /// YAML aliases expanding to more nodes than the reader's bound.
    case aliasExpansion
    /// A file above the size limit.
    case tooLarge
    /// A file with nothing in it.
    case empty
    /// Shell text sh would reject: an unterminated quote, `$(`, `${` or backquote, an
    /// unmatched `)`, a redirection without its target; a here-document the text ends inside.
    case shellSyntax
    /// A Dockerfile line Docker would reject or read otherwise: an unknown `escape` directive,
    /// an instruction without arguments, a here-document without its end line.
    case dockerfileSyntax
    /// A Procfile line that is not `name: command`.
    case procfileSyntax
    /// A systemd unit line systemd would reject or ignore: a `Exec…=` command with an
    /// unterminated quote, or a continuation at the end of the file.
    case systemdSyntax
    /// A compose `command` or `entrypoint` that compose reads otherwise than it looks: a string
    /// cut at `;`, `&`, `|`, `<` or `>` (compose splits it into words, it runs no shell), a string
    /// compose rejects (an unterminated quote), a value that is neither a string nor a list of
    /// strings.
    case composeCommand
    /// A launch file whose shape is not what it should be: package.json `scripts` that is not an
    /// object, a script that is not a string.
    case launchShape
}

public enum SyntaxSeverity: UInt8, Sendable, Comparable {
    case info
    case warning
    case error

    public static func < (a: SyntaxSeverity, b: SyntaxSeverity) -> Bool { a.rawValue < b.rawValue }
}

public struct SyntaxDiagnostic: Sendable, CustomStringConvertible {
    public var code: SyntaxCode
    public var severity: SyntaxSeverity
    public var message: String
    public var span: Span
    public var related: [(span: Span, message: String)]
    public var notes: [String]

    public init(
        _ code: SyntaxCode, _ severity: SyntaxSeverity, _ message: String, at span: Span,
        related: [(span: Span, message: String)] = [], notes: [String] = []
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
        self.related = related
        self.notes = notes
    }

    public var description: String { "\(severity) \(code.rawValue) \(span): \(message)" }
}

/// What every reader returns: a tree (absent when the input could not be read at all) and
/// diagnostics. Readers never throw.
public struct ReadResult: Sendable {
    public var tree: SyntaxTree?
    public var diagnostics: [SyntaxDiagnostic]

    public init(tree: SyntaxTree?, diagnostics: [SyntaxDiagnostic]) {
        self.tree = tree
        self.diagnostics = diagnostics
    }

    public var root: Node? { tree?.root }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Limits shared by every reader.
public enum ReaderLimits {
    /// Deepest nesting of mappings and sequences a reader accepts.
    public static let maxDepth = 100
    /// Most nodes YAML alias expansion may produce, in total, per file.
    public static let maxExpandedNodes = 1_000_000
    /// …and over this many times the nodes the file writes (a big file without aliases is no bomb).
    public static let aliasExpansionRatio = 10
}

/// Checks that apply to every input before a reader sees it: encoding and NUL bytes.
public enum EncodingCheck {
    public static func diagnose(_ source: SourceFile) -> SyntaxDiagnostic? {
        let b = source.bytes
        if b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) {
            return SyntaxDiagnostic(
                .encoding, .error,
                "the file is UTF-16 (it starts with a UTF-16 byte order mark); PM2 and log4js read config files as UTF-8, so they would see garbage",
                at: Span(0, 2), notes: ["save the file as UTF-8"])
        }
        if let bad = source.invalidUTF8Offset {
            return SyntaxDiagnostic(
                .encoding, .error,
                "the file is not valid UTF-8 (byte 0x\(hex(b[bad])) at offset \(bad)); Node would decode it with replacement characters",
                at: Span(bad, bad + 1), notes: ["save the file as UTF-8; a binary file cannot be a config"])
        }
        if let nul = source.nulOffset {
            return SyntaxDiagnostic(
                .encoding, .error,
                "the file contains a NUL byte at offset \(nul); it looks like a binary file, not a config",
                at: Span(nul, nul + 1))
        }
        return nil
    }

    static func hex(_ v: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(v >> 4)], digits[Int(v & 15)]])
    }
}
