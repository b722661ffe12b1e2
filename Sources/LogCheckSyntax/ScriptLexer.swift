/// Tokens of JavaScript source, enough to read literals and to skip any code safely: strings,
/// template literals (with nested `${}`), regular expressions and comments never confuse it.
public enum TokenKind: UInt8, Sendable {
    case identifier
    case number
    case string
    /// A whole template literal, including any `${}` substitutions.
    case template
    case regex
    case punctuator
    case privateName
    /// Something the lexer could not read (an unterminated string, a stray character).
    case invalid
    case eof
}

public struct Token: Sendable {
    public var kind: TokenKind
    public var start: Int32
    public var end: Int32
    /// A line break precedes the token (for automatic semicolon insertion).
    public var newlineBefore: Bool
    /// For templates: true when it has `${}` substitutions.
    public var hasSubstitution: Bool = false

    public var span: Span { Span(Int(start), Int(end)) }
}

public struct Comment: Sendable {
    public var span: Span
    public var isBlock: Bool
}

public struct ScriptLexer {
    let buf: UnsafeBufferPointer<UInt8>
    var pos: Int
    public private(set) var tokens: [Token] = []
    public private(set) var comments: [Comment] = []
    public private(set) var error: (message: String, span: Span)? = nil
    /// What kind of error `error` is (nesting too deep, or a syntax error).
    public private(set) var errorCode: SyntaxCode = .scriptSyntax
    /// How many template substitutions enclose this lexer's position.
    var templateNesting = 0
    var newline = false
    /// Brace depth at which each open template substitution resumes its template.
    var templateStack: [Int] = []
    var braceDepth = 0

    init(buf: UnsafeBufferPointer<UInt8>, start: Int) {
        self.buf = buf
        self.pos = start
    }

    public static func tokenize(_ source: SourceFile) -> (
        tokens: [Token], comments: [Comment], error: (message: String, span: Span)?, errorCode: SyntaxCode
    ) {
        source.bytes.withUnsafeBufferPointer { buf in
            var lexer = ScriptLexer(buf: buf, start: source.bomLength)
            lexer.run()
            return (lexer.tokens, lexer.comments, lexer.error, lexer.errorCode)
        }
    }

    mutating func run() {
        if pos + 1 < buf.count && buf[pos] == UInt8(ascii: "#") && buf[pos + 1] == UInt8(ascii: "!") {
            while pos < buf.count && buf[pos] != 0x0A { pos += 1 }
        }
        while true {
            skipTrivia()
            if pos >= buf.count {
                tokens.append(Token(kind: .eof, start: Int32(buf.count), end: Int32(buf.count), newlineBefore: true))
                return
            }
            let start = pos
            let tok = next()
            tokens.append(
                Token(
                    kind: tok.kind, start: Int32(start), end: Int32(pos), newlineBefore: newline,
                    hasSubstitution: tok.sub))
            newline = false
            if tok.kind == .invalid && error != nil {
                tokens.append(Token(kind: .eof, start: Int32(buf.count), end: Int32(buf.count), newlineBefore: true))
                return
            }
        }
    }

    mutating func skipTrivia() {
        while pos < buf.count {
            let b = buf[pos]
            switch b {
            case 0x20, 0x09, 0x0B, 0x0C:
                pos += 1
            case 0x0A, 0x0D:
                newline = true
                pos += 1
            case UInt8(ascii: "/"):
                guard pos + 1 < buf.count else { return }
                if buf[pos + 1] == UInt8(ascii: "/") {
                    let s = pos
                    while pos < buf.count && buf[pos] != 0x0A && buf[pos] != 0x0D { pos += 1 }
                    comments.append(Comment(span: Span(s, pos), isBlock: false))
                } else if buf[pos + 1] == UInt8(ascii: "*") {
                    let s = pos
                    pos += 2
                    var closed = false
                    while pos + 1 < buf.count {
                        if buf[pos] == UInt8(ascii: "*") && buf[pos + 1] == UInt8(ascii: "/") {
                            pos += 2
                            closed = true
                            break
                        }
                        if buf[pos] == 0x0A || buf[pos] == 0x0D { newline = true }
                        pos += 1
                    }
                    if !closed {
                        pos = buf.count
                        fail("unterminated /* comment", Span(s, s + 2))
                    }
                    comments.append(Comment(span: Span(s, pos), isBlock: true))
                } else {
                    return
                }
            case 0xC2 where pos + 1 < buf.count && buf[pos + 1] == 0xA0:
                pos += 2
            case 0xE2
            where pos + 2 < buf.count && buf[pos + 1] == 0x80 && (buf[pos + 2] == 0xA8 || buf[pos + 2] == 0xA9):
                newline = true
                pos += 3
            case 0xEF where pos + 2 < buf.count && buf[pos + 1] == 0xBB && buf[pos + 2] == 0xBF:
                pos += 3
            default:
                return
            }
        }
    }

    mutating func fail(_ message: String, _ span: Span) {
        if error == nil { error = (message, span) }
    }

    /// Whether a `/` here starts a regular expression, judged by the previous token.
    func regexAllowed() -> Bool {
        guard let prev = tokens.last else { return true }
        switch prev.kind {
        case .number, .string, .template, .regex, .privateName: return false
        case .identifier:
            let word = text(prev)
            let keywords: Set<String> = [
                "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw",
                "case", "do", "else", "yield", "await",
            ]
            return keywords.contains(word)
        case .punctuator:
            let p = text(prev)
            return !(p == ")" || p == "]" || p == "}")
        default: return true
        }
    }

    func text(_ t: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[Int(t.start)..<Int(t.end)]), as: UTF8.self)
    }

    mutating func next() -> (kind: TokenKind, sub: Bool) {
        let b = buf[pos]
        if isIdentStart(b) || b == UInt8(ascii: "\\") {
            pos += 1
            while pos < buf.count && (isIdentByte(buf[pos]) || buf[pos] == UInt8(ascii: "\\")) { pos += 1 }
            return (.identifier, false)
        }
        if isDigit(b) || (b == UInt8(ascii: ".") && pos + 1 < buf.count && isDigit(buf[pos + 1])) {
            lexNumber()
            return (.number, false)
        }
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return (lexString(b) ? .string : .invalid, false)
        case UInt8(ascii: "`"):
            pos += 1
            return lexTemplateTail()
        case UInt8(ascii: "#"):
            pos += 1
            while pos < buf.count && isIdentByte(buf[pos]) { pos += 1 }
            return (.privateName, false)
        case UInt8(ascii: "/") where regexAllowed():
            return (lexRegex() ? .regex : .invalid, false)
        case UInt8(ascii: "{"):
            braceDepth += 1
            pos += 1
            return (.punctuator, false)
        case UInt8(ascii: "}"):
            if let resume = templateStack.last, resume == braceDepth {
                // The end of a `${}` substitution: continue the template.
                templateStack.removeLast()
                pos += 1
                return lexTemplateTail()
            }
            braceDepth -= 1
            pos += 1
            return (.punctuator, false)
        default:
            break
        }
        for p in ScriptLexer.punctuatorsByFirstByte[Int(buf[pos])] where matches(p) {
            // `?.` followed by a digit is `?` then a number.
            if p == ScriptLexer.optionalChaining && pos + 2 < buf.count && isDigit(buf[pos + 2]) { continue }
            pos += p.count
            return (.punctuator, false)
        }
        let start = pos
        pos += 1
        while pos < buf.count && buf[pos] & 0xC0 == 0x80 { pos += 1 }
        fail("unexpected character", Span(start, pos))
        return (.invalid, false)
    }

    static let punctuators: [String] = [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=",
        "%=", "&=", "|=", "^=", "**", "<<", ">>",
        "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~",
        "?", ":", "=", ".", "@",
    ]

    /// The punctuators (longest first) by their first byte, so a `[` is not compared with fifty
    /// strings.
    static let punctuatorsByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for p in punctuators { table[Int(p.utf8.first!)].append(Array(p.utf8)) }
        return table
    }()
    static let optionalChaining = Array("?.".utf8)

    func matches(_ p: [UInt8]) -> Bool {
        guard pos + p.count <= buf.count else { return false }
        var i = 0
        while i < p.count {
            if buf[pos + i] != p[i] { return false }
            i += 1
        }
        return true
    }

    mutating func lexNumber() {
        if buf[pos] == UInt8(ascii: "0") && pos + 1 < buf.count {
            let x = buf[pos + 1] | 0x20
            if x == UInt8(ascii: "x") || x == UInt8(ascii: "o") || x == UInt8(ascii: "b") {
                pos += 2
                while pos < buf.count && (hexValue(buf[pos]) != nil || buf[pos] == UInt8(ascii: "_")) { pos += 1 }
                if pos < buf.count && buf[pos] == UInt8(ascii: "n") { pos += 1 }
                return
            }
        }
        while pos < buf.count && (isDigit(buf[pos]) || buf[pos] == UInt8(ascii: "_")) { pos += 1 }
        if pos < buf.count && buf[pos] == UInt8(ascii: "n") {
            pos += 1
            return
        }
        if pos < buf.count && buf[pos] == UInt8(ascii: ".") {
            pos += 1
            while pos < buf.count && (isDigit(buf[pos]) || buf[pos] == UInt8(ascii: "_")) { pos += 1 }
        }
        if pos < buf.count && (buf[pos] | 0x20) == UInt8(ascii: "e") {
            var p = pos + 1
            if p < buf.count && (buf[p] == UInt8(ascii: "+") || buf[p] == UInt8(ascii: "-")) { p += 1 }
            if p < buf.count && isDigit(buf[p]) {
                pos = p
                while pos < buf.count && isDigit(buf[pos]) { pos += 1 }
            }
        }
    }

    mutating func lexString(_ quote: UInt8) -> Bool {
        let start = pos
        pos += 1
        while pos < buf.count {
            let b = buf[pos]
            if b == quote {
                pos += 1
                return true
            }
            if b == UInt8(ascii: "\\") {
                pos = min(pos + 2, buf.count)  // an escape at the end of the file is cut short
                if pos - 1 < buf.count && buf[pos - 1] == 0x0D && pos < buf.count && buf[pos] == 0x0A { pos += 1 }
                continue
            }
            if b == 0x0A || b == 0x0D {
                fail("unterminated string: a line break before the closing quote", Span(start, pos))
                return false
            }
            pos += 1
        }
        fail("unterminated string: the closing quote is missing", Span(start, buf.count))
        return false
    }

    /// Reads template characters after a backtick or a substitution's `}`, up to the closing
    /// backtick or the next `${`.
    mutating func lexTemplateTail() -> (kind: TokenKind, sub: Bool) {
        let start = pos
        var hadSubstitution = false
        while pos < buf.count {
            let b = buf[pos]
            if b == UInt8(ascii: "`") {
                pos += 1
                return (.template, hadSubstitution)
            }
            if b == UInt8(ascii: "\\") {
                pos = min(pos + 2, buf.count)
                continue
            }
            if b == UInt8(ascii: "$") && pos + 1 < buf.count && buf[pos + 1] == UInt8(ascii: "{") {
                if templateNesting >= ReaderLimits.maxDepth {
                    // Templates inside substitutions inside templates …: the lexer recurses once
                    // per level, so the depth is bounded as the parser bounds nesting.
                    if error == nil { errorCode = .tooDeep }
                    fail(
                        "nesting is deeper than \(ReaderLimits.maxDepth) levels; logcheck stops reading here (no real config nests this deep)",
                        Span(pos, pos + 2))
                    pos = buf.count
                    return (.invalid, true)
                }
                pos += 2
                braceDepth += 1
                hadSubstitution = true
                // The substitution's tokens are lexed as part of this template token.
                let resumeDepth = braceDepth
                templateStack.append(resumeDepth)
                var inner = ScriptLexer(buf: buf, start: pos)
                inner.braceDepth = resumeDepth
                inner.templateStack = [resumeDepth]
                inner.templateNesting = templateNesting + 1
                while true {
                    inner.skipTrivia()
                    if inner.pos >= buf.count {
                        fail("unterminated template literal", Span(max(0, start - 1), buf.count))
                        pos = buf.count
                        return (.invalid, true)
                    }
                    if buf[inner.pos] == UInt8(ascii: "}") && inner.templateStack.last == inner.braceDepth {
                        inner.pos += 1
                        pos = inner.pos
                        templateStack.removeLast()
                        braceDepth -= 1
                        break  // on with the rest of the template, in this loop
                    }
                    let s = inner.pos
                    let t = inner.next()
                    inner.tokens.append(
                        Token(kind: t.kind, start: Int32(s), end: Int32(inner.pos), newlineBefore: false))
                    if let e = inner.error {
                        if error == nil { errorCode = inner.errorCode }
                        fail(e.message, e.span)
                        pos = buf.count
                        return (.invalid, true)
                    }
                }
                continue
            }
            pos += 1
        }
        fail("unterminated template literal: the closing backtick is missing", Span(max(0, start - 1), buf.count))
        return (.invalid, hadSubstitution)
    }

    mutating func lexRegex() -> Bool {
        let start = pos
        pos += 1
        var inClass = false
        while pos < buf.count {
            let b = buf[pos]
            if b == 0x0A || b == 0x0D { break }
            if b == UInt8(ascii: "\\") {
                pos = min(pos + 2, buf.count)
                continue
            }
            if b == UInt8(ascii: "[") {
                inClass = true
            } else if b == UInt8(ascii: "]") {
                inClass = false
            } else if b == UInt8(ascii: "/") && !inClass {
                pos += 1
                while pos < buf.count && isIdentByte(buf[pos]) { pos += 1 }
                return true
            }
            pos += 1
        }
        fail("unterminated regular expression", Span(start, pos))
        return false
    }
}
