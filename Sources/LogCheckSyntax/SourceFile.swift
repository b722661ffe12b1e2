/// A half-open byte range `[start, end)` into a `SourceFile`'s bytes.
public struct Span: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public static func at(_ offset: Int) -> Span { Span(offset, offset) }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public func union(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(start)..<\(end)" }
}

/// A position for people: 1-based line, 1-based column counted in Unicode scalars.
public struct LineColumn: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: LineColumn, rhs: LineColumn) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The line-ending style a file mostly uses; fixes insert new lines in the same style.
public enum LineEnding: String, Sendable {
    case lf = "\n"
    case crlf = "\r\n"
}

/// The bytes of one input, its display path, and a line table.
///
/// Every position in logcheck is a byte offset into `bytes`. Lines and columns are computed on
/// demand: lines split at LF, CRLF or a lone CR; columns count Unicode scalars, so multi-byte
/// characters, CRLF and a UTF-8 byte order mark never shift them.
public final class SourceFile: @unchecked Sendable {
    /// The path as the user gave it (or as found under a directory they gave).
    public let path: String
    public let bytes: [UInt8]
    /// The line table, about one byte a line (a 43 MB file has 2.7 million lines; four bytes a
    /// line were 11 MB held until the report): the start of every 32nd line, and each line's
    /// length with its line break, up to 254; longer lines are in `longLines`. A line is found
    /// by adding at most 31 lengths, however long the lines are.
    private let blockStarts: [Int32]
    private let lineLengths: [UInt8]
    /// (line, length) of the lines of 255 bytes or more, in line order.
    private let longLines: [(line: Int32, length: Int32)]
    public let lineCount: Int
    static let block = 32
    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    public let bomLength: Int
    /// True when every byte is below 0x80 (then byte offsets equal scalar offsets).
    public let isASCII: Bool
    /// The offset of the first byte that is not valid UTF-8, if any.
    public let invalidUTF8Offset: Int?
    /// The offset of the first NUL byte, if any.
    public let nulOffset: Int?
    public let lineEnding: LineEnding

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        let scan = bytes.withUnsafeBufferPointer { SourceFile.scan($0) }
        self.lineCount = scan.lengths.count
        self.blockStarts = scan.blockStarts
        self.lineLengths = scan.lengths
        self.longLines = scan.longLines
        self.isASCII = scan.ascii
        self.invalidUTF8Offset = scan.invalid
        self.nulOffset = scan.nul
        self.bomLength = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        self.lineEnding = scan.crlf > scan.lf ? .crlf : .lf
    }

    /// What one pass over a file's bytes finds: its line table and its encoding facts.
    private struct Scan {
        var blockStarts: [Int32] = [0]
        var lengths: [UInt8] = []
        var longLines: [(line: Int32, length: Int32)] = []
        var lineStart = 0
        var ascii = true
        var invalid: Int? = nil
        var nul: Int? = nil
        var crlf = 0
        var lf = 0

        /// Records that the next line starts at `next`.
        @inline(__always)
        mutating func newLine(_ next: Int) {
            let length = next - lineStart
            if length < 255 {
                lengths.append(UInt8(length))
            } else {
                lengths.append(255)
                longLines.append((Int32(truncatingIfNeeded: lengths.count - 1), Int32(truncatingIfNeeded: length)))
            }
            if lengths.count % SourceFile.block == 0 { blockStarts.append(Int32(truncatingIfNeeded: next)) }
            lineStart = next
        }
    }

    private static func scan(_ buf: UnsafeBufferPointer<UInt8>) -> Scan {
        var scan = Scan()
        let n = buf.count
        var i = 0
        var stop = 0
        while i < n {
            // Eight bytes at a time while none is a line break, a NUL or beyond ASCII; a word
            // with one of those goes byte by byte (a sequence may run past its end).
            if i >= stop {
                if i + 8 <= n
                    && SourceFile.isPlainASCII(UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self))
                {
                    i += 8
                    continue
                }
                stop = i + 8
            }
            let b = buf[i]
            if b < 0x80 {
                if b == 0x0A {
                    scan.lf += 1
                    scan.newLine(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n && buf[i + 1] == 0x0A {
                        scan.crlf += 1
                        scan.newLine(i + 2)
                        i += 2
                        continue
                    }
                    scan.newLine(i + 1)
                } else if b == 0 && scan.nul == nil {
                    scan.nul = i
                }
                i += 1
                continue
            }
            scan.ascii = false
            let len = SourceFile.validUTF8SequenceLength(buf, i)
            if len == 0 {
                if scan.invalid == nil { scan.invalid = i }
                i += 1
            } else {
                i += len
            }
        }
        scan.lengths.append(UInt8(min(254, n - scan.lineStart)))
        return scan
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Whether none of the eight bytes of `word` is a line break (LF, CR), a NUL or beyond ASCII.
    @inline(__always)
    static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Nonzero exactly when some byte of x is zero.
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & high }
        return (word & high) | zeroByte(word) | zeroByte(word ^ (ones &* 0x0A)) | zeroByte(word ^ (ones &* 0x0D)) == 0
    }

    /// Length of the well-formed UTF-8 sequence starting at `i` (a non-ASCII lead byte), or 0.
    @inline(__always)
    static func validUTF8SequenceLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = buf.count
        let b0 = buf[i]
        func cont(_ k: Int) -> Bool { k < n && buf[k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : 0
        case 0xE0:
            return i + 2 < n && (0xA0...0xBF).contains(buf[i + 1]) && cont(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xED:
            return i + 2 < n && (0x80...0x9F).contains(buf[i + 1]) && cont(i + 2) ? 3 : 0
        case 0xF0:
            return i + 3 < n && (0x90...0xBF).contains(buf[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4:
            return i + 3 < n && (0x80...0x8F).contains(buf[i + 1]) && cont(i + 2) && cont(i + 3) ? 4 : 0
        default:
            return 0
        }
    }

    /// The length of line `index` with its line break (for the last line, not used).
    @inline(__always)
    private func lineLength(_ index: Int) -> Int {
        let short = lineLengths[index]
        if short < 255 { return Int(short) }
        return Int(longLines[longLines.partitionPoint { Int($0.line) < index }].length)
    }

    /// Byte offset of the first byte of a 0-based line.
    public func lineStart(_ index: Int) -> Int {
        precondition(index >= 0 && index < lineCount, "line index out of range")
        let block = index / SourceFile.block
        var start = Int(blockStarts[block])
        var line = block * SourceFile.block
        while line < index {
            start += lineLength(line)
            line += 1
        }
        return start
    }

    /// The 0-based index of the line containing `offset`.
    public func lineIndex(of offset: Int) -> Int { locate(offset).index }

    /// Byte offset of the first byte of the line containing `offset`.
    public func lineStart(containing offset: Int) -> Int { locate(offset).start }

    /// The line containing `offset`: its index and the offset it starts at.
    private func locate(_ offset: Int) -> (index: Int, start: Int) {
        let target = min(max(offset, 0), bytes.count)
        // The last block that starts at or before the target (block 0 starts at 0).
        let block = blockStarts.partitionPoint { Int($0) <= target } - 1
        var index = block * SourceFile.block
        var start = Int(blockStarts[block])
        while index + 1 < lineCount {
            let next = start + lineLength(index)
            if next > target { break }
            start = next
            index += 1
        }
        return (index, start)
    }

    /// Line and column (both 1-based, column in Unicode scalars) of a byte offset.
    public func lineColumn(of offset: Int) -> LineColumn {
        let clamped = min(max(offset, 0), bytes.count)
        let (index, lineStart) = locate(clamped)
        var start = lineStart
        if index == 0 { start = min(bomLength, clamped) }
        return LineColumn(line: index + 1, column: scalarCount(start, clamped) + 1)
    }

    /// The nearest offset at or before `offset` that starts a UTF-8 sequence.
    public func scalarBoundary(atOrBefore offset: Int) -> Int {
        var i = min(max(offset, 0), bytes.count)
        while i > 0 && i < bytes.count && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// Number of Unicode scalars in the byte range.
    public func scalarCount(_ from: Int, _ to: Int) -> Int {
        if isASCII { return to - from }
        var count = 0
        var i = from
        while i < to {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// Byte range of a 0-based line, without its line break.
    public func lineSpan(_ index: Int) -> Span {
        let start = lineStart(index)
        return lineSpan(index, from: start, to: index + 1 < lineCount ? start + lineLength(index) : bytes.count)
    }

    /// Every line's span (as `lineSpan` gives it), in order, in one pass over the line table.
    public func forEachLineSpan(_ body: (_ index: Int, _ span: Span) -> Void) {
        var start = 0
        for index in 0..<lineCount {
            let next = index + 1 < lineCount ? start + lineLength(index) : bytes.count
            body(index, lineSpan(index, from: start, to: next))
            start = next
        }
    }

    /// Line `index`, which runs from `start` to `next` (the next line's start), without its line
    /// break or, on the first line, the byte order mark.
    private func lineSpan(_ index: Int, from start: Int, to next: Int) -> Span {
        let first = index == 0 ? bomLength : start
        var end = next
        if end > first && bytes[end - 1] == 0x0A { end -= 1 }
        if end > first && bytes[end - 1] == 0x0D { end -= 1 }
        return Span(first, max(first, end))
    }

    /// The text of a 0-based line without its line break (invalid UTF-8 is repaired).
    public func lineText(_ index: Int) -> String {
        text(lineSpan(index))
    }

    /// The text of a byte range (invalid UTF-8 is repaired with U+FFFD).
    public func text(_ span: Span) -> String {
        let s = max(0, min(span.start, bytes.count))
        let e = max(s, min(span.end, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// The whitespace that starts the line containing `offset` (spaces and tabs).
    public func indentation(ofLineContaining offset: Int) -> String {
        let span = lineSpan(lineIndex(of: offset))
        var i = span.start
        while i < span.end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        return text(Span(span.start, i))
    }
}
