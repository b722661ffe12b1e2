/// The values `ScriptParser` gives literals, names and operators: numbers and strings as JavaScript
/// reads them, and operations on literals folded into the node of their result.
extension ScriptParser {
    // MARK: operators on literal values

    /// The literal values an expression may take (itself, or the alternatives of an unknown).
    func alternatives(of id: Int32) -> [Int32] {
        let raw = builder.raw(id)
        if raw.kind != .unknown { return [id] }
        let kind = UnknownKind(rawValue: raw.style)
        if kind == .expression {
            return (0..<Int(raw.b)).map { builder.child(Int(raw.a) + $0) }
        }
        return []
    }

    /// `l op r`, folded when both sides are literals (or when the left one decides `||`, `&&`, `??`).
    @inline(never)
    mutating func combine(_ opIndex: Int, _ l: Int32, _ r: Int32, span: Span) -> Int32 {
        let op = text(tokens[opIndex])
        let left = Node(tree: builder.tree, id: l)
        let right = Node(tree: builder.tree, id: r)
        switch op {
        case "||":
            if let t = left.isTruthy { return t ? l : r }
            return builder.unknown(.expression, span: span, alternatives: alternatives(of: l) + alternatives(of: r))
        case "&&":
            if let t = left.isTruthy { return t ? r : l }
            return builder.unknown(.expression, span: span, alternatives: alternatives(of: l) + alternatives(of: r))
        case "??":
            if left.kind == .scalar { return left.isNull || left.isUndefined ? r : l }
            if left.kind != .unknown { return l }
            return builder.unknown(.expression, span: span, alternatives: alternatives(of: l) + alternatives(of: r))
        default:
            break
        }
        if let a = left.number, let b = right.number {
            let v: Double?
            switch op {
            case "+": v = a + b
            case "-": v = a - b
            case "*": v = a * b
            case "/": v = a / b
            case "%": v = a.truncatingRemainder(dividingBy: b)
            default: v = nil
            }
            if let v { return builder.scalar(.number, style: .plain, span: span, string: v.javaScriptText, number: v) }
        }
        if op == "+", left.kind == .scalar, right.kind == .scalar,
            left.scalarType == .string || right.scalarType == .string,
            let a = jsString(left), let b = jsString(right)
        {
            return builder.scalar(.string, style: .plain, span: span, string: a + b)
        }
        return builder.unknown(.expression, span: span)
    }

    /// `String(x)` for literal scalars whose JavaScript spelling logcheck reproduces exactly.
    func jsString(_ n: Node) -> String? {
        switch n.scalar {
        case .string(let s)?: return s
        case .number(let d)?: return d == d.rounded() && abs(d) < 1e15 ? d.javaScriptText : nil
        case .bool(let b)?: return b ? "true" : "false"
        case .null?: return "null"
        case .undefined?: return "undefined"
        default: return nil
        }
    }

    /// The value of a prefix operation on `operand`, when it is a literal logcheck can fold.
    @inline(never)
    mutating func foldPrefix(_ op: String, _ operand: Int32, span: Span) -> Int32 {
        let node = Node(tree: builder.tree, id: operand)
        switch op {
        case "-":
            if let n = node.number {
                return builder.scalar(.number, style: .plain, span: span, textSpan: span, number: -n)
            }
        case "+":
            if let n = node.number {
                return builder.scalar(.number, style: .plain, span: span, textSpan: span, number: n)
            }
        case "!":
            if let truthy = node.isTruthy {
                return builder.scalar(
                    .bool, style: .plain, span: span, string: truthy ? "false" : "true", number: truthy ? 0 : 1)
            }
        case "void":
            return builder.scalar(.undefined, style: .plain, span: span, string: "")
        default:
            break
        }
        return builder.unknown(.expression, span: span)
    }

    // MARK: names and members

    /// `value.prop` when `value` is known.
    @inline(never)
    mutating func member(_ id: Int32, _ prop: String, span: Span) -> Int32 {
        let node = Node(tree: builder.tree, id: id)
        switch node.kind {
        case .mapping:
            if let v = node[prop] { return v.id }
            if node.hasUnknownEntries { return builder.unknown(.expression, span: span) }
            return builder.scalar(.undefined, style: .plain, span: span, string: "")
        case .sequence:
            if prop == "length" {
                return builder.scalar(
                    .number, style: .plain, span: span, string: String(node.elements.count),
                    number: Double(node.elements.count))
            }
            if let index = Int(prop), index >= 0 {
                return index < node.elements.count
                    ? node.elements[index].id : builder.scalar(.undefined, style: .plain, span: span, string: "")
            }
        case .scalar:
            if prop == "length", let s = node.string {
                let n = s.utf16.count
                return builder.scalar(.number, style: .plain, span: span, string: String(n), number: Double(n))
            }
        case .unknown:
            break
        }
        return builder.unknown(.expression, span: span)
    }

    @inline(never)
    mutating func reference(_ name: String, span: Span) -> Int32 {
        if let bound = bindings[name] {
            let initialised = bindingHasInitializer[name] ?? true
            if mutated.contains(name) || assignCount[name, default: 0] > (initialised ? 1 : 0) {
                return builder.unknown(.reassigned, span: span, detail: name)
            }
            return bound
        }
        switch name {
        case "undefined": return builder.scalar(.undefined, style: .plain, span: span, textSpan: span)
        case "NaN": return builder.scalar(.number, style: .plain, span: span, textSpan: span, number: .nan)
        case "Infinity": return builder.scalar(.number, style: .plain, span: span, textSpan: span, number: .infinity)
        default: return builder.unknown(.expression, span: span, detail: name)
        }
    }

    // MARK: literals

    func jsNumber(_ t: Token) -> Double {
        var digits = Array(buf[Int(t.start)..<Int(t.end)]).filter { $0 != UInt8(ascii: "_") }
        if digits.last == UInt8(ascii: "n") { digits.removeLast() }
        if digits.count > 2 && digits[0] == UInt8(ascii: "0") {
            let radix: Int?
            switch digits[1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: radix = nil
            }
            if let radix {
                var v = 0.0
                for d in digits[2...] { v = v * Double(radix) + Double(hexValue(d) ?? 0) }
                return v
            }
            // Legacy octal 017 (sloppy mode) when every digit is below 8.
            if digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) {
                var v = 0.0
                for d in digits { v = v * 8 + Double(d - 0x30) }
                return v
            }
        }
        return digits.withUnsafeBufferPointer { NumberParsing.parse($0) }
    }

    mutating func stringScalar(_ t: Token, style: ScalarStyle) -> Int32 {
        let inner = Span(Int(t.start) + 1, Int(t.end) - 1)
        var hasEscape = false
        for k in inner.start..<inner.end where buf[k] == UInt8(ascii: "\\") || (style == .template && buf[k] == 0x0D) {
            hasEscape = true
            break
        }
        if !hasEscape { return builder.scalar(.string, style: style, span: t.span, textSpan: inner) }
        let decoded = decodeString(t)
        return builder.scalar(.string, style: style, span: t.span, string: decoded)
    }

    /// JavaScript string escapes (also for template literals without substitutions).
    func decodeString(_ t: Token) -> String {
        var out: [UInt8] = []
        var k = Int(t.start) + 1
        let end = Int(t.end) - 1
        func append(_ s: Unicode.Scalar) { out.append(contentsOf: UTF8.encode(s)!) }
        while k < end {
            let b = buf[k]
            if b == 0x0D {
                out.append(0x0A)
                k += (k + 1 < end && buf[k + 1] == 0x0A) ? 2 : 1
                continue
            }
            guard b == UInt8(ascii: "\\"), k + 1 < end else {
                out.append(b)
                k += 1
                continue
            }
            let e = buf[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "0") where !(k < end && isDigit(buf[k])): out.append(0)
            case 0x0A: break
            case 0x0D: if k < end && buf[k] == 0x0A { k += 1 }
            case UInt8(ascii: "x"):
                if k + 2 <= end, let h = hexValue(buf[k]), let l = hexValue(buf[k + 1]) {
                    append(Unicode.Scalar(h << 4 | l)!)
                    k += 2
                }
            case UInt8(ascii: "u"):
                var v: UInt32 = 0
                if k < end && buf[k] == UInt8(ascii: "{") {
                    k += 1
                    while k < end && buf[k] != UInt8(ascii: "}") {
                        v = v << 4 | (hexValue(buf[k]) ?? 0)
                        k += 1
                    }
                    k += 1
                } else {
                    var n = 0
                    while n < 4 && k < end {
                        v = v << 4 | (hexValue(buf[k]) ?? 0)
                        k += 1
                        n += 1
                    }
                    if (0xD800...0xDBFF).contains(v), k + 5 < end + 1, buf[k] == UInt8(ascii: "\\"), k + 1 < end,
                        buf[k + 1] == UInt8(ascii: "u")
                    {
                        var low: UInt32 = 0
                        var m = k + 2
                        var c = 0
                        while c < 4 && m < end {
                            low = low << 4 | (hexValue(buf[m]) ?? 0)
                            m += 1
                            c += 1
                        }
                        if (0xDC00...0xDFFF).contains(low) {
                            v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                            k = m
                        }
                    }
                }
                append(Unicode.Scalar(v) ?? "\u{FFFD}")
            default:
                out.append(e)
                // Copy the rest of a multi-byte character after a backslash.
                while k < end && buf[k] & 0xC0 == 0x80 {
                    out.append(buf[k])
                    k += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
