/// The cron patterns PM2 accepts for `cron_restart` (it validates them with croner before anything
/// else, Common.js:318-334). Only clear mistakes are rejected: a wrong number of fields, a value out
/// of range, a step of 0, or characters that are not cron syntax.
public enum CronPattern {
    static let nicknames: Set<String> = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@hourly"]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    public static func error(in pattern: String) -> String? {
        let trimmed = pattern.trimmingWhitespace()
        if nicknames.contains(trimmed.lowercased()) { return nil }
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard parts.count == 5 || parts.count == 6 || parts.count == 7 else {
            return "\(parts.count) fields; a pattern has 5 (minute hour day month weekday) or 6 (with seconds first)"
        }
        var fields = parts
        if fields.count == 5 { fields.insert("0", at: 0) }
        if fields.count == 7 { fields.removeLast() } // a year field
        let names = ["seconds", "minutes", "hours", "day of month", "month", "day of week"]
        let ranges: [ClosedRange<Int>] = [0...59, 0...59, 0...23, 1...31, 1...12, 0...7]
        for (k, field) in fields.enumerated() {
            if let e = checkField(field, ranges[k], month: k == 4, weekday: k == 5, day: k == 3) {
                return "\(e) in the \(names[k]) field (\"\(field)\")"
            }
        }
        return nil
    }

    static func value(_ s: String, _ month: Bool, _ weekday: Bool) -> Int? {
        if let n = Int(s) { return n }
        let lower = s.lowercased()
        if month, let i = months.firstIndex(of: lower) { return i + 1 }
        if weekday, let i = days.firstIndex(of: lower) { return i }
        return nil
    }

    static func checkField(_ field: String, _ range: ClosedRange<Int>, month: Bool, weekday: Bool, day: Bool) -> String? {
        for item in field.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            if item.isEmpty { return "an empty list item" }
            // Special day forms croner accepts: L, 15W, 5#2, 5L, LW.
            if (day || weekday) && (item.uppercased().contains("L") || item.uppercased().contains("W") || item.contains("#")) { continue }
            var body = item
            if let slash = item.firstIndex(of: "/") {
                let step = item[item.index(after: slash)...]
                guard let s = Int(step) else { return "step \"\(step)\" is not a number" }
                if s <= 0 { return "a step of \(s)" }
                body = String(item[..<slash])
            }
            if body == "*" || body == "?" { continue }
            let bounds = body.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard bounds.count <= 2 else { return "\"\(body)\" is not a value or a range" }
            var values: [Int] = []
            for b in bounds {
                guard let v = value(b, month, weekday) else { return "\"\(b)\" is not a value" }
                guard range.contains(v) else { return "\(v) is out of range \(range.lowerBound)-\(range.upperBound)" }
                values.append(v)
            }
            if values.count == 2 && values[0] > values[1] && !weekday { return "the range \(body) runs backwards" }
        }
        return nil
    }
}
