/// The `ExecStart=`, `ExecStartPre=`, `ExecStartPost=` and `ExecReload=` commands of a systemd
/// unit, as systemd reads them.
///
/// - Lines starting with `#` or `;` are comments, also between continuation lines. A line
///   ending with an unescaped `\` continues on the next, the `\` becoming a space; a logical
///   line over 1 MiB makes systemd refuse the file.
/// - In any section, `Key=value` with blanks around both trimmed; an empty value resets the
///   key's commands.
/// - A value: the prefixes `-`, `@`, `:`, `+`, `!` (and `!!`) before the path are not part of it;
///   with `@` the second word is argv[0] and not a word of the command. Words split at blanks,
///   with double and single quotes anywhere in a word and C escapes (`\n`, `\x41`, `\s`, …)
///   inside and outside them; a lone `;` word separates commands. `%` specifiers are known only
///   when the unit is loaded and `$NAME`, `${NAME}` only when it runs (not with `:`); `%%` and
///   `$$` are `%` and `$`.
/// - A `sh -c STRING` command has STRING's commands too.
enum SystemdUnitReader {
    static let keys: Set<String> = ["ExecStart", "ExecStartPre", "ExecStartPost", "ExecReload"]
    static let longLineMax = 1 << 20

    static func read(_ source: SourceFile, into c: inout LaunchCollector) {
        let b = source.bytes
        var pos = source.bomLength
        var logical: ShellText? = nil
        while pos < b.count {
            var e = pos
            while e < b.count && b[e] != 0x0A { e += 1 }
            var end = e
            if end > pos && b[end - 1] == 0x0D { end -= 1 }
            let start = pos
            pos = e < b.count ? e + 1 : e
            var k = start
            while k < end && (b[k] == 0x20 || b[k] == 0x09) { k += 1 }
            if k < end && (b[k] == UInt8(ascii: "#") || b[k] == UInt8(ascii: ";")) { continue }
            var run = 0
            while run < end - start && b[end - 1 - run] == UInt8(ascii: "\\") { run += 1 }
            let continues = run % 2 == 1
            var text = logical ?? ShellText(at: start)
            text.append(ShellText(source: source, span: Span(start, continues ? end - 1 : end)))
            if continues { text.append(0x20, start: end - 1, end: end) }
            if text.count > longLineMax {
                c.diagnostics.append(
                    SyntaxDiagnostic(
                        .systemdSyntax, .error,
                        "a line continued past 1 MiB; systemd fails to load the unit with \"Continuation line too long\"",
                        at: text.span))
                return
            }
            if continues {
                logical = text
                continue
            }
            logical = nil
            line(text, into: &c)
        }
        if let text = logical {
            c.diagnostics.append(
                SyntaxDiagnostic(
                    .systemdSyntax, .warning,
                    "the last line ends with a continuation '\\' but the file ends; systemd reads the line as it is",
                    at: Span(max(0, b.count - 1), b.count)))
            line(text, into: &c)
        }
    }

    /// One logical line: a `Key=value` assignment of an `Exec…` key, or anything else (ignored).
    static func line(_ text: ShellText, into c: inout LaunchCollector) {
        let t = text.bytes
        guard let eq = t.firstIndex(of: UInt8(ascii: "=")) else { return }
        var ks = 0
        while ks < eq && isBlank(t[ks]) { ks += 1 }
        guard ks < eq, t[ks] != UInt8(ascii: "[") else { return }
        var ke = eq
        while ke > ks && isBlank(t[ke - 1]) { ke -= 1 }
        let key = String(decoding: t[ks..<ke], as: UTF8.self)
        guard keys.contains(key) else { return }
        var vs = eq + 1
        while vs < t.count && isBlank(t[vs]) { vs += 1 }
        var ve = t.count
        while ve > vs && isBlank(t[ve - 1]) { ve -= 1 }
        let keySpan = text.span(ks..<ke)
        if vs == ve {
            // `ExecStart=` resets the list.
            c.commands.removeAll { $0.origin == key }
            return
        }
        var parser = ExecLine(text: text, pos: vs, end: ve)
        while let command = parser.next() {
            switch command {
            case .failure(let message, let range):
                c.diagnostics.append(
                    SyntaxDiagnostic(
                        .systemdSyntax, .warning, "\(key)=: \(message); systemd ignores the line",
                        at: text.span(range)))
                return
            case .success(let words, let range):
                c.words(words, span: text.span(range), origin: key, originSpan: keySpan)
            }
        }
    }

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}

/// The commands of one `Exec…=` value.
private struct ExecLine {
    let text: ShellText
    var pos: Int
    let end: Int
    var b: [UInt8] { text.bytes }

    enum Result {
        case success([DecodedWord], Range<Int>)
        case failure(String, Range<Int>)
    }

    init(text: ShellText, pos: Int, end: Int) {
        self.text = text
        self.pos = pos
        self.end = end
    }

    mutating func skipBlanks() {
        while pos < end && SystemdUnitReader.isBlank(b[pos]) { pos += 1 }
    }

    /// A lone `;` at `pos`: the end of a command.
    func atSeparator() -> Bool {
        pos < end && b[pos] == UInt8(ascii: ";") && (pos + 1 == end || SystemdUnitReader.isBlank(b[pos + 1]))
    }

    mutating func next() -> Result? {
        skipBlanks()
        while atSeparator() {
            pos += 1
            skipBlanks()
        }
        guard pos < end else { return nil }
        let start = pos
        var argv0 = false
        var noEnv = false
        while pos < end, "-@:+!".utf8.contains(b[pos]) {
            if b[pos] == UInt8(ascii: "@") { argv0 = true }
            if b[pos] == UInt8(ascii: ":") { noEnv = true }
            pos += 1
        }
        var words: [DecodedWord] = []
        var first = true
        var read = 0
        var commandEnd = pos
        while true {
            skipBlanks()
            if pos >= end { break }
            if !first && atSeparator() {
                pos += 1
                break
            }
            let wordStart = pos
            guard let w = word(relaxed: !first, noEnv: noEnv) else {
                return .failure("an unterminated quote or a bad escape", wordStart..<end)
            }
            if first && w.word.value == "" {
                return .failure("an empty program path", wordStart..<pos)
            }
            if !(argv0 && read == 1) { words.append(w) }
            read += 1
            commandEnd = pos
            first = false
        }
        if words.isEmpty { return .failure("no program", start..<max(start, pos)) }
        return .success(words, start..<commandEnd)
    }

    /// One word at `pos` (not a blank): quotes and escapes removed, specifiers and variables
    /// made unknown; nil when a quote is not closed or an escape is bad (outside `relaxed`).
    mutating func word(relaxed: Bool, noEnv: Bool) -> DecodedWord? {
        let start = pos
        var bytes: [UInt8] = []
        var from: [Int32] = []
        var to: [Int32] = []
        var quote: UInt8 = 0
        func add(_ c: UInt8, _ lower: Int, _ upper: Int) {
            bytes.append(c)
            from.append(Int32(truncatingIfNeeded: lower))
            to.append(Int32(truncatingIfNeeded: upper))
        }
        while pos < end {
            let c = b[pos]
            if quote == 0 && SystemdUnitReader.isBlank(c) { break }
            if c == UInt8(ascii: "\\") {
                guard pos + 1 < end else {
                    if !relaxed || quote != 0 { return nil }
                    add(c, pos, pos + 1)
                    pos += 1
                    break
                }
                if let (decoded, length) = ExecLine.unescape(b, pos + 1, end) {
                    for d in decoded { add(d, pos, pos + 1 + length) }
                    pos += 1 + length
                } else if relaxed {
                    add(c, pos, pos + 1)
                    add(b[pos + 1], pos + 1, pos + 2)
                    pos += 2
                } else {
                    return nil
                }
                continue
            }
            if quote != 0 {
                if c == quote { quote = 0 } else { add(c, pos, pos + 1) }
                pos += 1
                continue
            }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
                pos += 1
                continue
            }
            add(c, pos, pos + 1)
            pos += 1
        }
        if quote != 0 { return nil }
        // `%%` and `$$` are `%` and `$`; a specifier or a variable is known only later.
        var unknown = false
        var outBytes: [UInt8] = []
        var outFrom: [Int32] = []
        var outTo: [Int32] = []
        var k = 0
        while k < bytes.count {
            let c = bytes[k]
            let next: UInt8? = k + 1 < bytes.count ? bytes[k + 1] : nil
            if (c == UInt8(ascii: "%") || (c == UInt8(ascii: "$") && !noEnv)) && next == c {
                outBytes.append(c)
                outFrom.append(from[k])
                outTo.append(to[k + 1])
                k += 2
                continue
            }
            if c == UInt8(ascii: "%") && next != nil { unknown = true }
            if c == UInt8(ascii: "$") && !noEnv, let n = next, n == UInt8(ascii: "{") || ShellParser.isNameStart(n) {
                unknown = true
            }
            outBytes.append(c)
            outFrom.append(from[k])
            outTo.append(to[k])
            k += 1
        }
        let decoded = text.picking(outBytes, from: outFrom, to: outTo, endingAt: text.start(pos))
        let value: String? = unknown ? nil : String(decoding: outBytes, as: UTF8.self)
        return DecodedWord(word: ShellWord(value, span: text.span(start..<pos)), text: decoded)
    }

    /// systemd's C escape after a `\` at `i`: its bytes and how many bytes follow the `\`; nil
    /// when it is no escape systemd knows.
    static func unescape(_ b: [UInt8], _ i: Int, _ end: Int) -> ([UInt8], Int)? {
        guard i < end else { return nil }
        func hex(_ at: Int, _ count: Int) -> UInt32? {
            guard at + count <= end else { return nil }
            var v: UInt32 = 0
            for k in at..<at + count {
                let c = b[k] | 0x20
                let d: UInt32
                if b[k] >= UInt8(ascii: "0") && b[k] <= UInt8(ascii: "9") {
                    d = UInt32(b[k] - UInt8(ascii: "0"))
                } else if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f") {
                    d = UInt32(c - UInt8(ascii: "a") + 10)
                } else {
                    return nil
                }
                v = v << 4 | d
            }
            return v
        }
        func scalar(_ v: UInt32) -> [UInt8]? {
            guard v != 0, let s = Unicode.Scalar(v) else { return nil }
            return Array(String(Character(s)).utf8)
        }
        switch b[i] {
        case UInt8(ascii: "a"): return ([0x07], 1)
        case UInt8(ascii: "b"): return ([0x08], 1)
        case UInt8(ascii: "f"): return ([0x0C], 1)
        case UInt8(ascii: "n"): return ([0x0A], 1)
        case UInt8(ascii: "r"): return ([0x0D], 1)
        case UInt8(ascii: "t"): return ([0x09], 1)
        case UInt8(ascii: "v"): return ([0x0B], 1)
        case UInt8(ascii: "s"): return ([0x20], 1)
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): return ([b[i]], 1)
        case UInt8(ascii: "x"):
            guard let v = hex(i + 1, 2), v != 0 else { return nil }
            return ([UInt8(v)], 3)
        case UInt8(ascii: "u"):
            guard let v = hex(i + 1, 4), let s = scalar(v) else { return nil }
            return (s, 5)
        case UInt8(ascii: "U"):
            guard let v = hex(i + 1, 8), let s = scalar(v) else { return nil }
            return (s, 9)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard i + 3 <= end else { return nil }
            var v: UInt32 = 0
            for k in i..<i + 3 {
                guard b[k] >= UInt8(ascii: "0") && b[k] <= UInt8(ascii: "7") else { return nil }
                v = v << 3 | UInt32(b[k] - UInt8(ascii: "0"))
            }
            guard v != 0, v < 256 else { return nil }
            return ([UInt8(v)], 3)
        default:
            return nil
        }
    }
}
