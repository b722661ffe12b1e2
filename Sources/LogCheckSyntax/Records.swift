#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The growable storage of a tree's records (nodes, entries, children, text, numbers).
///
/// It grows and shrinks with `realloc`, which for large blocks moves the pages (`mremap`)
/// instead of copying them: while a 50 MB file is read, a doubling `Array` holds the old and the
/// new buffer at once, and trimming its slack afterwards needs a third copy, so the tree's peak
/// was twice its size. Indexes are checked as an `Array`'s are. It cannot be copied (two copies
/// would share one buffer that either may move), and it frees its buffer when its tree goes away.
struct Records<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>? = nil
    // 32-bit, so that the six record arrays of a tree take 16 bytes each (node ids are 32-bit too).
    private var count32: Int32 = 0
    private var capacity32: Int32 = 0

    var count: Int { Int(count32) }
    private var capacity: Int { Int(capacity32) }

    init() {}

    deinit {
        free(base)
    }

    @inline(__always)
    subscript(i: Int) -> Element {
        precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "record index out of range")
        return base.unsafelyUnwrapped[i]
    }

    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        base.unsafelyUnwrapped[count] = element
        count32 += 1
    }

    mutating func append<C: Collection>(contentsOf elements: C) where C.Element == Element {
        let n = elements.count
        guard n > 0 else { return }
        if count + n > capacity { grow(to: count + n) }
        var p = base.unsafelyUnwrapped + count
        for e in elements {
            p.initialize(to: e)
            p += 1
        }
        count32 += Int32(n)
    }

    /// The records in `range`, as a buffer valid for the duration of `body`.
    func withBuffer<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<Element>) -> R) -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "record range out of bounds")
        guard let base else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// The first index at which `isBefore` is false (see `RandomAccessCollection.partitionPoint`).
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        withBuffer(0..<count) { $0.partitionPoint(isBefore) }
    }

    /// Changes every record in place.
    mutating func updateEach(_ body: (inout Element) -> Void) {
        guard let base else { return }
        for i in 0..<count { body(&base[i]) }
    }

    /// Keeps, in order, the records whose index `keep` accepts, and gives back the rest.
    mutating func compact(keeping keep: (Int) -> Bool) {
        guard let base else { return }
        var kept = 0
        for i in 0..<count where keep(i) {
            base[kept] = base[i]
            kept += 1
        }
        count32 = Int32(kept)
        fit()
    }

    /// Gives back the slack of growth (in place for large blocks).
    mutating func fit() {
        guard capacity > count else { return }
        if count == 0 {
            free(base)
            base = nil
            capacity32 = 0
            return
        }
        resize(count)
    }

    private mutating func grow(to minimum: Int) {
        resize(Swift.max(minimum, Swift.min(capacity < 16 ? 16 : capacity * 2, Int(Int32.max))))
    }

    private mutating func resize(_ newCapacity: Int) {
        precondition(newCapacity <= Int(Int32.max), "record storage too large")
        let (bytes, overflow) = newCapacity.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        precondition(!overflow, "record storage too large")
        guard let p = realloc(base, bytes) else { fatalError("out of memory growing a syntax tree to \(bytes) bytes") }
        base = p.assumingMemoryBound(to: Element.self)
        capacity32 = Int32(newCapacity)
    }
}
