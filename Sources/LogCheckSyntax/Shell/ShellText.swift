/// Shell source taken from a file: its bytes and, for each byte, where it is written in the file.
///
/// Most shell text is a range of the file verbatim (a shell script, a Procfile line). Other text
/// is decoded first: a JSON string with escapes (`\"` is one byte written as two), a YAML scalar
/// (quotes, folded lines), Dockerfile lines joined at their continuations. Each byte then keeps
/// the source range it came from, so a word's span is exact in the file whatever the decoding.
public struct ShellText: Sendable {
    /// The text the shell reads.
    public private(set) var bytes: [UInt8]
    /// For each byte, the source offset it starts at and the one its source ends at; nil while
    /// the text is the source range `base ..< base + bytes.count` verbatim.
    private var starts: [Int32]?
    private var ends: [Int32]?
    private var base: Int
    /// The source offset just after the text (where an empty span at its end points).
    public private(set) var endOffset: Int

    /// The bytes of `span` in `source`, verbatim (clamped to the file).
    public init(source: SourceFile, span: Span) {
        let s = max(0, min(span.start, source.bytes.count))
        let e = max(s, min(span.end, source.bytes.count))
        self.bytes = Array(source.bytes[s..<e])
        self.base = s
        self.endOffset = e
    }

    /// Empty text at source offset `offset`; `append` adds to it.
    public init(at offset: Int) {
        self.bytes = []
        self.base = offset
        self.endOffset = offset
    }

    public var count: Int { bytes.count }
    public var isEmpty: Bool { bytes.isEmpty }

    /// The source offset byte `i` starts at; for `i == count`, `endOffset`.
    public func start(_ i: Int) -> Int {
        if i >= bytes.count { return endOffset }
        if let starts { return Int(starts[i]) }
        return base + i
    }

    /// The source offset just after byte `i`.
    public func end(_ i: Int) -> Int {
        if i >= bytes.count { return endOffset }
        if let ends { return Int(ends[i]) }
        return base + i + 1
    }

    /// The source span of the bytes `range` (an empty range: an empty span where it is).
    public func span(_ range: Range<Int>) -> Span {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        if lower == upper { return Span.at(start(lower)) }
        return Span(start(lower), end(upper - 1))
    }

    /// The source span of the whole text.
    public var span: Span { bytes.isEmpty ? Span.at(endOffset) : Span(start(0), endOffset) }

    /// Adds one byte written at `start ..< end` in the source.
    public mutating func append(_ byte: UInt8, start: Int, end: Int) {
        if starts == nil {
            if start == base + bytes.count && end == start + 1 {
                bytes.append(byte)
                endOffset = end
                return
            }
            materialize()
        }
        bytes.append(byte)
        starts!.append(Int32(truncatingIfNeeded: start))
        ends!.append(Int32(truncatingIfNeeded: end))
        endOffset = end
    }

    /// Adds bytes `range` of `other`, keeping where they are written.
    public mutating func append(_ other: ShellText, _ range: Range<Int>) {
        let lower = max(0, min(range.lowerBound, other.count))
        let upper = max(lower, min(range.upperBound, other.count))
        var i = lower
        while i < upper {
            append(other.bytes[i], start: other.start(i), end: other.end(i))
            i += 1
        }
    }

    /// Adds the whole of `other`.
    public mutating func append(_ other: ShellText) { append(other, 0..<other.count) }

    /// Bytes `range` of this text, keeping where they are written.
    public func slice(_ range: Range<Int>) -> ShellText {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        var t = ShellText(at: start(lower))
        if starts == nil {
            t.bytes = Array(bytes[lower..<upper])
            t.endOffset = upper == lower ? start(lower) : end(upper - 1)
            return t
        }
        t.append(self, lower..<upper)
        if upper == lower { t.endOffset = start(lower) }
        return t
    }

    /// Bytes decoded from this text: `values[k]` is written at text indices `from[k] ..< to[k]`
    /// (an escape `\$` is one byte written as two). An empty result sits at source offset `end`.
    func picking(_ values: [UInt8], from: [Int32], to: [Int32], endingAt end: Int) -> ShellText {
        let n = min(values.count, from.count, to.count)
        var t = ShellText(at: n == 0 ? end : start(Int(from[0])))
        var k = 0
        while k < n {
            let lower = Int(from[k])
            let upper = max(lower + 1, Int(to[k]))
            t.append(values[k], start: start(lower), end: self.end(upper - 1))
            k += 1
        }
        if n == 0 { t.endOffset = end }
        return t
    }

    private mutating func materialize() {
        var s = [Int32]()
        var e = [Int32]()
        s.reserveCapacity(bytes.count + 16)
        e.reserveCapacity(bytes.count + 16)
        for i in 0..<bytes.count {
            s.append(Int32(truncatingIfNeeded: base + i))
            e.append(Int32(truncatingIfNeeded: base + i + 1))
        }
        starts = s
        ends = e
    }

    /// The text as a String (invalid UTF-8 repaired).
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

// MARK: decoded text

extension ShellText {
    /// A JSON string literal decoded: `literal` starts at the opening quote. Each decoded byte
    /// maps to the source of the character or escape it comes from (`\"` → the two bytes,
    /// `\u00e9` → the six). Returns the decoded text and the index just after the closing quote,
    /// or nil when the literal is not a valid JSON string (a bad escape, a raw control
    /// character, no closing quote).
    public static func decodingJSONString(_ literal: ShellText, from first: Int = 0) -> (
        text: ShellText, end: Int
    )? {
        let b = literal.bytes
        guard first < b.count, b[first] == UInt8(ascii: "\"") else { return nil }
        var out = ShellText(at: literal.end(first))
        var i = first + 1
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                out.endOffset = literal.start(i)
                return (out, i + 1)
            }
            if c < 0x20 { return nil }
            if c != UInt8(ascii: "\\") {
                out.append(c, start: literal.start(i), end: literal.end(i))
                i += 1
                continue
            }
            guard i + 1 < b.count else { return nil }
            let escStart = literal.start(i)
            var decoded: [UInt8]
            var next = i + 2
            switch b[i + 1] {
            case UInt8(ascii: "\""): decoded = [0x22]
            case UInt8(ascii: "\\"): decoded = [0x5C]
            case UInt8(ascii: "/"): decoded = [0x2F]
            case UInt8(ascii: "b"): decoded = [0x08]
            case UInt8(ascii: "f"): decoded = [0x0C]
            case UInt8(ascii: "n"): decoded = [0x0A]
            case UInt8(ascii: "r"): decoded = [0x0D]
            case UInt8(ascii: "t"): decoded = [0x09]
            case UInt8(ascii: "u"):
                guard let unit = hex4(b, i + 2) else { return nil }
                next = i + 6
                var scalar: UInt32 = 0xFFFD
                if unit >= 0xD800 && unit < 0xDC00 {
                    if next + 1 < b.count && b[next] == UInt8(ascii: "\\") && b[next + 1] == UInt8(ascii: "u"),
                        let low = hex4(b, next + 2), low >= 0xDC00 && low < 0xE000
                    {
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        next += 6
                    }
                } else if unit < 0xDC00 || unit >= 0xE000 {
                    scalar = unit
                }
                decoded = Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default:
                return nil
            }
            let escEnd = literal.end(next - 1)
            for d in decoded { out.append(d, start: escStart, end: escEnd) }
            i = next
        }
        return nil
    }

    private static func hex4(_ b: [UInt8], _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<at + 4 {
            let c = b[k]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// A string scalar of a JSON or YAML tree, each byte mapped to the source it is written at.
    ///
    /// JSON strings are decoded again from their source (exact for every escape). For YAML, the
    /// value libyaml decoded is aligned with the source from the scalar's first content byte:
    /// a byte equal to the next source byte is that byte; an escape of a double-quoted scalar
    /// (`\n`, `\x41`, `\u00e9`, an escaped line break) and a doubled quote of a single-quoted one
    /// map to the whole escape; a line break folded into a space, and indentation removed from
    /// a block scalar, are skipped in the source (a folded space maps to the line break). Nil
    /// when the node is not a string.
    public static func scalar(_ node: Node) -> ShellText? {
        guard let value = node.string else { return nil }
        let source = node.source
        let span = node.span
        if node.dialect == .json {
            guard let (t, _) = decodingJSONString(ShellText(source: source, span: span)) else { return nil }
            return t
        }
        let b = source.bytes
        let end = min(span.end, b.count)
        var cur = max(0, min(span.start, end))
        let style = node.scalarStyle
        switch style {
        case .singleQuoted, .doubleQuoted:
            cur += 1
        case .literal, .folded:
            // The header line (`|`, `>-`, `|2`, a comment) ends at the first line break.
            while cur < end && b[cur] != 0x0A && b[cur] != 0x0D { cur += 1 }
        default:
            break
        }
        let contentEnd = style == .singleQuoted || style == .doubleQuoted ? max(cur, end - 1) : end
        let decoded = Array(value.utf8)
        var out = ShellText(at: cur)
        var k = 0
        while k < decoded.count {
            let d = decoded[k]
            if cur >= contentEnd {
                out.append(d, start: contentEnd, end: contentEnd)
                k += 1
                continue
            }
            let s = b[cur]
            if style == .doubleQuoted && s == UInt8(ascii: "\\") {
                let (length, produced) = yamlEscape(b, cur, contentEnd)
                let escEnd = min(cur + length, contentEnd)
                if produced == 0 {
                    // An escaped line break: the break and the next line's indentation vanish.
                    cur = escEnd
                    while cur < contentEnd && (b[cur] == 0x20 || b[cur] == 0x09) { cur += 1 }
                    continue
                }
                var n = 0
                while n < produced && k < decoded.count {
                    out.append(decoded[k], start: cur, end: escEnd)
                    k += 1
                    n += 1
                }
                cur = escEnd
                continue
            }
            if style == .singleQuoted && s == UInt8(ascii: "'") && cur + 1 < contentEnd && b[cur + 1] == s
                && d == s
            {
                out.append(d, start: cur, end: cur + 2)
                cur += 2
                k += 1
                continue
            }
            if s == d {
                out.append(d, start: cur, end: cur + 1)
                cur += 1
                k += 1
                continue
            }
            if s == 0x20 || s == 0x09 || s == 0x0A || s == 0x0D {
                let skipStart = cur
                while cur < contentEnd && (b[cur] == 0x20 || b[cur] == 0x09 || b[cur] == 0x0A || b[cur] == 0x0D)
                    && b[cur] != d
                {
                    cur += 1
                }
                if cur < contentEnd && b[cur] == d {
                    out.append(d, start: cur, end: cur + 1)
                    cur += 1
                } else {
                    out.append(d, start: skipStart, end: skipStart + 1)
                }
                k += 1
                continue
            }
            // A byte the source does not show here (a comment in a block scalar header, a
            // character libyaml normalised): it maps to where the reading is.
            out.append(d, start: cur, end: cur + 1)
            k += 1
        }
        out.endOffset = max(out.endOffset, min(cur, contentEnd))
        return out
    }

    /// The length of the YAML double-quoted escape at `i` and how many UTF-8 bytes it stands for
    /// (0 for an escaped line break).
    private static func yamlEscape(_ b: [UInt8], _ i: Int, _ end: Int) -> (length: Int, produced: Int) {
        guard i + 1 < end else { return (1, 1) }
        func hexScalarLength(_ digits: Int) -> (Int, Int) {
            var v: UInt32 = 0
            var k = i + 2
            while k < i + 2 + digits && k < end {
                let c = b[k]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: return (k - i, 1)
                }
                v = v << 4 | d
                k += 1
            }
            let n = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            return (2 + digits, n)
        }
        switch b[i + 1] {
        case 0x0A: return (2, 0)
        case 0x0D: return (i + 2 < end && b[i + 2] == 0x0A ? 3 : 2, 0)
        case UInt8(ascii: "x"): return hexScalarLength(2)
        case UInt8(ascii: "u"): return hexScalarLength(4)
        case UInt8(ascii: "U"): return hexScalarLength(8)
        case UInt8(ascii: "N"), UInt8(ascii: "_"): return (2, 2)
        case UInt8(ascii: "L"), UInt8(ascii: "P"): return (2, 3)
        default: return (2, 1)
        }
    }
}
