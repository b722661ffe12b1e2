/// A strict JSON (RFC 8259) reader with exact spans, for files that are read with `JSON.parse`
/// (log4js config files).
///
/// Comments, trailing commas, a byte order mark, single-quoted strings and unquoted keys are
/// errors, each at its exact position, but the reader recovers from them so the rest of the
/// file can still be checked. Any other syntax error ends the reading (no tree).
public enum JSONReader {
    public static func read(_ source: SourceFile) -> ReadResult {
        if let d = EncodingCheck.diagnose(source) { return ReadResult(tree: nil, diagnostics: [d]) }
        return source.bytes.withUnsafeBufferPointer { buf in
            var p = JSONParser(buf: buf, builder: TreeBuilder(source: source, dialect: .json))
            return p.run()
        }
    }
}

private struct JSONFailure: Error {}

private struct JSONParser {
    let buf: UnsafeBufferPointer<UInt8>
    var builder: TreeBuilder
    var pos = 0
    var depth = 0
    var diagnostics: [SyntaxDiagnostic] = []
    var entryStack: [RawEntry] = []
    var childStack: [Int32] = []
    var scratch: [UInt8] = []

    init(buf: UnsafeBufferPointer<UInt8>, builder: TreeBuilder) {
        self.buf = buf
        self.builder = builder
    }

    mutating func run() -> ReadResult {
        if buf.count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF {
            error(
                "the file starts with a UTF-8 byte order mark; JSON.parse does not skip it and fails with \"Unexpected token\"",
                Span(0, 3), note: "save the file as UTF-8 without a BOM")
            pos = 3
        }
        do {
            try skipSpace()
            if pos >= buf.count {
                diagnostics.append(
                    SyntaxDiagnostic(
                        .empty, .error, "the file is empty; JSON.parse fails with \"Unexpected end of JSON input\"",
                        at: Span(0, buf.count)))
                return ReadResult(tree: nil, diagnostics: diagnostics)
            }
            let root = try value()
            try skipSpace()
            if pos < buf.count {
                throw fail(
                    "unexpected \(describe(pos)) after the end of the JSON value; JSON.parse fails with \"Unexpected non-whitespace character after JSON\"",
                    Span(pos, pos + 1))
            }
            return ReadResult(tree: builder.finish(root: root), diagnostics: diagnostics)
        } catch {
            return ReadResult(tree: nil, diagnostics: diagnostics)
        }
    }

    // MARK: diagnostics

    mutating func error(_ message: String, _ span: Span, note: String? = nil) {
        diagnostics.append(SyntaxDiagnostic(.jsonSyntax, .error, message, at: span, notes: note.map { [$0] } ?? []))
    }

    mutating func fail(_ message: String, _ span: Span) -> JSONFailure {
        error(message, span)
        return JSONFailure()
    }

    func describe(_ i: Int) -> String {
        guard i < buf.count else { return "end of file" }
        let b = buf[i]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "character"
    }

    // MARK: whitespace and comments

    mutating func skipSpace() throws {
        while pos < buf.count {
            let b = buf[pos]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                pos += 1
            } else if b == UInt8(ascii: "/") && pos + 1 < buf.count
                && (buf[pos + 1] == UInt8(ascii: "/") || buf[pos + 1] == UInt8(ascii: "*"))
            {
                let start = pos
                if buf[pos + 1] == UInt8(ascii: "/") {
                    while pos < buf.count && buf[pos] != 0x0A && buf[pos] != 0x0D { pos += 1 }
                } else {
                    pos += 2
                    var closed = false
                    while pos + 1 < buf.count {
                        if buf[pos] == UInt8(ascii: "*") && buf[pos + 1] == UInt8(ascii: "/") {
                            pos += 2
                            closed = true
                            break
                        }
                        pos += 1
                    }
                    if !closed { throw fail("unterminated /* comment", Span(start, buf.count)) }
                }
                error(
                    "JSON does not allow comments; JSON.parse fails here with \"Unexpected token '/'\"",
                    Span(start, pos),
                    note: "move the explanation into a README, or use a YAML config, which allows # comments")
            } else if b == 0xC2 && pos + 1 < buf.count && buf[pos + 1] == 0xA0 {
                throw fail(
                    "a no-break space (U+00A0) is not JSON whitespace; JSON.parse fails with \"Unexpected token\"",
                    Span(pos, pos + 2))
            } else {
                return
            }
        }
    }

    // MARK: values

    mutating func value() throws -> Int32 {
        guard pos < buf.count else {
            throw fail(
                "unexpected end of file: a value is missing; JSON.parse fails with \"Unexpected end of JSON input\"",
                Span(pos, pos))
        }
        let b = buf[pos]
        switch b {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try string(asKey: false)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        default:
            let start = pos
            while pos < buf.count && isIdentByte(buf[pos]) { pos += 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)
            let span = Span(start, pos)
            switch word {
            case "true": return builder.scalar(.bool, style: .plain, span: span, textSpan: span, number: 1)
            case "false": return builder.scalar(.bool, style: .plain, span: span, textSpan: span, number: 0)
            case "null": return builder.scalar(.null, style: .plain, span: span, textSpan: span)
            case "NaN", "Infinity":
                error("\(word) is not a JSON value; JSON.parse fails here with \"Unexpected token\"", span)
                return builder.scalar(
                    .number, style: .plain, span: span, textSpan: span, number: word == "NaN" ? .nan : .infinity)
            case "":
                pos = start
                throw fail(
                    "unexpected \(describe(start)); a JSON value (object, array, string, number, true, false or null) is expected here",
                    Span(start, min(start + 1, buf.count)))
            default:
                throw fail(
                    "\(word) is not a JSON value; strings need double quotes, and JSON.parse fails here with \"Unexpected token\"",
                    span)
            }
        }
    }

    mutating func enter(_ at: Int) throws {
        depth += 1
        if depth > ReaderLimits.maxDepth {
            diagnostics.append(
                SyntaxDiagnostic(
                    .tooDeep, .error,
                    "nesting is deeper than \(ReaderLimits.maxDepth) levels; logcheck stops reading here (no real config nests this deep)",
                    at: Span(at, at + 1)))
            throw JSONFailure()
        }
    }

    mutating func object() throws -> Int32 {
        let start = pos
        try enter(start)
        pos += 1
        let base = entryStack.count
        defer { entryStack.removeSubrange(base...) }
        try skipSpace()
        var lastComma: Int? = nil
        while true {
            guard pos < buf.count else {
                throw fail(
                    "unterminated object: '}' is missing; JSON.parse fails with \"Unexpected end of JSON input\"",
                    Span(start, start + 1))
            }
            if buf[pos] == UInt8(ascii: "}") {
                if let c = lastComma {
                    error(
                        "trailing comma before '}'; JSON.parse fails here with \"Unexpected token '}'\"",
                        Span(c, c + 1), note: "remove the comma after the last entry")
                }
                pos += 1
                break
            }
            let keyStart = pos
            let key: Int32
            if buf[pos] == UInt8(ascii: "\"") || buf[pos] == UInt8(ascii: "'") {
                key = try string(asKey: true)
            } else if isIdentStart(buf[pos]) {
                while pos < buf.count && isIdentByte(buf[pos]) { pos += 1 }
                let span = Span(keyStart, pos)
                error(
                    "object keys must be double-quoted strings in JSON; JSON.parse fails here with \"Unexpected token\"",
                    span)
                key = builder.scalar(.string, style: .plain, span: span, textSpan: span)
            } else {
                throw fail("expected a double-quoted key or '}', found \(describe(pos))", Span(pos, pos + 1))
            }
            try skipSpace()
            guard pos < buf.count, buf[pos] == UInt8(ascii: ":") else {
                throw fail("expected ':' after the key, found \(describe(pos))", Span(pos, min(pos + 1, buf.count)))
            }
            pos += 1
            try skipSpace()
            let val = try value()
            let valueEnd = Int(builder.raw(val).end)
            entryStack.append(RawEntry(key: key, value: val, start: Int32(keyStart), end: Int32(valueEnd)))
            try skipSpace()
            guard pos < buf.count else {
                throw fail(
                    "unterminated object: '}' is missing; JSON.parse fails with \"Unexpected end of JSON input\"",
                    Span(start, start + 1))
            }
            if buf[pos] == UInt8(ascii: ",") {
                lastComma = pos
                pos += 1
                try skipSpace()
                continue
            }
            if buf[pos] == UInt8(ascii: "}") {
                lastComma = nil
                continue
            }
            throw fail(
                "expected ',' or '}' after an object entry, found \(describe(pos)); is a comma missing?",
                Span(pos, pos + 1))
        }
        depth -= 1
        reportDuplicates(base)
        return builder.mapping(style: .flow, span: Span(start, pos), entries: entryStack[base...])
    }

    mutating func reportDuplicates(_ base: Int) {
        let slice = entryStack[base...]
        guard slice.count > 1 else { return }
        let dups = DuplicateKeys.find(slice, builder)
        for (first, second) in dups {
            let name = builder.keyText(second.key)
            diagnostics.append(
                SyntaxDiagnostic(
                    .duplicateKey, .warning,
                    "key \"\(name)\" appears twice in this object; JSON.parse keeps only the last value",
                    at: Span(Int(builder.raw(second.key).start), Int(builder.raw(second.key).end)),
                    related: [
                        (
                            Span(Int(builder.raw(first.key).start), Int(builder.raw(first.key).end)),
                            "first \"\(name)\" here, ignored"
                        )
                    ]))
        }
    }

    mutating func array() throws -> Int32 {
        let start = pos
        try enter(start)
        pos += 1
        let base = childStack.count
        defer { childStack.removeSubrange(base...) }
        try skipSpace()
        var lastComma: Int? = nil
        while true {
            guard pos < buf.count else {
                throw fail(
                    "unterminated array: ']' is missing; JSON.parse fails with \"Unexpected end of JSON input\"",
                    Span(start, start + 1))
            }
            if buf[pos] == UInt8(ascii: "]") {
                if let c = lastComma {
                    error(
                        "trailing comma before ']'; JSON.parse fails here with \"Unexpected token ']'\"",
                        Span(c, c + 1), note: "remove the comma after the last element")
                }
                pos += 1
                break
            }
            childStack.append(try value())
            try skipSpace()
            guard pos < buf.count else { continue }
            if buf[pos] == UInt8(ascii: ",") {
                lastComma = pos
                pos += 1
                try skipSpace()
                continue
            }
            if buf[pos] == UInt8(ascii: "]") {
                lastComma = nil
                continue
            }
            throw fail(
                "expected ',' or ']' after an array element, found \(describe(pos)); is a comma missing?",
                Span(pos, pos + 1))
        }
        depth -= 1
        return builder.sequence(style: .flow, span: Span(start, pos), children: childStack[base...])
    }

    mutating func string(asKey: Bool) throws -> Int32 {
        let start = pos
        let quote = buf[pos]
        if quote == UInt8(ascii: "'") {
            error(
                "JSON strings need double quotes; JSON.parse fails here with \"Unexpected token '''\"",
                Span(start, start + 1), note: "replace the single quotes with double quotes")
        }
        pos += 1
        let contentStart = pos
        var hasEscape = false
        while pos < buf.count {
            let b = buf[pos]
            if b == quote { break }
            if b == UInt8(ascii: "\\") {
                hasEscape = true
                pos = min(pos + 2, buf.count)
                continue
            }
            if b < 0x20 {
                if b == 0x0A || b == 0x0D {
                    throw fail("unterminated string: a line break before the closing quote", Span(start, pos))
                }
                error(
                    "a control character inside a string must be escaped; JSON.parse fails here with \"Bad control character in string literal\"",
                    Span(pos, pos + 1))
            }
            pos += 1
        }
        guard pos < buf.count else {
            throw fail("unterminated string: the closing quote is missing", Span(start, buf.count))
        }
        let contentEnd = pos
        pos += 1
        let span = Span(start, pos)
        let style: ScalarStyle = quote == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted
        if !hasEscape {
            return builder.scalar(.string, style: style, span: span, textSpan: Span(contentStart, contentEnd))
        }
        scratch.removeAll(keepingCapacity: true)
        var i = contentStart
        while i < contentEnd {
            let b = buf[i]
            guard b == UInt8(ascii: "\\") else {
                scratch.append(b)
                i += 1
                continue
            }
            let escStart = i
            i += 1
            guard i < contentEnd else { break }
            let e = buf[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "'") where quote == UInt8(ascii: "'"): scratch.append(0x27)
            case UInt8(ascii: "u"):
                guard let unit = hex4(i, contentEnd) else {
                    throw fail(
                        "bad \\u escape: four hex digits are expected; JSON.parse fails with \"Bad Unicode escape\"",
                        Span(escStart, min(i + 4, contentEnd)))
                }
                i += 4
                var scalar: UInt32 = unit
                if (0xD800...0xDBFF).contains(unit), i + 1 < contentEnd, buf[i] == UInt8(ascii: "\\"),
                    buf[i + 1] == UInt8(ascii: "u"),
                    let low = hex4(i + 2, contentEnd), (0xDC00...0xDFFF).contains(low)
                {
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                appendScalar(Unicode.Scalar(scalar) ?? "\u{FFFD}")
            default:
                throw fail(
                    "bad escape \\\(Character(Unicode.Scalar(e))) in a JSON string; JSON.parse fails with \"Bad escaped character\"",
                    Span(escStart, i))
            }
        }
        return scratch.withUnsafeBufferPointer { builder.scalar(.string, style: style, span: span, bytes: $0) }
    }

    mutating func appendScalar(_ s: Unicode.Scalar) {
        for unit in UTF8.encode(s)! { scratch.append(unit) }
    }

    func hex4(_ at: Int, _ limit: Int) -> UInt32? {
        guard at + 4 <= limit else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            guard let d = hexValue(buf[at + k]) else { return nil }
            v = v << 4 | d
        }
        return v
    }

    mutating func number() throws -> Int32 {
        let start = pos
        var strict = true
        if buf[pos] == UInt8(ascii: "+") {
            strict = false
            pos += 1
        }
        if pos < buf.count && buf[pos] == UInt8(ascii: "-") { pos += 1 }
        let intStart = pos
        if pos + 1 < buf.count && buf[pos] == UInt8(ascii: "0") && (buf[pos + 1] | 0x20 == UInt8(ascii: "x")) {
            pos += 2
            while pos < buf.count && hexValue(buf[pos]) != nil { pos += 1 }
            let span = Span(start, pos)
            error("hexadecimal numbers are not JSON; JSON.parse fails here with \"Unexpected token\"", span)
            let v = Double(
                UInt64(
                    String(decoding: UnsafeBufferPointer(rebasing: buf[intStart + 2..<pos]), as: UTF8.self), radix: 16)
                    ?? 0)
            return builder.scalar(
                .number, style: .plain, span: span, textSpan: span, number: buf[start] == UInt8(ascii: "-") ? -v : v)
        }
        while pos < buf.count && isDigit(buf[pos]) { pos += 1 }
        let intDigits = pos - intStart
        if intDigits == 0 { strict = false }
        if intDigits > 1 && buf[intStart] == UInt8(ascii: "0") { strict = false }
        if pos < buf.count && buf[pos] == UInt8(ascii: ".") {
            pos += 1
            let f = pos
            while pos < buf.count && isDigit(buf[pos]) { pos += 1 }
            if pos == f { strict = false }
        }
        if pos < buf.count && (buf[pos] == UInt8(ascii: "e") || buf[pos] == UInt8(ascii: "E")) {
            pos += 1
            if pos < buf.count && (buf[pos] == UInt8(ascii: "+") || buf[pos] == UInt8(ascii: "-")) { pos += 1 }
            let e = pos
            while pos < buf.count && isDigit(buf[pos]) { pos += 1 }
            if pos == e { throw fail("malformed number: the exponent has no digits", Span(start, pos)) }
        }
        let span = Span(start, pos)
        if pos == intStart || (intDigits == 0 && pos == intStart + 1) {
            throw fail("malformed number", Span(start, max(pos, start + 1)))
        }
        if !strict {
            error(
                "\(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)) is not a JSON number (JSON has no leading '+', leading zeros, or bare '.'); JSON.parse fails here",
                span)
        }
        let value = NumberParsing.parse(UnsafeBufferPointer(rebasing: buf[start..<pos]))
        return builder.scalar(.number, style: .plain, span: span, textSpan: span, number: value)
    }
}

@inline(__always) func isIdentStart(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b == 0x24 || b >= 0x80
}
@inline(__always) func isIdentByte(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }

enum NumberParsing {
    /// Decimal number text (optional sign, digits, fraction, exponent) to a Double.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        // Fast path: a plain integer of up to 15 digits is exact.
        var i = 0
        var negative = false
        if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        if bytes.count - i <= 15 && bytes.count > i {
            var v: Int64 = 0
            var j = i
            while j < bytes.count && isDigit(bytes[j]) {
                v = v * 10 + Int64(bytes[j] - 0x30)
                j += 1
            }
            if j == bytes.count { return negative ? -Double(v) : Double(v) }
        }
        var s = String(decoding: bytes, as: UTF8.self)
        if s.hasPrefix("+") { s.removeFirst() }
        if s.hasPrefix(".") { s = "0" + s }
        if s.hasPrefix("-.") { s = "-0" + s.dropFirst() }
        if s.hasSuffix(".") { s += "0" }
        return Double(s) ?? .nan
    }
}

enum DuplicateKeys {
    /// Each scalar key that repeats an earlier one, with the first entry of that key, in the
    /// order of the repeats. Keys are compared by a digest first: in a small object (an app has a
    /// few dozen keys) every pair, with the key's length and three of its bytes as the digest;
    /// beyond, a table of first entries by a hash of all the bytes, so that no file of many
    /// similar keys makes the search quadratic.
    static func find(_ entries: ArraySlice<RawEntry>, _ builder: TreeBuilder) -> [(RawEntry, RawEntry)] {
        let n = entries.count
        let base = entries.startIndex
        guard n > 1 else { return [] }
        let tree = builder.tree
        let small = n <= 32
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { digests in
            // 0 for a key that is not a scalar (a YAML collection key), which repeats nothing;
            // a scalar's digest is odd.
            for k in 0..<n {
                let key = entries[base + k].key
                guard tree.raw(key).kind == .scalar else {
                    digests[k] = 0
                    continue
                }
                digests[k] = tree.withText(key) { b -> UInt64 in
                    if !small { return UInt64(truncatingIfNeeded: ByteKeyTable.hash(b)) | 1 }
                    guard !b.isEmpty else { return 1 }
                    return UInt64(b.count) << 32 | UInt64(b[0]) << 24 | UInt64(b[b.count / 2]) << 16 | UInt64(
                        b[b.count - 1]) << 8 | 1
                }
            }
            /// The first entry from `start` on, before `j`, whose key equals entry `j`'s.
            func firstEqual(to j: Int, from start: Int) -> Int? {
                var i = start
                while i < j {
                    if digests[i] == digests[j] && builder.keyEquals(entries[base + i].key, entries[base + j].key) {
                        return i
                    }
                    i += 1
                }
                return nil
            }
            var result: [(RawEntry, RawEntry)] = []
            if small {
                for j in 1..<n where digests[j] != 0 {
                    if let i = firstEqual(to: j, from: 0) { result.append((entries[base + i], entries[base + j])) }
                }
                return result
            }
            var firstByHash: [UInt64: Int] = [:]
            for j in 0..<n where digests[j] != 0 {
                guard let i = firstByHash[digests[j]] else {
                    firstByHash[digests[j]] = j
                    continue
                }
                // Usually entry i has the same key; when another key shares the hash, the scan goes on.
                if let first = firstEqual(to: j, from: i) { result.append((entries[base + first], entries[base + j])) }
            }
            return result
        }
    }
}
