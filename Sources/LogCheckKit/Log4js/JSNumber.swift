import LogCheckSyntax

/// JavaScript's `Number(string)` conversion, as log4js' option adapters use it.
public enum JSNumber {
    public static func parse(_ s: String) -> Double {
        let t = s.trimmingWhitespace()
        if t.isEmpty { return 0 }
        var body = Substring(t)
        var sign = 1.0
        if body.hasPrefix("+") || body.hasPrefix("-") {
            if body.hasPrefix("-") { sign = -1 }
            body = body.dropFirst()
            if body == "Infinity" { return sign * .infinity }
            // A sign before 0x / 0o / 0b is not accepted by Number().
            if body.lowercased().hasPrefix("0x") || body.lowercased().hasPrefix("0o") || body.lowercased().hasPrefix("0b") { return .nan }
        }
        if body == "Infinity" { return .infinity }
        let lower = body.lowercased()
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
            let digits = lower.dropFirst(2)
            guard !digits.isEmpty, let v = UInt64(digits, radix: radix) else { return .nan }
            return sign * Double(v)
        }
        // Decimal: digits, optional fraction, optional exponent; at least one digit.
        var sawDigit = false
        var i = body.startIndex
        func digits() { while i < body.endIndex, body[i].isASCII, body[i].isNumber { sawDigit = true; i = body.index(after: i) } }
        digits()
        if i < body.endIndex && body[i] == "." { i = body.index(after: i); digits() }
        guard sawDigit else { return .nan }
        if i < body.endIndex && (body[i] == "e" || body[i] == "E") {
            i = body.index(after: i)
            if i < body.endIndex && (body[i] == "+" || body[i] == "-") { i = body.index(after: i) }
            let start = i
            while i < body.endIndex, body[i].isASCII, body[i].isNumber { i = body.index(after: i) }
            if i == start { return .nan }
        }
        guard i == body.endIndex else { return .nan }
        var text = String(body)
        if text.hasPrefix(".") { text = "0" + text }
        if text.hasSuffix(".") { text += "0" }
        return sign * (Double(text) ?? .nan)
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
        guard let unit = s.last.map({ String($0).uppercased() }), ["K", "M", "G"].contains(unit) else { return .invalid }
        let value = JSNumber.parse(String(s.dropLast()))
        guard JSNumber.isInteger(value) else { return .invalid }
        let factor: Double = unit == "K" ? 1024 : unit == "M" ? 1024 * 1024 : 1024 * 1024 * 1024
        return .bytes(value * factor)
    }
}
