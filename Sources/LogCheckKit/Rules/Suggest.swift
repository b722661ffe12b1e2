/// "Did you mean" suggestions.
public enum Suggest {
    /// Edit distance (insertions, deletions, substitutions, adjacent transpositions),
    /// comparing case-insensitively with `-`, `_` and camelCase treated alike.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// The distance, or any number above `limit` once it is sure to exceed it: every path of
    /// edits crosses each row of the table or, by a transposition, the row before it, so when
    /// two rows in a row are all above `limit` the distance is too.
    static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int = .max) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let width = y.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var prev2 = rows.baseAddress!
            var prev = prev2 + width
            var cur = prev + width
            for j in 0..<width {
                prev2[j] = 0
                prev[j] = j
            }
            var prevMin = 0
            for i in 1...x.count {
                cur[0] = i
                var rowMin = i
                for j in 1...y.count {
                    let cost = x[i - 1] == y[j - 1] ? 0 : 1
                    var d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                    if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
                        d = min(d, prev2[j - 2] + 1)
                    }
                    cur[j] = d
                    rowMin = min(rowMin, d)
                }
                if rowMin > limit && prevMin > limit { return limit + 1 }
                prevMin = rowMin
                (prev2, prev, cur) = (prev, cur, prev2)
            }
            return prev[y.count]
        }
    }

    /// A key normalised for comparison: lower case, without `_` and `-`.
    public static func normalized(_ s: String) -> String {
        String(String.UnicodeScalarView(scalars(s)))
    }

    static func scalars(_ s: String) -> [Unicode.Scalar] {
        s.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" }
    }

    /// How far a typo may be from the word: a third of its length, 1 to 3.
    static func limit(_ length: Int) -> Int { max(1, min(3, length / 3)) }

    /// Candidates prepared once (normalised), for rules that suggest from a fixed list.
    public struct Index: Sendable {
        let items: [(word: String, scalars: [Unicode.Scalar])]

        public init(_ candidates: [String]) {
            items = candidates.map { ($0, Suggest.scalars($0)) }
        }

        /// The candidates within `maxDistance` (default: the typo limit), closest first, then by name.
        func ranked(_ word: String, maxDistance: Int? = nil) -> [(String, Int)] {
            let w = Suggest.scalars(word)
            let limit = maxDistance ?? Suggest.limit(w.count)
            var found: [(String, Int)] = []
            for item in items where abs(item.scalars.count - w.count) <= limit {
                let d = item.scalars == w ? 0 : Suggest.distance(w, item.scalars, limit: limit)
                if d <= limit { found.append((item.word, d)) }
            }
            return found.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        }

        public func close(_ word: String) -> [String] { ranked(word).map(\.0) }

        public func closest(_ word: String, maxDistance: Int? = nil) -> String? {
            // The first candidate in list order among the nearest (as `Suggest.closest`).
            let ranked = ranked(word, maxDistance: maxDistance)
            guard let best = ranked.first?.1 else { return nil }
            let nearest = Set(ranked.filter { $0.1 == best }.map(\.0))
            return items.first { nearest.contains($0.word) }?.word
        }
    }

    /// The closest candidate, if it is close enough to be a likely typo.
    public static func closest(_ word: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
        Index(candidates).closest(word, maxDistance: maxDistance)
    }

    /// Candidates within the typo distance, closest first.
    public static func close(_ word: String, among candidates: [String]) -> [String] {
        Index(candidates).close(word)
    }
}
