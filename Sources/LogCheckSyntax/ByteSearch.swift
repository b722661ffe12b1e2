#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Whether `needle` occurs in the string, comparing UTF-8 bytes (no Unicode normalisation,
    /// which file names and keys do not need); much cheaper than `contains(_: String)`.
    public func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { h.containsBytes($0) } }
    }
}

/// An ASCII decimal digit.
@inlinable public func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

/// The value of an ASCII hexadecimal digit (either case).
@inlinable public func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case 0x30...0x39: return UInt32(b - 0x30)
    case 0x41...0x46: return UInt32(b - 0x41 + 10)
    case 0x61...0x66: return UInt32(b - 0x61 + 10)
    default: return nil
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether the bytes are exactly `word`'s.
    public func equals(_ word: StaticString) -> Bool {
        guard count == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for i in 0..<count where self[i] != p[i] { return false }
        return true
    }

    /// Whether `needle` occurs in the bytes: `memchr` finds each candidate first byte (it reads
    /// many bytes at a time), and the rest is compared there.
    public func containsBytes(_ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= count, let base = baseAddress else { return false }
        var i = 0
        let last = count - needle.count
        while i <= last {
            guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return false }
            let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
            i = at + 1
        }
        return false
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
