import LogCheckSyntax

/// The cron patterns PM2 accepts for `cron_restart` (it validates them with croner before anything
/// else, Common.js:318-334). Only clear mistakes are rejected: a wrong number of fields, a value out
/// of range, a step of 0, or characters that are not cron syntax.
///
/// Patterns are read as UTF-8 bytes (cron syntax is ASCII; any other character is not a value),
/// and white space around the pattern and between fields is a space, a tab, CR or LF.
public enum CronPattern {
    static let nicknames = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@hourly"]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    static let fieldNames = ["seconds", "minutes", "hours", "day of month", "month", "day of week"]
    static let ranges: [ClosedRange<Int>] = [0...59, 0...59, 0...23, 1...31, 1...12, 0...7]

    typealias Bytes = ArraySlice<UInt8>

    public static func error(in pattern: String) -> String? {
        let bytes = Array(pattern.utf8)[...]
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        let trimmed = bytes[start..<end]
        if nicknames.contains(where: { equalsIgnoringCase(trimmed, $0) }) { return nil }
        let parts = trimmed.split(omittingEmptySubsequences: true, whereSeparator: isSpace)
        guard parts.count == 5 || parts.count == 6 || parts.count == 7 else {
            return "\(parts.count) fields; a pattern has 5 (minute hour day month weekday) or 6 (with seconds first)"
        }
        // Five fields have no seconds (croner's default, 0, is valid); a seventh is a year.
        let first = parts.count == 5 ? 1 : 0
        for k in first..<6 {
            let field = parts[k - first]
            if let e = checkField(field, ranges[k], month: k == 4, weekday: k == 5, day: k == 3) {
                return "\(e) in the \(fieldNames[k]) field (\"\(text(field))\")"
            }
        }
        return nil
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func text(_ b: Bytes) -> String { String(decoding: b, as: UTF8.self) }

    /// Whether `b` is `word` (ASCII, lower case) in any case.
    static func equalsIgnoringCase(_ b: Bytes, _ word: String) -> Bool {
        b.count == word.utf8.count
            && zip(b, word.utf8).allSatisfy { $0 == $1 || ($0 | 0x20 == $1 && $1 >= 0x61 && $1 <= 0x7A) }
    }

    /// An integer as Swift's `Int(_:)` reads it: an optional sign, then decimal digits.
    static func integer(_ b: Bytes) -> Int? {
        var i = b.startIndex
        var negative = false
        if i < b.endIndex && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < b.endIndex else { return nil }
        var n = 0
        while i < b.endIndex {
            guard isDigit(b[i]) else { return nil }
            let d = b[i] - UInt8(ascii: "0")
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int(d)) : m.addingReportingOverflow(Int(d))
            guard !o1 && !o2 else { return nil }
            n = s
            i += 1
        }
        return n
    }

    static func value(_ b: Bytes, _ month: Bool, _ weekday: Bool) -> Int? {
        if let n = integer(b) { return n }
        if month, let i = months.firstIndex(where: { equalsIgnoringCase(b, $0) }) { return i + 1 }
        if weekday, let i = days.firstIndex(where: { equalsIgnoringCase(b, $0) }) { return i }
        return nil
    }

    static func checkField(_ field: Bytes, _ range: ClosedRange<Int>, month: Bool, weekday: Bool, day: Bool) -> String?
    {
        for item in field.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            if item.isEmpty { return "an empty list item" }
            // Special day forms croner accepts: L, 15W, 5#2, 5L, LW.
            if (day || weekday)
                && item.contains(where: {
                    $0 | 0x20 == UInt8(ascii: "l") || $0 | 0x20 == UInt8(ascii: "w") || $0 == UInt8(ascii: "#")
                })
            {
                continue
            }
            var body = item
            if let slash = item.firstIndex(of: UInt8(ascii: "/")) {
                let step = item[(slash + 1)...]
                guard let s = integer(step) else { return "step \"\(text(step))\" is not a number" }
                if s <= 0 { return "a step of \(s)" }
                body = item[..<slash]
            }
            if body.count == 1 && (body.first == UInt8(ascii: "*") || body.first == UInt8(ascii: "?")) { continue }
            let bounds = body.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            guard bounds.count <= 2 else { return "\"\(text(body))\" is not a value or a range" }
            var values: [Int] = []
            for b in bounds {
                guard let v = value(b, month, weekday) else { return "\"\(text(b))\" is not a value" }
                guard range.contains(v) else { return "\(v) is out of range \(range.lowerBound)-\(range.upperBound)" }
                values.append(v)
            }
            if values.count == 2 && values[0] > values[1] && !weekday {
                return "the range \(text(body)) runs backwards"
            }
        }
        return nil
    }
}
