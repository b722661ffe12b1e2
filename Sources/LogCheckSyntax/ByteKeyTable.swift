/// A fixed set of strings, each with a value, looked up by UTF-8 bytes: a key read from a file
/// is found without building a `String` or hashing it with SipHash (FNV-1a and open addressing).
/// A class, so that reading a table kept in a global retains one object, not its four arrays.
public final class ByteKeyTable: Sendable {
    private let bytes: [UInt8]
    private let starts: [Int32]
    private let values: [Int32]
    /// Index into `starts`/`values` plus one; 0 is an empty slot.
    private let slots: [Int32]
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
                if bytes[Int(starts[i])..<Int(starts[i + 1])].elementsEqual(k) { duplicate = true; break }
                slot = (slot + 1) & mask
            }
            if duplicate { continue }
            bytes += k
            starts.append(Int32(bytes.count))
            values.append(Int32(value))
            slots[slot] = Int32(values.count)
        }
        self.bytes = bytes
        self.starts = starts
        self.values = values
        self.slots = slots
        self.mask = mask
    }

    static func hash<C: Collection>(_ key: C) -> Int where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    public func value(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = ByteKeyTable.hash(key) & mask
        return bytes.withUnsafeBufferPointer { stored in
            while slots[slot] != 0 {
                let i = Int(slots[slot]) - 1
                let start = Int(starts[i])
                if Int(starts[i + 1]) - start == key.count {
                    var j = 0
                    while j < key.count && stored[start + j] == key[j] { j += 1 }
                    if j == key.count { return Int(values[i]) }
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    public func value(_ key: String) -> Int? {
        var key = key
        return key.withUTF8 { value($0) }
    }
}
