import LogCheckSyntax

/// JavaScript's `Number(string)` conversion, as log4js' option adapters use it.
public enum JSNumber {
    public static func parse(_ s: String) -> Double {
        var s = s
        return s.withUTF8 { parse($0) }
    }

    /// `Number(text)` for UTF-8 bytes (StringToNumber): JavaScript's white space and line
    /// terminators around it are ignored; empty is 0; then `Infinity` with an optional sign,
    /// an unsigned `0x`/`0o`/`0b` integer, or a decimal literal (`5`, `.5`, `5.`, `5e-3`) with an
    /// optional sign; anything else is NaN.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Double {
        var start = 0
        var end = b.count
        while start < end, let n = whiteSpaceLength(b, from: start) { start += n }
        while end > start, let n = whiteSpaceLength(b, endingAt: end) { end -= n }
        if start == end { return 0 }
        var i = start
        let signed = b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")
        let sign: Double = b[i] == UInt8(ascii: "-") ? -1 : 1
        if signed { i += 1 }
        if UnsafeBufferPointer(rebasing: b[i..<end]).equals("Infinity") { return sign * .infinity }
        if end - i >= 2 && b[i] == UInt8(ascii: "0") {
            let radix: UInt32
            switch b[i + 1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = 0
            }
            if radix != 0 {
                // A sign before 0x / 0o / 0b is not accepted by Number().
                if signed || end - i == 2 { return .nan }
                var value = 0.0
                for k in i + 2..<end {
                    guard let d = hexValue(b[k]), d < radix else { return .nan }
                    value = value * Double(radix) + Double(d)
                }
                return value
            }
        }
        // Decimal: digits, optional fraction, optional exponent; at least one digit.
        let literal = i
        var sawDigit = false
        while i < end && isDigit(b[i]) {
            sawDigit = true
            i += 1
        }
        if i < end && b[i] == UInt8(ascii: ".") {
            i += 1
            while i < end && isDigit(b[i]) {
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return .nan }
        if i < end && b[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < end && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            let exponent = i
            while i < end && isDigit(b[i]) { i += 1 }
            if i == exponent { return .nan }
        }
        guard i == end else { return .nan }
        // Swift's Double(text) wants a digit on both sides of the point.
        var text = String(decoding: UnsafeBufferPointer(rebasing: b[literal..<end]), as: UTF8.self)
        if text.utf8.first == UInt8(ascii: ".") { text = "0" + text }
        if let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")),
            text.utf8.index(after: dot) == text.utf8.endIndex || !isDigit(text.utf8[text.utf8.index(after: dot)])
        {
            text.insert("0", at: text.utf8.index(after: dot))
        }
        return sign * (Double(text) ?? .nan)
    }

    /// `text` without JavaScript's white space and line terminators before it (as parseFloat
    /// skips them).
    public static func withoutLeadingWhiteSpace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { b in
            var start = 0
            while start < b.count, let n = whiteSpaceLength(b, from: start) { start += n }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start...]), as: UTF8.self)
        }
    }

    /// The UTF-8 sequences of JavaScript's StrWhiteSpaceChar: tab, LF, VT, FF, CR, space, the
    /// other space separators (Zs), U+2028, U+2029 and U+FEFF.
    static let whiteSpace: [[UInt8]] = [
        [0xC2, 0xA0], [0xE1, 0x9A, 0x80], [0xE2, 0x80, 0x80], [0xE2, 0x80, 0x81], [0xE2, 0x80, 0x82],
        [0xE2, 0x80, 0x83],
        [0xE2, 0x80, 0x84], [0xE2, 0x80, 0x85], [0xE2, 0x80, 0x86], [0xE2, 0x80, 0x87], [0xE2, 0x80, 0x88],
        [0xE2, 0x80, 0x89],
        [0xE2, 0x80, 0x8A], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xE2, 0x80, 0xAF], [0xE2, 0x81, 0x9F],
        [0xE3, 0x80, 0x80],
        [0xEF, 0xBB, 0xBF],
    ]

    static func whiteSpaceLength(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        let c = b[i]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        guard c >= 0xC2 else { return nil }
        for w in whiteSpace where i + w.count <= b.count && w.indices.allSatisfy({ b[i + $0] == w[$0] }) {
            return w.count
        }
        return nil
    }

    static func whiteSpaceLength(_ b: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
        let c = b[end - 1]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        guard c >= 0x80 else { return nil }
        for w in whiteSpace where end - w.count >= 0 && w.indices.allSatisfy({ b[end - w.count + $0] == w[$0] }) {
            return w.count
        }
        return nil
    }

    public static func isInteger(_ d: Double) -> Bool { d.isFinite && d == d.rounded(.towardZero) }
}

/// The `maxLogSize` adapter of log4js (lib/appenders/adapters.js:10-25).
public enum MaxLogSize {
    public enum Result: Equatable {
        /// Bytes (0 means no rolling).
        case bytes(Double)
        /// C30: `maxLogSize: "…" is invalid`.
        case invalid
        /// C31: not a string or a number (TypeError maxLogSize.slice is not a function).
        case notStringOrNumber
    }

    /// What the adapter makes of a truthy value.
    public static func convert(_ node: Node) -> Result? {
        if node.isUnknown || node.isTruthy != true { return nil }
        if let n = node.number {
            return JSNumber.isInteger(n) ? .bytes(n) : .notStringOrNumber
        }
        guard let s = node.string else { return .notStringOrNumber }
        guard let unit = s.last.map({ String($0).uppercased() }), ["K", "M", "G"].contains(unit) else {
            return .invalid
        }
        let value = JSNumber.parse(String(s.dropLast()))
        guard JSNumber.isInteger(value) else { return .invalid }
        let factor: Double = unit == "K" ? 1024 : unit == "M" ? 1024 * 1024 : 1024 * 1024 * 1024
        return .bytes(value * factor)
    }
}
