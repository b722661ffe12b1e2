/// The pattern layout's conversion syntax (layouts.js:139-140):
/// `%(-?[0-9]+)?(\.?-?[0-9]+)?([[\]cdhmnprzxXyflosCMAF%])(\{([^}]+)\})?`
public struct PatternToken: Sendable, Equatable {
    /// The conversion character, or nil for a `%` that starts no valid conversion.
    public var conversion: Character?
    public var specifier: String?
    public var text: String
}

public enum PatternLayout {
    public static func tokens(_ pattern: String) -> [PatternToken] {
        // By Unicode scalars, as log4js's regular expression reads the pattern (and without
        // the cost of breaking it into Characters).
        let c = Array(pattern.unicodeScalars)
        let bytes = Array(pattern.utf8)
        // The UTF-8 offset of each scalar, and of the end.
        var offsets: [Int] = []
        offsets.reserveCapacity(c.count + 1)
        var offset = 0
        for u in c {
            offsets.append(offset)
            offset += UTF8.width(u)
        }
        offsets.append(offset)
        func text(_ range: Range<Int>) -> String {
            String(decoding: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
        }
        var result: [PatternToken] = []
        var i = 0
        while i < c.count {
            guard c[i] == "%" else {
                i += 1
                continue
            }
            let start = i
            var k = i + 1
            func digits(allowMinus: Bool) -> Bool {
                var j = k
                if allowMinus && j < c.count && c[j] == "-" { j += 1 }
                let d = j
                while j < c.count && ("0"..."9").contains(c[j]) { j += 1 }
                if j == d { return false }
                k = j
                return true
            }
            _ = digits(allowMinus: true)
            if k < c.count && c[k] == "." {
                let save = k
                k += 1
                if !digits(allowMinus: true) { k = save }
            } else {
                _ = digits(allowMinus: true)
            }
            guard k < c.count, Log4jsFacts.patternTokens.contains(c[k]) else {
                result.append(PatternToken(conversion: nil, specifier: nil, text: text(start..<min(k + 1, c.count))))
                i = start + 1
                continue
            }
            let conversion = Character(c[k])
            k += 1
            var specifier: String? = nil
            if k < c.count && c[k] == "{", let close = c[(k + 1)...].firstIndex(of: "}"), close > k + 1 {
                specifier = text((k + 1)..<close)
                k = close + 1
            }
            result.append(PatternToken(conversion: conversion, specifier: specifier, text: text(start..<k)))
            i = k
        }
        return result
    }
}

extension Log4jsConfig {
    /// The written categories whose events reach an appender, directly or through filters.
    public func categoriesReaching(_ appender: String) -> [ResolvedCategory] {
        var reaching: Set<String> = [appender]
        var changed = true
        while changed {
            changed = false
            for a in appenders where (a.isFilter || a.type == "multiprocess") && !reaching.contains(a.name) {
                if let t = a.targetName, reaching.contains(t) {
                    reaching.insert(a.name)
                    changed = true
                }
            }
        }
        return resolved.filter { r in r.appenders.contains { ref in ref.name.map { reaching.contains($0) } ?? false } }
    }
}
