/// Unified diffs (`diff -u`) between two versions of a file, as `--diff` prints them.
public enum UnifiedDiff {
    public static func render(path: String, old: [UInt8], new: [UInt8], context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        if a == b { return "" }
        // Common prefix and suffix, then a line LCS of the (small) middle.
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
            && a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        { suffix += 1 }
        let midA = Array(a[prefix..<(a.count - suffix)])
        let midB = Array(b[prefix..<(b.count - suffix)])
        var ops: [(Character, String)] = a[0..<prefix].map { (" ", $0) }
        ops += middle(midA, midB)
        ops += a[(a.count - suffix)...].map { (" ", $0) }

        // Relative paths as git writes them (a/ and b/), absolute ones as they are.
        var out = path.hasPrefix("/") ? "--- \(path)\n+++ \(path)\n" : "--- a/\(path)\n+++ b/\(path)\n"
        // Group the changes into hunks with `context` lines around them.
        var changed: [Int] = []
        for (k, op) in ops.enumerated() where op.0 != " " { changed.append(k) }
        var k = 0
        while k < changed.count {
            var start = max(0, changed[k] - context)
            var end = min(ops.count, changed[k] + context + 1)
            var j = k + 1
            while j < changed.count && changed[j] - context <= end {
                end = min(ops.count, changed[j] + context + 1)
                j += 1
            }
            start = max(0, start)
            var oldLine = 1
            var newLine = 1
            for op in ops[0..<start] {
                if op.0 != "+" { oldLine += 1 }
                if op.0 != "-" { newLine += 1 }
            }
            let hunk = ops[start..<end]
            let oldCount = hunk.filter { $0.0 != "+" }.count
            let newCount = hunk.filter { $0.0 != "-" }.count
            out += "@@ -\(range(oldLine, oldCount)) +\(range(newLine, newCount)) @@\n"
            for op in hunk {
                out += String(op.0) + op.1
                if !op.1.hasSuffix("\n") { out += "\n\\ No newline at end of file\n" }
            }
            k = j
        }
        return out
    }

    static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }

    /// Lines with their line breaks.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            result.append(String(decoding: bytes[start...i], as: UTF8.self))
            start = i + 1
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }

    static func middle(_ a: [String], _ b: [String]) -> [(Character, String)] {
        guard !a.isEmpty || !b.isEmpty else { return [] }
        // A large middle is shown as replaced wholesale (fixes change a few lines).
        guard a.count * b.count <= 4_000_000 else { return a.map { ("-", $0) } + b.map { ("+", $0) } }
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                ops.append((" ", a[i]))
                i += 1
                j += 1
            } else if j < b.count && (i == a.count || lcs[i][j + 1] >= lcs[i + 1][j]) {
                ops.append(("+", b[j]))
                j += 1
            } else {
                ops.append(("-", a[i]))
                i += 1
            }
        }
        // Show removals before additions within a change, as diff -u does.
        var sorted: [(Character, String)] = []
        var pendingAdds: [(Character, String)] = []
        for op in ops {
            switch op.0 {
            case "+": pendingAdds.append(op)
            case "-": sorted.append(op)
            default:
                sorted += pendingAdds
                pendingAdds = []
                sorted.append(op)
            }
        }
        return sorted + pendingAdds
    }
}
