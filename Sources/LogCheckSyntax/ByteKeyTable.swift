#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fixed set of strings, each with a value, looked up by UTF-8 bytes: a key read from a file
/// is found without building a `String` or hashing it with SipHash (FNV-1a and open addressing).
/// A class, so that reading a table kept in a global retains one object, not its four arrays.
public final class ByteKeyTable: @unchecked Sendable {
    // Written once by `init`, then only read. Kept as plain pointers: a lookup is a hash and a
    // probe or two, and array accesses (retains, bounds checks) were most of its cost.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int32>
    private let values: UnsafeMutableBufferPointer<Int32>
    /// Index into `starts`/`values` plus one; 0 is an empty slot.
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let mask: Int

    /// The first value given for a key wins.
    public init(_ pairs: [(String, Int)]) {
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        var values: [Int32] = []
        var size = 16
        while size < pairs.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (key, value) in pairs {
            let k = Array(key.utf8)
            var slot = ByteKeyTable.hash(k) & mask
            var duplicate = false
            while slots[slot] != 0 {
                let i = Int(slots[slot]) - 1
                if bytes[Int(starts[i])..<Int(starts[i + 1])].elementsEqual(k) {
                    duplicate = true
                    break
                }
                slot = (slot + 1) & mask
            }
            if duplicate { continue }
            bytes += k
            starts.append(Int32(bytes.count))
            values.append(Int32(value))
            slots[slot] = Int32(values.count)
        }
        func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
            _ = p.initialize(from: a)
            return p
        }
        self.bytes = copy(bytes)
        self.starts = copy(starts)
        self.values = copy(values)
        self.slots = copy(slots)
        self.mask = mask
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        values.deallocate()
        slots.deallocate()
    }

    static func hash<C: Collection>(_ key: C) -> Int where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    public func value(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = ByteKeyTable.hash(key) & mask
        while true {
            let s = slots[slot]
            if s == 0 { return nil }
            let i = Int(s) - 1
            let start = Int(starts[i])
            if Int(starts[i + 1]) - start == key.count
                && (key.count == 0 || memcmp(bytes.baseAddress! + start, key.baseAddress!, key.count) == 0)
            {
                return Int(values[i])
            }
            slot = (slot + 1) & mask
        }
    }

    public func value(_ key: String) -> Int? {
        var key = key
        return key.withUTF8 { value($0) }
    }
}
