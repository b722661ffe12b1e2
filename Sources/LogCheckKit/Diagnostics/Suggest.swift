/// "Did you mean" suggestions.
public enum Suggest {
    /// Edit distance (insertions, deletions, substitutions, adjacent transpositions),
    /// comparing case-insensitively with `-`, `_` and camelCase treated alike.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev2 = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            prev2 = prev
            prev = cur
        }
        return prev[y.count]
    }

    /// A key normalised for comparison: lower case, without `_` and `-`.
    public static func normalized(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" })
    }

    /// The closest candidate, if it is close enough to be a likely typo.
    public static func closest(_ word: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
        let w = normalized(word)
        var best: (String, Int)? = nil
        for c in candidates {
            let n = normalized(c)
            let d = n == w ? 0 : distance(w, n)
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (c, d) = best else { return nil }
        let limit = maxDistance ?? max(1, min(3, w.count / 3))
        return d <= limit ? c : nil
    }

    /// Candidates within the typo distance, closest first.
    public static func close(_ word: String, among candidates: [String]) -> [String] {
        let w = normalized(word)
        let limit = max(1, min(3, w.count / 3))
        return candidates
            .map { ($0, distance(w, normalized($0))) }
            .filter { $0.1 <= limit }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { $0.0 }
    }
}
