/// Checks a regular expression source as V8 does for `new RegExp(source, 'i')` (no `u` flag, so
/// with the web-compatibility grammar of Annex B), returning V8's error text or nil when valid.
public enum ECMARegex {
    public static func error(in source: String) -> String? {
        let c = Array(source.unicodeScalars)
        var i = 0
        var depth = 0
        var canRepeat = false
        var groupNames = Set<String>()
        var namedReferences: [String] = []

        func quantifierEnd(_ at: Int) -> (end: Int, min: Int, max: Int?)? {
            // {n}, {n,}, {n,m}
            guard at < c.count, c[at] == "{" else { return nil }
            var k = at + 1
            var a = ""
            while k < c.count, ("0"..."9").contains(c[k]) {
                a.unicodeScalars.append(c[k])
                k += 1
            }
            guard !a.isEmpty, k < c.count else { return nil }
            var maxValue: Int? = Int(a)
            if c[k] == "," {
                k += 1
                var b = ""
                while k < c.count, ("0"..."9").contains(c[k]) {
                    b.unicodeScalars.append(c[k])
                    k += 1
                }
                maxValue = b.isEmpty ? nil : Int(b)
            }
            guard k < c.count, c[k] == "}" else { return nil }
            return (k + 1, Int(a) ?? 0, maxValue)
        }

        while i < c.count {
            let ch = c[i]
            switch ch {
            case "\\":
                guard i + 1 < c.count else { return "\\ at end of pattern" }
                if c[i + 1] == "k", i + 2 < c.count, c[i + 2] == "<" {
                    var k = i + 3
                    var name = ""
                    while k < c.count, c[k] != ">" {
                        name.unicodeScalars.append(c[k])
                        k += 1
                    }
                    if k < c.count {
                        namedReferences.append(name)
                        i = k + 1
                        canRepeat = true
                        continue
                    }
                }
                i += 2
                canRepeat = true
            case "(":
                depth += 1
                if i + 1 < c.count && c[i + 1] == "?" {
                    guard i + 2 < c.count else { return "Invalid group" }
                    let n = c[i + 2]
                    if n == ":" || n == "=" || n == "!" {
                        i += 3
                    } else if n == "<", i + 3 < c.count, c[i + 3] == "=" || c[i + 3] == "!" {
                        i += 4
                    } else if n == "<" {
                        var k = i + 3
                        var name = ""
                        while k < c.count, c[k] != ">" {
                            name.unicodeScalars.append(c[k])
                            k += 1
                        }
                        guard k < c.count, let first = name.unicodeScalars.first,
                            first.properties.isAlphabetic || first == "_" || first == "$",
                            name.unicodeScalars.allSatisfy({
                                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "$"
                            })
                        else { return "Invalid capture group name" }
                        if !groupNames.insert(name).inserted { return "Duplicate capture group name" }
                        i = k + 1
                    } else {
                        return "Invalid group"
                    }
                } else {
                    i += 1
                }
                canRepeat = false
            case ")":
                if depth == 0 { return "Unmatched ')'" }
                depth -= 1
                i += 1
                canRepeat = true
            case "[":
                i += 1
                if i < c.count && c[i] == "^" { i += 1 }
                var previous: UInt32? = nil
                var closed = false
                while i < c.count {
                    if c[i] == "]" {
                        closed = true
                        i += 1
                        break
                    }
                    var value: UInt32?
                    if c[i] == "\\" {
                        guard i + 1 < c.count else { return "\\ at end of pattern" }
                        let e = c[i + 1]
                        value = "dDwWsS".unicodeScalars.contains(e) ? nil : (e == "n" ? 10 : e == "t" ? 9 : e.value)
                        i += 2
                    } else {
                        value = c[i].value
                        i += 1
                    }
                    if i + 1 < c.count, c[i] == "-", c[i + 1] != "]" {
                        let low = value
                        i += 1
                        var high: UInt32?
                        if c[i] == "\\" {
                            guard i + 1 < c.count else { return "\\ at end of pattern" }
                            let e = c[i + 1]
                            high = "dDwWsS".unicodeScalars.contains(e) ? nil : e.value
                            i += 2
                        } else {
                            high = c[i].value
                            i += 1
                        }
                        if let l = low, let h = high, l > h { return "Range out of order in character class" }
                        previous = nil
                        continue
                    }
                    previous = value
                }
                _ = previous
                if !closed { return "Unterminated character class" }
                canRepeat = true
            case "*", "+", "?":
                if !canRepeat { return "Nothing to repeat" }
                i += 1
                if i < c.count && c[i] == "?" { i += 1 }
                canRepeat = false
            case "{":
                if let q = quantifierEnd(i) {
                    if !canRepeat { return "Nothing to repeat" }
                    if let m = q.max, m < q.min { return "numbers out of order in {} quantifier" }
                    i = q.end
                    if i < c.count && c[i] == "?" { i += 1 }
                    canRepeat = false
                } else {
                    i += 1
                    canRepeat = true
                }
            case "|":
                i += 1
                canRepeat = false
            case "^", "$":
                i += 1
                canRepeat = false
            default:
                i += 1
                canRepeat = true
            }
        }
        if depth > 0 { return "Unterminated group" }
        if !groupNames.isEmpty, let bad = namedReferences.first(where: { !groupNames.contains($0) }) {
            _ = bad
            return "Invalid named capture referenced"
        }
        return nil
    }
}
