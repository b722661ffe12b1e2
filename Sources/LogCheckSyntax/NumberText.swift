extension Double {
    /// The number as JavaScript's `String(n)` writes it (ECMA-262 Number::toString): the
    /// shortest digits that round-trip, in plain notation from 1e-6 up to below 1e21 and with an
    /// exponent (`1e+21`, `1e-7`) outside it; `NaN`, `Infinity`, `-Infinity`. Never traps.
    public var javaScriptText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self > 0 ? "Infinity" : "-Infinity" }
        if self == 0 { return "0" }
        let sign = self < 0 ? "-" : ""
        // Swift's description has the same shortest round-trip digits; take them and the
        // decimal point's position n (the value is 0.d1d2… × 10^n).
        let description = String(Swift.abs(self))
        var mantissa = Substring(description)
        var exponent = 0
        if let e = description.firstIndex(of: "e") {
            mantissa = description[..<e]
            exponent = Int(description[description.index(after: e)...]) ?? 0
        }
        var digits = Array(mantissa.utf8.filter { $0 != UInt8(ascii: ".") })
        var n =
            (mantissa.utf8.firstIndex(of: UInt8(ascii: ".")).map {
                mantissa.utf8.distance(from: mantissa.startIndex, to: $0)
            } ?? mantissa.utf8.count) + exponent
        while digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            n -= 1
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count
        let zero = UInt8(ascii: "0")
        var out: [UInt8]
        if k <= n && n <= 21 {
            out = digits + Array(repeating: zero, count: n - k)
        } else if 0 < n && n <= 21 {
            out = Array(digits[..<n]) + [UInt8(ascii: ".")] + Array(digits[n...])
        } else if -6 < n && n <= 0 {
            out = [zero, UInt8(ascii: ".")] + Array(repeating: zero, count: -n) + digits
        } else {
            out = [digits[0]]
            if k > 1 { out += [UInt8(ascii: ".")] + Array(digits[1...]) }
            out += Array("e\(n - 1 >= 0 ? "+" : "-")\(Swift.abs(n - 1))".utf8)
        }
        return sign + String(decoding: out, as: UTF8.self)
    }
}
