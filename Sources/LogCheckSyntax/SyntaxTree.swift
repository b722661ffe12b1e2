#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one positioned tree every reader produces.
///
/// Nodes live in flat arrays (an arena) so that a 50 MB input costs a few compact records per
/// node instead of an object each; `Node` and `Entry` are cheap cursors into it. Scalar text that
/// equals its source bytes is not copied.
public enum NodeKind: UInt8, Sendable, BitwiseCopyable {
    case mapping
    case sequence
    case scalar
    /// An expression whose value exists only at run time (`process.env.PORT || 3000`).
    case unknown
}

public enum ScalarType: UInt8, Sendable, BitwiseCopyable {
    case string
    case number
    case bool
    case null
    /// JavaScript `undefined` (PM2 treats it as absent).
    case undefined
}

/// How a scalar was written in the source.
public enum ScalarStyle: UInt8, Sendable {
    /// Unquoted: YAML plain scalars, JSON/JS numbers, `true`, `null`, JS bare keys.
    case plain
    case singleQuoted
    case doubleQuoted
    /// YAML `|` block scalar.
    case literal
    /// YAML `>` block scalar.
    case folded
    /// A JavaScript template literal without substitutions.
    case template
}

public enum CollectionStyle: UInt8, Sendable {
    case block
    case flow
}

/// What an `unknown` value is, when the reader can tell.
public enum UnknownKind: UInt8, Sendable {
    /// Any other expression.
    case expression
    /// `process.env.NAME` (detail: NAME).
    case environment
    /// A call such as `require('./x.json')` or `os.cpus().length` (detail: the callee text).
    case call
    /// A function or arrow function.
    case function
    /// A template literal with `${}` substitutions.
    case template
    /// A binding that was assigned in code the reader does not model (detail: its name).
    case reassigned
}

/// The JavaScript-visible value of a scalar.
public enum ScalarValue: Hashable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case undefined
}

struct RawNode: BitwiseCopyable {
    var kind: NodeKind
    var type: ScalarType = .string
    var style: UInt8 = 0
    var flags: UInt8 = 0
    var start: Int32
    var end: Int32
    /// Scalar: text offset; mapping: first entry; sequence/unknown: first child.
    var a: Int32 = 0
    /// Scalar: text length; containers: count.
    var b: Int32 = 0

    static let textInSource: UInt8 = 1
    static let hasUnknownEntries: UInt8 = 2
    /// A boolean scalar that is true.
    static let isTrue: UInt8 = 4
}

/// The value of a number scalar, kept apart so that a node is 20 bytes: few nodes are numbers.
struct NumberRecord: BitwiseCopyable {
    var node: Int32
    var value: Double
}

/// An entry as readers build it: its key and value nodes and its whole span.
struct RawEntry: BitwiseCopyable {
    var key: Int32
    var value: Int32
    var start: Int32
    var end: Int32
}

/// An entry as a tree keeps it: 12 bytes. Its span is the key's start to the later of the key's
/// and the value's ends, unless `SyntaxTree.entrySpans` says otherwise (a JavaScript entry that
/// starts before its key, like a getter `get x() {}`).
///
/// Most keys are strings whose text is their source, less the quotes: plain YAML keys, JSON keys
/// without escapes, bare and quoted JavaScript keys. Such a key lives in its entry instead of
/// being a node of 20 bytes (on a large file, keys are half the nodes): `key` then has its sign
/// bit set, the quoting in bits 28–29 and the source length below, `keyStart` is where it starts,
/// and its node id is `~index` (negative). Any other key is the node `key`.
struct EntryRecord: BitwiseCopyable {
    var key: Int32
    var value: Int32
    var keyStart: Int32 = 0

    init(key: Int32, value: Int32) {
        self.key = key
        self.value = value
    }

    static let longestInlineKey: Int32 = 0x0FFF_FFFF

    /// Whether `raw` is a key that can live in its entry: a string whose text is its source span,
    /// less one byte at each end when quoted.
    static func canHold(_ raw: RawNode) -> Bool {
        guard raw.kind == .scalar, raw.type == .string, raw.flags == RawNode.textInSource,
            raw.end - raw.start <= longestInlineKey
        else { return false }
        switch raw.style {
        case ScalarStyle.plain.rawValue: return raw.a == raw.start && raw.b == raw.end - raw.start
        case ScalarStyle.singleQuoted.rawValue, ScalarStyle.doubleQuoted.rawValue:
            return raw.a == raw.start + 1 && raw.b == raw.end - raw.start - 2
        default: return false
        }
    }

    /// An entry holding the key `raw` (which `canHold` accepted).
    init(holding raw: RawNode, value: Int32) {
        self.key = Int32(bitPattern: 0x8000_0000 | UInt32(raw.style) << 28 | UInt32(raw.end - raw.start))
        self.value = value
        self.keyStart = raw.start
    }

    var holdsKey: Bool { key < 0 }

    /// Where the text of a key the entry holds is in the source.
    var heldKeyText: Range<Int> {
        let length = Int(key & EntryRecord.longestInlineKey)
        let quote = key & 0x3000_0000 == 0 ? 0 : 1
        return Int(keyStart) + quote..<Int(keyStart) + length - quote
    }

    /// The node of a key the entry holds.
    var heldKey: RawNode {
        let text = heldKeyText
        var raw = RawNode(kind: .scalar, start: keyStart, end: keyStart + key & EntryRecord.longestInlineKey)
        raw.style = UInt8(truncatingIfNeeded: key >> 28) & 3
        raw.flags = RawNode.textInSource
        raw.a = Int32(text.lowerBound)
        raw.b = Int32(text.count)
        return raw
    }
}

/// The span of an entry that differs from the one its key and value give, by entry index.
struct EntrySpan: BitwiseCopyable {
    var entry: Int32
    var start: Int32
    var end: Int32
}

/// The syntax a tree was read from; fixes write new text in the same syntax.
public enum Dialect: UInt8, Sendable {
    case yaml
    case json
    case javascript
    /// Written by `TreeWriter` from a command line (a PM2 launch site): its scalars point at the
    /// words they come from, and no fix edits it.
    case commandLine
}

public final class SyntaxTree: @unchecked Sendable {
    public let source: SourceFile
    public let dialect: Dialect
    // Written only by the TreeBuilder of the one reader that makes the tree, and read-only once
    // it is finished (then shared between threads). Without `@exclusivity(unchecked)` every
    // read of a node pays a dynamic exclusivity check, a tenth of a whole run.
    @exclusivity(unchecked) var nodes = Records<RawNode>()
    @exclusivity(unchecked) var entries = Records<EntryRecord>()
    /// In entry order; most trees have none.
    @exclusivity(unchecked) var entrySpans = Records<EntrySpan>()
    @exclusivity(unchecked) var children = Records<Int32>()
    @exclusivity(unchecked) var text = Records<UInt8>()
    /// The values of number scalars, in node order.
    @exclusivity(unchecked) var numbers = Records<NumberRecord>()
    @exclusivity(unchecked) var details: [Int32: String] = [:]
    @exclusivity(unchecked) var rootID: Int32 = -1
    /// How many string scalars are single-quoted and double-quoted (the file's quoting habit),
    /// counted when the tree is finished.
    public internal(set) var quoteCounts: (single: Int, double: Int) = (0, 0)

    init(source: SourceFile, dialect: Dialect) {
        self.source = source
        self.dialect = dialect
    }

    public var root: Node? { rootID >= 0 ? Node(tree: self, id: rootID) : nil }
    public var nodeCount: Int { nodes.count }

    /// Node `id`: a node of `nodes`, or (negative) the key entry `~id` holds.
    @inline(__always)
    func raw(_ id: Int32) -> RawNode {
        id >= 0 ? nodes[Int(id)] : entries[Int(~id)].heldKey
    }

    /// The node id of entry `index`'s key.
    @inline(__always)
    func keyID(_ index: Int) -> Int32 {
        let key = entries[index].key
        return key < 0 ? ~Int32(index) : key
    }

    /// The span of entry `index`.
    func entrySpan(_ index: Int) -> Span {
        if entrySpans.count > 0 {
            let i = entrySpans.partitionPoint { Int($0.entry) < index }
            if i < entrySpans.count && Int(entrySpans[i].entry) == index {
                return Span(Int(entrySpans[i].start), Int(entrySpans[i].end))
            }
        }
        let key = raw(keyID(index))
        let value = nodes[Int(entries[index].value)]
        return Span(Int(key.start), Int(max(key.end, value.end)))
    }

    /// Entry `index` as readers built it.
    func rawEntry(_ index: Int) -> RawEntry {
        let span = entrySpan(index)
        return RawEntry(key: keyID(index), value: entries[index].value, start: Int32(span.start), end: Int32(span.end))
    }

    /// The value of number scalar `id` (numbers are recorded in node order).
    func numberValue(_ id: Int32) -> Double {
        let i = numbers.partitionPoint { $0.node < id }
        precondition(i < numbers.count && numbers[i].node == id, "number scalar without a value")
        return numbers[i].value
    }

    @inline(__always)
    func withText<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withText(of: raw(id), body)
    }

    @inline(__always)
    func withText<R>(of raw: RawNode, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = Int(raw.a)..<Int(raw.a) + Int(raw.b)
        if raw.flags & RawNode.textInSource != 0 { return withSource(range, body) }
        return text.withBuffer(range, body)
    }

    @inline(__always)
    func withSource<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        source.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether two byte strings are equal (lengths compared first).
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// Whether node `id` is a scalar whose text is exactly `want` (lengths compared first).
    func scalarText(_ id: Int32, equals want: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = raw(id)
        guard raw.kind == .scalar, Int(raw.b) == want.count else { return false }
        return withText(of: raw) { SyntaxTree.same($0, want) }
    }

    /// Whether entry `index` has a scalar key whose text is exactly `want`.
    @inline(__always)
    func keyText(ofEntry index: Int, equals want: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = entries[index]
        guard e.holdsKey else { return scalarText(e.key, equals: want) }
        let range = e.heldKeyText
        return range.count == want.count && withSource(range) { SyntaxTree.same($0, want) }
    }
}

/// A cursor to one node of a `SyntaxTree`.
public struct Node: @unchecked Sendable, CustomStringConvertible {
    public let tree: SyntaxTree
    public let id: Int32

    @inline(__always) var raw: RawNode { tree.raw(id) }

    public var kind: NodeKind { id < 0 ? .scalar : tree.nodes[Int(id)].kind }
    public var span: Span { Span(Int(raw.start), Int(raw.end)) }
    public var source: SourceFile { tree.source }
    public var dialect: Dialect { tree.dialect }

    public var isMapping: Bool { kind == .mapping }
    public var isSequence: Bool { kind == .sequence }
    public var isScalar: Bool { kind == .scalar }
    public var isUnknown: Bool { kind == .unknown }

    /// The exact source text of the node.
    public var sourceText: String { tree.source.text(span) }

    // MARK: scalars

    public var scalarType: ScalarType? { kind == .scalar ? raw.type : nil }
    public var scalarStyle: ScalarStyle { ScalarStyle(rawValue: raw.style) ?? .plain }
    public var collectionStyle: CollectionStyle { CollectionStyle(rawValue: raw.style) ?? .block }

    /// The decoded text of a scalar (for numbers and booleans: their source spelling).
    public var text: String? {
        guard kind == .scalar else { return nil }
        return tree.withText(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// The value of a string scalar.
    public var string: String? { kind == .scalar && raw.type == .string ? text : nil }

    public var number: Double? { kind == .scalar && raw.type == .number ? tree.numberValue(id) : nil }

    /// The number as an integer when it is one exactly.
    public var integer: Int? {
        guard let n = number, n.isFinite, n == n.rounded(), abs(n) < 9.0e15 else { return nil }
        return Int(n)
    }

    public var bool: Bool? { kind == .scalar && raw.type == .bool ? raw.flags & RawNode.isTrue != 0 : nil }
    public var isNull: Bool { kind == .scalar && raw.type == .null }
    public var isUndefined: Bool { kind == .scalar && raw.type == .undefined }

    public var scalar: ScalarValue? {
        guard kind == .scalar else { return nil }
        switch raw.type {
        case .string: return .string(text ?? "")
        case .number: return .number(tree.numberValue(id))
        case .bool: return .bool(raw.flags & RawNode.isTrue != 0)
        case .null: return .null
        case .undefined: return .undefined
        }
    }

    /// True when this is a string scalar equal to `value` (compared without allocating).
    public func isString(_ value: String) -> Bool {
        guard kind == .scalar && raw.type == .string else { return false }
        var v = value
        return v.withUTF8 { want in tree.withText(id) { have in have.elementsEqual(want) } }
    }

    /// JavaScript truthiness; nil when the value is only known at run time.
    public var isTruthy: Bool? {
        switch kind {
        case .mapping, .sequence: return true
        case .unknown: return nil
        case .scalar:
            switch raw.type {
            case .string: return raw.b > 0
            case .number:
                let n = tree.numberValue(id)
                return n != 0 && !n.isNaN
            case .bool: return raw.flags & RawNode.isTrue != 0
            case .null, .undefined: return false
            }
        }
    }

    // MARK: mappings

    public var entryCount: Int { kind == .mapping ? Int(raw.b) : 0 }

    public var entries: EntryList { EntryList(tree: tree, start: Int(raw.a), count: kind == .mapping ? Int(raw.b) : 0) }

    /// True when the mapping may hold entries the reader could not see (an unknown spread
    /// `...require('./x')` or a computed key): a missing key may still be present at run time.
    public var hasUnknownEntries: Bool { kind == .mapping && raw.flags & RawNode.hasUnknownEntries != 0 }

    /// The entry that decides `key` (the last one, as in JavaScript and JSON.parse).
    public func entry(_ key: String) -> Entry? {
        guard kind == .mapping else { return nil }
        var k = key
        return k.withUTF8 { want -> Entry? in
            let first = Int(raw.a)
            var i = first + Int(raw.b) - 1
            while i >= first {
                if tree.keyText(ofEntry: i, equals: want) { return Entry(tree: tree, index: i) }
                i -= 1
            }
            return nil
        }
    }

    public subscript(key: String) -> Node? { entry(key)?.value }

    // MARK: sequences

    public var elements: ChildList {
        ChildList(tree: tree, start: Int(raw.a), count: kind == .sequence ? Int(raw.b) : 0)
    }

    // MARK: unknown values

    public var unknownKind: UnknownKind? { kind == .unknown ? UnknownKind(rawValue: raw.style) : nil }

    /// For `process.env.NAME`: NAME; for calls: the callee; for reassigned bindings: the name.
    public var unknownDetail: String? { kind == .unknown ? tree.details[id] : nil }

    /// For `a || b`, `a ?? b` and ternaries: the literal values the expression may take.
    public var alternatives: ChildList {
        ChildList(tree: tree, start: Int(raw.a), count: kind == .unknown ? Int(raw.b) : 0)
    }

    public var description: String {
        switch kind {
        case .scalar: return "scalar(\(scalar.map { "\($0)" } ?? ""))@\(span)"
        case .unknown: return "unknown(\(sourceText))@\(span)"
        case .mapping: return "mapping[\(entryCount)]@\(span)"
        case .sequence: return "sequence[\(elements.count)]@\(span)"
        }
    }
}

/// One key/value pair of a mapping, with the key's span, the value's span and the whole entry's.
public struct Entry: @unchecked Sendable {
    public let tree: SyntaxTree
    let index: Int

    @inline(__always) var raw: EntryRecord { tree.entries[index] }

    public var keyNode: Node { Node(tree: tree, id: tree.keyID(index)) }
    public var value: Node { Node(tree: tree, id: raw.value) }
    /// The key's text, or nil for a computed key.
    public var key: String? { withKeyBytes { $0.map { String(decoding: $0, as: UTF8.self) } } }
    /// The key's bytes (nil for a computed key), without building a `String`.
    ///
    /// Inlined into its callers, so that their result type is known where it is built: called
    /// from another module, a generic function of this one runs unspecialised, and passing the
    /// result through the array access inside took about 280 instructions a key.
    @inlinable
    public func withKeyBytes<R>(_ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        var result: R? = nil
        visitKeyBytes { result = body($0) }
        return result!
    }

    /// Calls `body` once with the key's bytes (nil for a computed key).
    @usableFromInline
    func visitKeyBytes(_ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        let e = raw
        if e.holdsKey { return tree.withSource(e.heldKeyText) { body($0) } }
        guard tree.nodes[Int(e.key)].kind == .scalar else { return body(nil) }
        tree.withText(e.key) { body($0) }
    }
    /// Whether the key's text starts with `prefix` (false for a computed key), without building a `String`.
    public func keyHasPrefix(_ prefix: StaticString) -> Bool {
        withKeyBytes { b in
            guard let b, b.count >= prefix.utf8CodeUnitCount else { return false }
            let p = prefix.utf8Start
            for i in 0..<prefix.utf8CodeUnitCount where b[i] != p[i] { return false }
            return true
        }
    }
    public var keySpan: Span { keyNode.span }
    public var span: Span { tree.entrySpan(index) }
}

public struct EntryList: RandomAccessCollection, @unchecked Sendable {
    let tree: SyntaxTree
    let start: Int
    public let count: Int
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(i: Int) -> Entry { Entry(tree: tree, index: start + i) }
}

public struct ChildList: RandomAccessCollection, @unchecked Sendable {
    let tree: SyntaxTree
    let start: Int
    public let count: Int
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(i: Int) -> Node { Node(tree: tree, id: tree.children[start + i]) }
}

// MARK: - Building

/// Appends nodes post-order; readers use it and nothing else to make trees.
struct TreeBuilder {
    let tree: SyntaxTree

    init(source: SourceFile, dialect: Dialect) {
        tree = SyntaxTree(source: source, dialect: dialect)
    }

    mutating func scalar(
        _ type: ScalarType, style: ScalarStyle, span: Span, textSpan: Span? = nil,
        bytes: UnsafeBufferPointer<UInt8>? = nil, number: Double = 0
    ) -> Int32 {
        var raw = RawNode(kind: .scalar, start: Int32(span.start), end: Int32(span.end))
        raw.type = type
        raw.style = style.rawValue
        if type == .number {
            tree.numbers.append(NumberRecord(node: Int32(tree.nodes.count), value: number))
        } else if number != 0 {
            raw.flags |= RawNode.isTrue
        }
        if let ts = textSpan {
            raw.flags |= RawNode.textInSource
            raw.a = Int32(ts.start)
            raw.b = Int32(ts.length)
        } else if let bytes {
            raw.a = Int32(tree.text.count)
            raw.b = Int32(bytes.count)
            tree.text.append(contentsOf: bytes)
        }
        tree.nodes.append(raw)
        return Int32(tree.nodes.count - 1)
    }

    mutating func scalar(_ type: ScalarType, style: ScalarStyle, span: Span, string: String, number: Double = 0)
        -> Int32
    {
        var s = string
        return s.withUTF8 { scalar(type, style: style, span: span, bytes: $0, number: number) }
    }

    mutating func mapping(
        style: CollectionStyle, span: Span, entries: ArraySlice<RawEntry>, unknownEntries: Bool = false
    ) -> Int32 {
        var raw = RawNode(kind: .mapping, start: Int32(span.start), end: Int32(span.end))
        raw.style = style.rawValue
        raw.a = Int32(tree.entries.count)
        raw.b = Int32(entries.count)
        if unknownEntries { raw.flags |= RawNode.hasUnknownEntries }
        for e in entries {
            let key = tree.raw(e.key)
            let value = tree.raw(e.value)
            if e.start != key.start || e.end != max(key.end, value.end) {
                tree.entrySpans.append(EntrySpan(entry: Int32(tree.entries.count), start: e.start, end: e.end))
            }
            tree.entries.append(EntryRecord(key: e.key, value: e.value))
        }
        tree.nodes.append(raw)
        return Int32(tree.nodes.count - 1)
    }

    mutating func sequence(style: CollectionStyle, span: Span, children: ArraySlice<Int32>) -> Int32 {
        var raw = RawNode(kind: .sequence, start: Int32(span.start), end: Int32(span.end))
        raw.style = style.rawValue
        raw.a = Int32(tree.children.count)
        raw.b = Int32(children.count)
        tree.children.append(contentsOf: children)
        tree.nodes.append(raw)
        return Int32(tree.nodes.count - 1)
    }

    mutating func unknown(_ kind: UnknownKind, span: Span, detail: String? = nil, alternatives: [Int32] = []) -> Int32 {
        var raw = RawNode(kind: .unknown, start: Int32(span.start), end: Int32(span.end))
        raw.style = kind.rawValue
        raw.a = Int32(tree.children.count)
        raw.b = Int32(alternatives.count)
        tree.children.append(contentsOf: alternatives)
        tree.nodes.append(raw)
        let id = Int32(tree.nodes.count - 1)
        if let detail { tree.details[id] = detail }
        return id
    }

    func raw(_ id: Int32) -> RawNode { tree.raw(id) }
    func entry(_ index: Int) -> RawEntry { tree.rawEntry(index) }
    func child(_ index: Int) -> Int32 { tree.children[index] }

    func keyEquals(_ a: Int32, _ b: Int32) -> Bool {
        let ra = tree.raw(a)
        let rb = tree.raw(b)
        guard ra.kind == .scalar, rb.kind == .scalar, ra.b == rb.b else { return false }
        return tree.withText(a) { x in tree.withText(b) { y in SyntaxTree.same(x, y) } }
    }

    func keyText(_ id: Int32) -> String {
        tree.withText(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// The finished tree. Node ids the reader keeps beyond the root (`others`) are renumbered
    /// with the tree's.
    mutating func finish(root: Int32?, others: inout [Int32]) -> SyntaxTree {
        tree.rootID = root ?? -1
        countQuotes()
        moveKeysIntoEntries(others: &others)
        // The storage grew by doubling; a tree lives until the report, so give back the slack.
        tree.nodes.fit()
        tree.entries.fit()
        tree.entrySpans.fit()
        tree.children.fit()
        tree.text.fit()
        tree.numbers.fit()
        return tree
    }

    mutating func finish(root: Int32?) -> SyntaxTree {
        var none: [Int32] = []
        return finish(root: root, others: &none)
    }

    private func countQuotes() {
        var single = 0
        var double = 0
        tree.nodes.withBuffer(0..<tree.nodes.count) { nodes in
            for n in nodes where n.kind == .scalar && n.type == .string {
                if n.style == ScalarStyle.singleQuoted.rawValue {
                    single += 1
                } else if n.style == ScalarStyle.doubleQuoted.rawValue {
                    double += 1
                }
            }
        }
        tree.quoteCounts = (single, double)
    }

    /// Moves the keys that an entry can hold (see `EntryRecord`) out of the nodes and renumbers
    /// the rest. A key node stays when anything but an entry's key refers to it (a YAML alias of
    /// an anchored key, a reader's own reference).
    private func moveKeysIntoEntries(others: inout [Int32]) {
        let tree = tree
        guard tree.entries.count > 0 else { return }
        // Nodes something other than an entry's key refers to stay.
        var used = NodeBits(tree.nodes.count)
        if tree.rootID >= 0 { used.insert(tree.rootID) }
        for id in others where id >= 0 { used.insert(id) }
        tree.entries.withBuffer(0..<tree.entries.count) { for e in $0 { used.insert(e.value) } }
        tree.children.withBuffer(0..<tree.children.count) { for id in $0 { used.insert(id) } }
        var moved = NodeBits(tree.nodes.count)
        tree.entries.withBuffer(0..<tree.entries.count) { entries in
            for e in entries where !used.contains(e.key) && EntryRecord.canHold(tree.nodes[Int(e.key)]) {
                moved.insert(e.key)
            }
        }
        guard moved.countsBefore() else { return }
        tree.entries.updateEach { e in
            e =
                moved.contains(e.key)
                ? EntryRecord(holding: tree.nodes[Int(e.key)], value: moved.renumber(e.value))
                : EntryRecord(key: moved.renumber(e.key), value: moved.renumber(e.value))
        }
        tree.children.updateEach { $0 = moved.renumber($0) }
        tree.numbers.updateEach { $0.node = moved.renumber($0.node) }
        if !tree.details.isEmpty {
            tree.details = Dictionary(uniqueKeysWithValues: tree.details.map { (moved.renumber($0.key), $0.value) })
        }
        if tree.rootID >= 0 { tree.rootID = moved.renumber(tree.rootID) }
        for i in others.indices where others[i] >= 0 { others[i] = moved.renumber(others[i]) }
        tree.nodes.compact { !moved.contains(Int32($0)) }
    }
}

/// A set of node ids, one bit each; once `countsBefore` has run, `renumber` gives a node's id
/// among the nodes not in the set.
private struct NodeBits {
    private var words: [UInt64]
    /// For each word, how many ids of the words before it are in the set.
    private var before: [Int32] = []

    init(_ count: Int) { words = [UInt64](repeating: 0, count: (count + 63) >> 6) }

    @inline(__always) private static func bit(_ id: Int32) -> UInt64 { 1 << UInt64(id & 63) }

    @inline(__always) mutating func insert(_ id: Int32) { words[Int(id) >> 6] |= NodeBits.bit(id) }

    @inline(__always) func contains(_ id: Int32) -> Bool { words[Int(id) >> 6] & NodeBits.bit(id) != 0 }

    /// Counts the ids before each word; false when the set is empty.
    mutating func countsBefore() -> Bool {
        var total: Int32 = 0
        before = words.map { w in
            defer { total += Int32(w.nonzeroBitCount) }
            return total
        }
        return total > 0
    }

    /// `id` less the ids in the set below it.
    @inline(__always) func renumber(_ id: Int32) -> Int32 {
        let w = Int(id) >> 6
        return id - before[w] - Int32((words[w] & (NodeBits.bit(id) &- 1)).nonzeroBitCount)
    }
}
