import CYAML

/// Reads YAML through libyaml's event API, keeping exact start and end positions of every node,
/// and resolves plain scalars as js-yaml 4 does (PM2 and most Node apps load YAML with js-yaml):
/// the YAML 1.2 core schema, so `yes`/`no`/`on`/`off` stay strings.
///
/// Anchors and aliases are shared, not copied; the total size they expand to is bounded.
/// `<<` merge keys work. A duplicate key or a second document is an error, as js-yaml rejects both.
public enum YAMLReader {
    public static func read(_ source: SourceFile) -> ReadResult {
        if let d = EncodingCheck.diagnose(source) { return ReadResult(tree: nil, diagnostics: [d]) }
        return source.bytes.withUnsafeBufferPointer { buf in
            var reader = YAMLEventReader(source: source, buf: buf)
            return reader.run()
        }
    }
}

private struct YAMLAbort: Error {}

private struct Frame {
    var isMapping: Bool
    var start: Int
    var style: CollectionStyle
    var anchor: String?
    var base: Int
    var pendingKey: Int32?
    var size: Int = 1
    /// Entries whose key is a plain `<<`: (index in entryStack of the merge entry, value node).
    var merges: [(position: Int, value: Int32)] = []
}

private struct YAMLEventReader {
    let source: SourceFile
    let buf: UnsafeBufferPointer<UInt8>
    var builder: TreeBuilder
    var diagnostics: [SyntaxDiagnostic] = []
    var frames: [Frame] = []
    var entryStack: [RawEntry] = []
    var childStack: [Int32] = []
    /// Each anchor's node and its expanded size (nodes counted through aliases): an alias adds
    /// that many nodes to the alias-bomb count.
    var anchors: [String: (id: Int32, size: Int)] = [:]
    var root: Int32? = nil
    var documents = 0
    // char index -> byte offset cursor
    var cursorChar = 0
    var cursorByte: Int

    init(source: SourceFile, buf: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.buf = buf
        self.builder = TreeBuilder(source: source, dialect: .yaml)
        self.cursorByte = source.bomLength
    }

    mutating func byteOffset(_ mark: yaml_mark_t) -> Int {
        let c = Int(mark.index)
        if source.isASCII { return min(source.bomLength + c, buf.count) }
        while cursorChar < c && cursorByte < buf.count {
            cursorByte += 1
            while cursorByte < buf.count && buf[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
            cursorChar += 1
        }
        while cursorChar > c && cursorByte > source.bomLength {
            cursorByte -= 1
            while cursorByte > source.bomLength && buf[cursorByte] & 0xC0 == 0x80 { cursorByte -= 1 }
            cursorChar -= 1
        }
        return cursorByte
    }

    mutating func run() -> ReadResult {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return ReadResult(
                tree: nil,
                diagnostics: [
                    SyntaxDiagnostic(.yamlSyntax, .error, "libyaml could not start (out of memory)", at: Span(0, 0))
                ])
        }
        defer { yaml_parser_delete(&parser) }
        // libyaml does not skip a byte order mark once the encoding is set; start after it.
        let bom = source.bomLength
        yaml_parser_set_input_string(&parser, buf.baseAddress.map { $0 + bom }, buf.count - bom)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var event = yaml_event_t()
        do {
            loop: while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    syntaxError(parser)
                    throw YAMLAbort()
                }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    break loop
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents == 2 {
                        let at = byteOffset(event.start_mark)
                        diagnostics.append(
                            SyntaxDiagnostic(
                                .multipleDocuments, .error,
                                "a second YAML document starts here; js-yaml's load() (used by PM2) throws \"expected a single document in the stream, but found more\"",
                                at: Span(at, min(at + 3, buf.count)),
                                notes: [
                                    "keep one document per file: remove the '---' separator and merge or move the rest"
                                ]))
                    }
                case YAML_SCALAR_EVENT:
                    if documents > 1 { continue }
                    try scalar(event)
                case YAML_ALIAS_EVENT:
                    if documents > 1 { continue }
                    try alias(event)
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    if documents > 1 { continue }
                    try startCollection(event)
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    if documents > 1 { continue }
                    try endCollection(event)
                default:
                    break
                }
            }
        } catch {
            return ReadResult(tree: nil, diagnostics: diagnostics)
        }
        return ReadResult(tree: builder.finish(root: root), diagnostics: diagnostics)
    }

    mutating func syntaxError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
        let context = parser.context.map { String(cString: $0) }
        var message = "YAML syntax error: \(problem)"
        if let context { message += " (\(context))" }
        var at: Int
        if parser.error == YAML_READER_ERROR {
            at = min(source.bomLength + Int(parser.problem_offset), buf.count)
        } else {
            at = byteOffset(parser.problem_mark)
        }
        at = min(at, buf.count)
        var related: [(span: Span, message: String)] = []
        if let context, parser.context_mark.index != parser.problem_mark.index {
            let c = byteOffset(parser.context_mark)
            var what = context
            for prefix in ["while parsing ", "while scanning ", "a ", "an "] where what.hasPrefix(prefix) {
                what.removeFirst(prefix.count)
            }
            related.append((Span(c, min(c + 1, buf.count)), "the \(what) starts here"))
        }
        diagnostics.append(
            SyntaxDiagnostic(
                .yamlSyntax, .error, message + "; js-yaml (used by PM2) fails to load the file too",
                at: Span(at, min(at + 1, buf.count)), related: related, notes: YAMLEventReader.help(for: problem)))
    }

    /// What usually causes libyaml's most frequent problems.
    static func help(for problem: String) -> [String] {
        if problem.contains("tab") {
            return ["indent with spaces: YAML does not allow tabs in indentation"]
        }
        if problem.hasPrefix("did not find expected key") || problem.hasPrefix("did not find expected '-' indicator") {
            return [
                "check this line's indentation: the keys of one mapping (and the items of one list) must start in the same column"
            ]
        }
        if problem.hasPrefix("mapping values are not allowed") {
            return [
                "a ':' followed by a space inside an unquoted value starts a new key: quote the value, or fix the indentation"
            ]
        }
        if problem.hasPrefix("found character that cannot start any token") {
            return ["values starting with @, ` or a tab must be quoted"]
        }
        if problem.hasPrefix("found unexpected end of stream") {
            return ["a quoted value or a [ ] / { } collection is not closed"]
        }
        return []
    }

    static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }

    // MARK: nodes

    mutating func place(_ id: Int32, size: Int, at start: Int, anchor: String? = nil) throws {
        if let anchor { anchors[anchor] = (id, size) }
        guard !frames.isEmpty else {
            root = id
            return
        }
        // The innermost frame is changed in place (a copy would retain and release its fields
        // for every node of the file).
        let top = frames.count - 1
        frames[top].size += size
        let expanded = frames[top].size
        // A large file without aliases expands to exactly the nodes it has; only aliases that
        // multiply it (expanding to over ten times the nodes written) make a bomb.
        if expanded > ReaderLimits.maxExpandedNodes
            && expanded > ReaderLimits.aliasExpansionRatio * builder.tree.nodes.count
        {
            diagnostics.append(
                SyntaxDiagnostic(
                    .aliasExpansion, .error,
                    "YAML aliases here expand to more than \(ReaderLimits.maxExpandedNodes) nodes (an alias bomb); logcheck stops reading this file, and anything that expands it would hang or run out of memory",
                    at: Span(start, min(start + 1, buf.count))))
            throw YAMLAbort()
        }
        if frames[top].isMapping {
            if let key = frames[top].pendingKey {
                let keyRaw = builder.raw(key)
                let valueRaw = builder.raw(id)
                if keyRaw.style == ScalarStyle.plain.rawValue && isMergeKey(key) {
                    frames[top].merges.append((entryStack.count, id))
                }
                entryStack.append(
                    RawEntry(key: key, value: id, start: keyRaw.start, end: max(valueRaw.end, keyRaw.end)))
                frames[top].pendingKey = nil
            } else {
                frames[top].pendingKey = id
            }
        } else {
            childStack.append(id)
        }
    }

    /// Whether `key` is the scalar `<<`.
    func isMergeKey(_ key: Int32) -> Bool {
        let merge: StaticString = "<<"
        return builder.tree.scalarText(
            key, equals: UnsafeBufferPointer(start: merge.utf8Start, count: merge.utf8CodeUnitCount))
    }

    mutating func scalar(_ event: yaml_event_t) throws {
        let s = event.data.scalar
        var start = byteOffset(event.start_mark)
        var end = byteOffset(event.end_mark)
        let style: ScalarStyle
        switch s.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        if style == .literal || style == .folded {
            while end > start && (buf[end - 1] == 0x0A || buf[end - 1] == 0x0D || buf[end - 1] == 0x20) { end -= 1 }
        }
        if end < start { end = start }
        if s.length == 0 && style == .plain {
            // An empty value (`key:`) has no text; point at where it would be.
            start = min(start, end)
            end = start
        }
        let value = UnsafeBufferPointer(start: s.value, count: Int(s.length))
        let tag = YAMLEventReader.string(s.tag)
        let id: Int32
        let type: ScalarType
        var number = 0.0
        let resolveImplicit = style == .plain && (tag == nil)
        if let tag, tag != "!" {
            switch tag {
            case "tag:yaml.org,2002:str": type = .string
            case "tag:yaml.org,2002:null": type = .null
            case "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
                let r = YAMLScalarResolver.resolve(value)
                let want: ScalarType = tag.hasSuffix("bool") ? .bool : .number
                guard r.type == want else {
                    diagnostics.append(
                        SyntaxDiagnostic(
                            .yamlSyntax, .error,
                            "\(String(decoding: value, as: UTF8.self).debugDescription) cannot be read as \(tag.split(separator: ":").last ?? ""); js-yaml throws \"cannot resolve a node with !<\(tag)> explicit tag\"",
                            at: Span(start, end)))
                    throw YAMLAbort()
                }
                type = r.type
                number = r.number
            default:
                diagnostics.append(
                    SyntaxDiagnostic(
                        .yamlSyntax, .error,
                        "unknown tag !<\(tag)>; js-yaml (used by PM2) throws \"unknown tag\" and the file is not loaded",
                        at: Span(start, end)))
                throw YAMLAbort()
            }
        } else if resolveImplicit {
            let r = YAMLScalarResolver.resolve(value)
            type = r.type
            number = r.number
        } else {
            type = .string
        }
        // Reference the source bytes when the value is written there verbatim.
        var textSpan: Span? = nil
        var inner = Span(start, end)
        if style == .singleQuoted || style == .doubleQuoted { inner = Span(start + 1, max(start + 1, end - 1)) }
        if inner.length == value.count && inner.end <= buf.count
            && (value.count == 0 || memcmpEqual(value, inner.start))
        {
            textSpan = inner
        }
        if let textSpan {
            id = builder.scalar(type, style: style, span: Span(start, end), textSpan: textSpan, number: number)
        } else {
            id = builder.scalar(type, style: style, span: Span(start, end), bytes: value, number: number)
        }
        try place(id, size: 1, at: start, anchor: YAMLEventReader.string(s.anchor))
    }

    func memcmpEqual(_ value: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        guard let v = value.baseAddress, let b = buf.baseAddress else { return value.isEmpty }
        return memcmp(v, b + at, value.count) == 0
    }

    mutating func alias(_ event: yaml_event_t) throws {
        let name = YAMLEventReader.string(event.data.alias.anchor) ?? ""
        let start = byteOffset(event.start_mark)
        let end = byteOffset(event.end_mark)
        guard let target = anchors[name] else {
            diagnostics.append(
                SyntaxDiagnostic(
                    .yamlSyntax, .error,
                    "alias *\(name) refers to an anchor &\(name) that is not defined before it; js-yaml throws \"unidentified alias\"",
                    at: Span(start, end)))
            throw YAMLAbort()
        }
        try place(target.id, size: target.size, at: start)
    }

    mutating func startCollection(_ event: yaml_event_t) throws {
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let start = byteOffset(event.start_mark)
        if frames.count >= ReaderLimits.maxDepth {
            diagnostics.append(
                SyntaxDiagnostic(
                    .tooDeep, .error,
                    "nesting is deeper than \(ReaderLimits.maxDepth) levels; logcheck stops reading here (no real config nests this deep)",
                    at: Span(start, min(start + 1, buf.count))))
            throw YAMLAbort()
        }
        let anchorPtr = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
        let tagPtr = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
        if let tag = YAMLEventReader.string(tagPtr), tag != "!",
            tag != (isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq")
        {
            let known = ["tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs", "tag:yaml.org,2002:set"]
            if !known.contains(tag) {
                diagnostics.append(
                    SyntaxDiagnostic(
                        .yamlSyntax, .error,
                        "unknown tag !<\(tag)>; js-yaml (used by PM2) throws \"unknown tag\" and the file is not loaded",
                        at: Span(start, min(start + 1, buf.count))))
                throw YAMLAbort()
            }
        }
        let flow =
            isMapping
            ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
            : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
        frames.append(
            Frame(
                isMapping: isMapping, start: start, style: flow ? .flow : .block,
                anchor: YAMLEventReader.string(anchorPtr),
                base: isMapping ? entryStack.count : childStack.count))
    }

    mutating func endCollection(_ event: yaml_event_t) throws {
        let frame = frames.removeLast()
        var end = byteOffset(event.end_mark)
        let id: Int32
        if frame.isMapping {
            if frame.style == .block {
                end = frame.start
                for e in entryStack[frame.base...] { end = max(end, Int(e.end)) }
            }
            let explicit = entryStack[frame.base...]
            for (first, second) in DuplicateKeys.find(explicit, builder) {
                let name = builder.keyText(second.key)
                if name == "<<" && !frame.merges.isEmpty { continue }
                diagnostics.append(
                    SyntaxDiagnostic(
                        .duplicateKey, .error,
                        "key \"\(name)\" appears twice in this mapping; js-yaml (used by PM2) throws \"duplicated mapping key\" and the file is not loaded",
                        at: Span(Int(builder.raw(second.key).start), Int(builder.raw(second.key).end)),
                        related: [
                            (
                                Span(Int(builder.raw(first.key).start), Int(builder.raw(first.key).end)),
                                "first \"\(name)\" here"
                            )
                        ]))
            }
            if frame.merges.isEmpty {
                id = builder.mapping(style: frame.style, span: Span(frame.start, end), entries: explicit)
            } else {
                let merged = try applyMerges(frame)
                id = builder.mapping(style: frame.style, span: Span(frame.start, end), entries: merged[...])
            }
            entryStack.removeSubrange(frame.base...)
        } else {
            if frame.style == .block {
                end = frame.start
                for c in childStack[frame.base...] { end = max(end, Int(builder.raw(c).end)) }
            }
            id = builder.sequence(style: frame.style, span: Span(frame.start, end), children: childStack[frame.base...])
            childStack.removeSubrange(frame.base...)
        }
        try place(id, size: frame.size, at: frame.start, anchor: frame.anchor)
    }

    /// Builds the entries of a mapping with `<<` keys as js-yaml does: explicit keys always win;
    /// among merged mappings the first one that has a key wins.
    mutating func applyMerges(_ frame: Frame) throws -> [RawEntry] {
        let explicit = Array(entryStack[frame.base...])
        let mergePositions = Set(frame.merges.map { $0.position - frame.base })
        var taken = Set<String>()
        for (i, e) in explicit.enumerated() where !mergePositions.contains(i) && builder.raw(e.key).kind == .scalar {
            taken.insert(builder.keyText(e.key))
        }
        var result: [RawEntry] = []
        for (i, e) in explicit.enumerated() {
            guard mergePositions.contains(i) else {
                result.append(e)
                continue
            }
            var sources: [Int32] = []
            let v = builder.raw(e.value)
            if v.kind == .mapping {
                sources = [e.value]
            } else if v.kind == .sequence {
                for k in 0..<Int(v.b) { sources.append(builder.child(Int(v.a) + k)) }
            }
            if sources.isEmpty || sources.contains(where: { builder.raw($0).kind != .mapping }) {
                diagnostics.append(
                    SyntaxDiagnostic(
                        .yamlSyntax, .error,
                        "a << merge key needs a mapping or a list of mappings; js-yaml throws \"cannot merge mappings; the provided source object is unacceptable\"",
                        at: Span(Int(e.start), Int(e.end))))
                throw YAMLAbort()
            }
            for s in sources {
                let m = builder.raw(s)
                for k in 0..<Int(m.b) {
                    let me = builder.entry(Int(m.a) + k)
                    // A key that is not a scalar (`? [a]`, or an alias of a mapping) has no text.
                    if builder.raw(me.key).kind == .scalar && !taken.insert(builder.keyText(me.key)).inserted {
                        continue
                    }
                    result.append(me)
                }
            }
        }
        return result
    }
}

/// Plain-scalar resolution of js-yaml 4's default schema.
public enum YAMLScalarResolver {
    public static func resolve(_ v: UnsafeBufferPointer<UInt8>) -> (type: ScalarType, number: Double) {
        let n = v.count
        if n == 0 { return (.null, 0) }
        let first = v[0]
        switch first {
        case UInt8(ascii: "~"):
            if n == 1 { return (.null, 0) }
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if v.equals("null") || v.equals("Null") || v.equals("NULL") { return (.null, 0) }
            return (.string, 0)
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if v.equals("true") || v.equals("True") || v.equals("TRUE") { return (.bool, 1) }
            return (.string, 0)
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if v.equals("false") || v.equals("False") || v.equals("FALSE") { return (.bool, 0) }
            return (.string, 0)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let i = integer(v) { return (.number, i) }
            if let f = float(v) { return (.number, f) }
        default:
            return (.string, 0)
        }
        return (.string, 0)
    }

    /// js-yaml `int`: optional sign, then `0`, `0b…`, `0x…`, `0o…` or decimal digits.
    static func integer(_ v: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var sign = 1.0
        if v[0] == UInt8(ascii: "-") || v[0] == UInt8(ascii: "+") {
            if v[0] == UInt8(ascii: "-") { sign = -1 }
            i = 1
        }
        guard i < v.count else { return nil }
        var radix = 10
        if v[i] == UInt8(ascii: "0") {
            if i + 1 == v.count { return sign * 0 }
            switch v[i + 1] {
            case UInt8(ascii: "b"):
                radix = 2
                i += 2
            case UInt8(ascii: "x"):
                radix = 16
                i += 2
            case UInt8(ascii: "o"):
                radix = 8
                i += 2
            default: break
            }
        }
        guard i < v.count else { return nil }
        var value = 0.0
        while i < v.count {
            guard let d = hexValue(v[i]), Int(d) < radix else { return nil }
            value = value * Double(radix) + Double(d)
            i += 1
        }
        return sign * value
    }

    /// js-yaml `float`: decimal with optional fraction and exponent, `.5`, `.inf`, `.nan`. The
    /// syntax is checked on the bytes first: most plain scalars that start like a number and
    /// are not integers (`300M`, `1.5G`, `0 0 * * *`) are strings.
    static func float(_ v: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = v.count
        let signed = v[0] == UInt8(ascii: "-") || v[0] == UInt8(ascii: "+")
        let sign: Double = v[0] == UInt8(ascii: "-") ? -1 : 1
        var i = signed ? 1 : 0
        let rest = UnsafeBufferPointer(rebasing: v[i...])
        if rest.equals(".inf") || rest.equals(".Inf") || rest.equals(".INF") { return sign * .infinity }
        if v.equals(".nan") || v.equals(".NaN") || v.equals(".NAN") { return .nan }
        // [-+]? [0-9]+ (\.[0-9]*)? ([eE][-+]?[0-9]+)?   |   \.[0-9]+ ([eE][-+]?[0-9]+)? (unsigned)
        guard i < n else { return nil }
        if v[i] == UInt8(ascii: ".") {
            if signed { return nil }
            i += 1
            let d0 = i
            while i < n && isDigit(v[i]) { i += 1 }
            if i == d0 { return nil }
        } else {
            let d0 = i
            while i < n && isDigit(v[i]) { i += 1 }
            if i == d0 { return nil }
            if i < n && v[i] == UInt8(ascii: ".") {
                i += 1
                while i < n && isDigit(v[i]) { i += 1 }
            }
        }
        if i < n && (v[i] == UInt8(ascii: "e") || v[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (v[i] == UInt8(ascii: "+") || v[i] == UInt8(ascii: "-")) { i += 1 }
            let e0 = i
            while i < n && isDigit(v[i]) { i += 1 }
            if i == e0 { return nil }
        }
        guard i == n else { return nil }
        return NumberParsing.parse(v)
    }
}
