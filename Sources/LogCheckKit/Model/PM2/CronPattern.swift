import LogCheckSyntax

/// `cron_restart` as PM2 7.0.3 checks it: `Common.sink.determineCron` (Common.js:318-334) runs it
/// through `Croner(pattern)` of croner 4.1.97, the version PM2 pins, before anything else, and a
/// pattern croner throws on stops `pm2 start` with `Cron pattern error: <croner's message>`.
///
/// This is croner 4.1.97's `CronPattern.parse` (src/pattern.js), step by step: the pattern must be
/// a string; it is trimmed, runs of white space become one space, and it must then have exactly 5
/// or 6 fields (no nicknames such as `@daily`, no year); `L` alone in the day field is the last
/// day; month and weekday names become numbers; the first `?` of a field becomes the current
/// value; any character other than digits, `*`, `,`, `-` and `/` is illegal (so `W` and `#`
/// are); a list (`,`) may hold only single values; and ranges, steps and values are checked
/// against each field's size. A string with a `:` after its first character is a date for
/// croner (a one-off run), not a pattern, and is not checked here.
public enum CronPattern {
    /// What croner does with a `cron_restart` value once PM2 passes it on.
    public enum Verdict: Equatable, Sendable {
        /// `0`, `'0'`, or any value JavaScript's `== 0` equals: PM2 disables cron restarts.
        case disabled
        case accepted
        /// croner throws: its message, and what it means when the reason is a croner 4 limit.
        case rejected(message: String, hint: String?)
    }

    /// The verdict on a string value (after PM2's `if (app.cron_restart)` and `== 0` checks).
    public static func verdict(ofString pattern: String) -> Verdict {
        if JSNumber.parse(pattern) == 0 { return .disabled }
        if let colon = pattern.firstIndex(of: ":"), colon > pattern.startIndex {
            return isDate(pattern)
                ? .accepted
                : .rejected(
                    message: "CronDate: Provided string value for CronDate could not be parsed as date.",
                    hint: "with a `:`, croner reads the value as a date and time (2025-01-31T04:00:00), not a pattern")
        }
        do {
            try parse(pattern)
            return .accepted
        } catch let e as Failure {
            return .rejected(message: e.message, hint: e.hint)
        } catch {
            return .accepted
        }
    }

    /// The verdict on a number or boolean value: `0` and `false` disable cron restarts; any other
    /// is not a string, which croner rejects.
    public static func verdict(ofNonString isZero: Bool) -> Verdict {
        isZero
            ? .disabled
            : .rejected(
                message: "CronPattern: Pattern has to be of type string.",
                hint: "croner takes the pattern only as a string: quote it")
    }

    /// croner's message when it throws, nil when it accepts the pattern (or PM2 disables it).
    public static func error(in pattern: String) -> String? {
        if case .rejected(let message, _) = verdict(ofString: pattern) { return message }
        return nil
    }

    struct Failure: Error {
        let message: String
        var hint: String? = nil
    }

    /// Field sizes and value offsets of croner 4.1.97 (`partToArray` calls in `parse`).
    static let fields: [(type: String, size: Int, offset: Int)] = [
        ("seconds", 60, 0), ("minutes", 60, 0), ("hours", 24, 0), ("days", 31, -1), ("months", 12, -1),
        ("daysOfWeek", 8, 0),
    ]

    static let nicknames: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    static func parse(_ pattern: String) throws {
        let parts = split(pattern)
        guard parts.count == 5 || parts.count == 6 else {
            var hint: String? = nil
            let trimmed = parts.joined(separator: " ")
            if let five = nicknames[trimmed.lowercased()] {
                hint = "croner 4.1.97, which PM2 7.0.3 uses, has no nicknames: write '\(five)' for \(trimmed)"
            } else if parts.count == 7 {
                hint = "croner 4.1.97, which PM2 7.0.3 uses, has no year field: drop the seventh"
            }
            throw Failure(
                message:
                    "CronPattern: invalid configuration format ('\(pattern)'), exacly five or six space separated parts required.",
                hint: hint)
        }
        var p = parts.count == 5 ? ["0"] + parts : parts
        if p[3].uppercased() == "L" { p[3] = "28,29,30,31" }
        p[4] = replacing(p[4], ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])
        p[5] = replacing(p[5], ["sun", "mon", "tue", "wed", "thu", "fri", "sat"], from: 0)
        // `?` is the current second, minute, …: any valid value does for a check.
        for (i, now) in ["0", "0", "0", "1", "1", "0"].enumerated() {
            if let q = p[i].firstIndex(of: "?") { p[i].replaceSubrange(q...q, with: now) }
        }
        for (i, part) in p.enumerated() where part.unicodeScalars.contains(where: { !legal($0) }) {
            let special = part.contains("W") || part.contains("w") || part.contains("#") || part.contains("L")
            throw Failure(
                message: "CronPattern: configuration entry \(i) (\(part)) contains illegal characters.",
                hint: special ? "croner 4.1.97, which PM2 7.0.3 uses, has no W, # or L in this place" : nil)
        }
        for (i, f) in fields.enumerated() {
            try field(p[i], size: f.size, offset: f.offset, type: f.type, recursed: false)
        }
    }

    /// `CronDate.parseISOLocal` (src/date.js:289-340): the value split at every non-digit has six
    /// numbers first, which name a real date and time (the `Date` built from them gives them back:
    /// a two-digit year is 19xx for `Date`, so it never does).
    static func isDate(_ text: String) -> Bool {
        // `split(/\D/)`: every non-digit ends a piece, empty pieces kept.
        let numbers = text.split(omittingEmptySubsequences: false, whereSeparator: { !$0.isASCIIDigit })
        guard numbers.count >= 6 else { return false }
        var v: [Int] = []
        for n in numbers.prefix(6) {
            guard !n.isEmpty, n.count < 10, let x = Int(n) else { return false }
            v.append(x)
        }
        let (year, month, day, hour, minute, second) = (v[0], v[1], v[2], v[3], v[4], v[5])
        guard year >= 100, year <= 275_759, (1...12).contains(month), hour < 24, minute < 60, second < 60 else {
            return false
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// `trim()`, then `replace(/\s+/g, " ").split(" ")`.
    static func split(_ pattern: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for s in pattern.unicodeScalars {
            if isSpace(s) {
                if !current.isEmpty {
                    parts.append(current)
                    current = ""
                }
            } else {
                current.unicodeScalars.append(s)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts.isEmpty ? [""] : parts
    }

    /// JavaScript's white space and line terminators (`\s`).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// `/[^/*0-9,-]+/`.
    static func legal(_ s: Unicode.Scalar) -> Bool {
        s == "/" || s == "*" || s == "," || s == "-" || ("0"..."9").contains(s)
    }

    /// `replaceAlphaMonths` / `replaceAlphaDays`: each name, in order, replaced wherever it occurs
    /// in any case (`/jan/gi`).
    static func replacing(_ text: String, _ names: [String], from first: Int = 1) -> String {
        var s = Array(text.unicodeScalars)
        for (i, name) in names.enumerated() {
            let n = Array(name.unicodeScalars)
            var out: [Unicode.Scalar] = []
            var k = 0
            while k < s.count {
                if k + n.count <= s.count, (0..<n.count).allSatisfy({ lower(s[k + $0]) == n[$0] }) {
                    out += String(i + first).unicodeScalars
                    k += n.count
                } else {
                    out.append(s[k])
                    k += 1
                }
            }
            s = out
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: s)
        return result
    }

    /// An ASCII letter in lower case; any other scalar as it is.
    static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(s) ? Unicode.Scalar(s.value + 32)! : s
    }

    /// `partToArray`.
    static func field(_ conf: String, size: Int, offset: Int, type: String, recursed: Bool) throws {
        if conf == "*" { return }
        let items = conf.split(separator: ",", omittingEmptySubsequences: false)
        if items.count > 1 {
            for item in items { try field(String(item), size: size, offset: offset, type: type, recursed: true) }
            return
        }
        let inList = Failure(
            message: "CronPattern: Range with stepping cannot coexist with ,",
            hint: "croner 4.1.97, which PM2 7.0.3 uses, takes only single values in a list: write each value (1,2,3,5)"
        )
        let dash = conf.contains("-")
        let slash = conf.contains("/")
        if dash && slash {
            if recursed { throw inList }
            try rangeWithStepping(conf, size: size, offset: offset)
        } else if dash {
            if recursed { throw inList }
            let bounds = conf.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 2 else {
                throw Failure(message: "CronPattern: Syntax error, illegal range: '\(conf)'")
            }
            guard let low = parseInt(bounds[0]).map({ $0 + Double(offset) }) else {
                throw Failure(message: "CronPattern: Syntax error, illegal lower range (NaN)")
            }
            guard let high = parseInt(bounds[1]).map({ $0 + Double(offset) }) else {
                throw Failure(message: "CronPattern: Syntax error, illegal upper range (NaN)")
            }
            if low < 0 || high >= Double(size) { throw Failure(message: "CronPattern: Value out of range: '\(conf)'") }
            if low > high { throw Failure(message: "CronPattern: From value is larger than to value: '\(conf)'") }
        } else if slash {
            if recursed { throw inList }
            let pieces = conf.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count == 2 else {
                throw Failure(message: "CronPattern: Syntax error, illegal stepping: '\(conf)'")
            }
            try step(parseInt(pieces[1]), size: size)
        } else if let n = parseInt(Substring(conf)) {
            // `parseInt` NaN passes: croner sets nothing and says nothing.
            let i = n + Double(offset)
            if i < 0 || i >= Double(size) {
                throw Failure(message: "CronPattern: \(type) value out of range: '\(conf)'")
            }
        }
    }

    /// `handleRangeWithStepping`: `^(\d+)-(\d+)\/(\d+)$`.
    static func rangeWithStepping(_ conf: String, size: Int, offset: Int) throws {
        let dash = conf.split(separator: "-", omittingEmptySubsequences: false)
        let parts = dash.count == 2 ? [dash[0]] + dash[1].split(separator: "/", omittingEmptySubsequences: false) : []
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            throw Failure(message: "CronPattern: Syntax error, illegal range with stepping: '\(conf)'")
        }
        let low = parseInt(parts[0])! + Double(offset)
        let high = parseInt(parts[1])! + Double(offset)
        try step(parseInt(parts[2]), size: size)
        if low < 0 || high >= Double(size) { throw Failure(message: "CronPattern: Value out of range: '\(conf)'") }
        if low > high { throw Failure(message: "CronPattern: From value is larger than to value: '\(conf)'") }
    }

    /// The checks of a step in `handleStepping` and `handleRangeWithStepping`.
    static func step(_ steps: Double?, size: Int) throws {
        guard let steps else { throw Failure(message: "CronPattern: Syntax error, illegal stepping: (NaN)") }
        if steps == 0 { throw Failure(message: "CronPattern: Syntax error, illegal stepping: 0") }
        if steps > Double(size) {
            throw Failure(
                message:
                    "CronPattern: Syntax error, steps cannot be greater than maximum value of part (\(size))")
        }
    }

    /// `parseInt(text, 10)` on the characters left after the illegal-character check: an
    /// optional `-`, then the leading digits; nil (NaN) without any.
    static func parseInt(_ text: Substring) -> Double? {
        var s = text
        var negative = false
        if s.first == "-" {
            negative = true
            s = s.dropFirst()
        }
        let digits = s.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, let n = Double(digits) else { return nil }
        return negative ? -n : n
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
