extension String {
    /// Whether `needle` occurs in the string, comparing UTF-8 bytes (no Unicode normalisation,
    /// which file names and keys do not need); much cheaper than `contains(_: String)`.
    public func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count <= h.count else { return false }
                guard let first = n.first else { return true }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}

extension RandomAccessCollection where Index == Int {
    /// The first index at which `isBefore` is false, for a collection in which it holds for a
    /// prefix (a sorted collection and "less than the one sought"): a binary search.
    public func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if isBefore(self[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
