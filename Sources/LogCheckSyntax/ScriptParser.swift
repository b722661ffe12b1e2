struct ScriptFailure: Error {}

/// The recursive-descent parser behind `ScriptReader`: tokens, statements and expressions.
///
/// Its other parts are extensions: the values of literals, names and operators
/// (ScriptLiterals.swift) and what the file exports, imports and calls (ScriptModuleShape.swift).
struct ScriptParser {
    let source: SourceFile
    let buf: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    var builder: TreeBuilder
    var i = 0
    var depth = 0
    var diagnostics: [SyntaxDiagnostic] = []
    var module = ScriptReader.Module()
    var root: Int32? = nil
    /// Index of the matching bracket for every bracket token.
    var partner: [Int32] = []
    var bindings: [String: Int32] = [:]
    var bindingHasInitializer: [String: Bool] = [:]
    var assignCount: [String: Int] = [:]
    var mutated: Set<String> = []
    var entryStack: [RawEntry] = []
    var childStack: [Int32] = []
    var exportEntries: [RawEntry] = []
    var namedExports: [RawEntry] = []
    var moduleExports: Int32? = nil
    var defaultExport: Int32? = nil

    init(source: SourceFile, buf: UnsafeBufferPointer<UInt8>, tokens: [Token]) {
        self.source = source
        self.buf = buf
        self.tokens = tokens
        self.builder = TreeBuilder(source: source, dialect: .javascript)
    }

    // MARK: tokens

    var peek: Token { tokens[i] }
    func token(_ k: Int) -> Token { tokens[min(k, tokens.count - 1)] }

    func text(_ t: Token) -> String {
        String(decoding: bytes(t), as: UTF8.self)
    }

    func bytes(_ t: Token) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buf[Int(t.start)..<Int(t.end)])
    }

    func isPunct(_ t: Token, _ p: StaticString) -> Bool {
        t.kind == .punctuator && same(t, p)
    }

    func isWord(_ t: Token, _ p: StaticString) -> Bool {
        t.kind == .identifier && same(t, p)
    }

    func same(_ t: Token, _ p: StaticString) -> Bool {
        let n = Int(t.end - t.start)
        guard n == p.utf8CodeUnitCount else { return false }
        let s = p.utf8Start
        for k in 0..<n where buf[Int(t.start) + k] != s[k] { return false }
        return true
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .eof: return "end of file"
        case .string: return "string \(text(t))"
        case .number: return "number \(text(t))"
        default: return "'\(text(t))'"
        }
    }

    mutating func fail(_ message: String, at span: Span? = nil) -> ScriptFailure {
        let s = span ?? peek.span
        diagnostics.append(SyntaxDiagnostic(.scriptSyntax, .error, "cannot read this JavaScript: \(message)", at: s))
        return ScriptFailure()
    }

    mutating func expect(_ p: StaticString, _ context: String) throws {
        guard isPunct(peek, p) else {
            throw fail("expected '\(p)' \(context), found \(describe(peek))")
        }
        i += 1
    }

    /// Looked up by the token's bytes (operators are asked for at every identifier and operand).
    static let assignmentOperators = ByteKeyTable(
        [
            "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??=",
        ].map { ($0, 1) })
    static let mutatingMethods: Set<String> = [
        "push", "unshift", "splice", "pop", "shift", "sort", "reverse", "fill", "copyWithin", "set", "delete", "clear",
    ]

    /// Matches brackets, collects the modules the file loads, and finds, over the whole file, which
    /// names are assigned or mutated.
    mutating func prepare() throws {
        try matchBrackets()
        collectDependencies()
        findAssignedNames()
    }

    /// Fills `partner`, or fails at the first bracket that is not matched.
    mutating func matchBrackets() throws {
        partner = Array(repeating: -1, count: tokens.count)
        var stack: [Int] = []
        for (k, t) in tokens.enumerated() where t.kind == .punctuator {
            let c = buf[Int(t.start)]
            if t.end - t.start != 1 { continue }
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                stack.append(k)
            } else if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                guard let open = stack.popLast() else {
                    throw fail("unmatched '\(Character(Unicode.Scalar(c)))'", at: t.span)
                }
                let o = buf[Int(tokens[open].start)]
                let want: UInt8 =
                    o == UInt8(ascii: "(")
                    ? UInt8(ascii: ")") : o == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                guard c == want else {
                    throw fail(
                        "'\(Character(Unicode.Scalar(o)))' is closed by '\(Character(Unicode.Scalar(c)))'",
                        at: tokens[open].span.union(t.span))
                }
                partner[open] = Int32(k)
                partner[k] = Int32(open)
            }
        }
        if let open = stack.last {
            throw fail("'\(text(tokens[open]))' is never closed", at: tokens[open].span)
        }
    }

    /// Counts the plain assignments of each name and marks the names that are otherwise assigned
    /// or mutated (`x += 1`, `x++`, `delete x.y`, `Object.assign(x, …)`, `x.a.push(…)` …).
    mutating func findAssignedNames() {
        for k in 0..<tokens.count where tokens[k].kind == .identifier {
            if k > 0 && (isPunct(tokens[k - 1], ".") || isPunct(tokens[k - 1], "?.")) { continue }
            let name = text(tokens[k])
            let next = token(k + 1)
            if next.kind == .punctuator {
                if isAssignmentOperator(next) {
                    if same(next, "=") { assignCount[name, default: 0] += 1 } else { mutated.insert(name) }
                    continue
                }
                if same(next, "++") || same(next, "--") {
                    mutated.insert(name)
                    continue
                }
            }
            if k > 0 && (isPunct(tokens[k - 1], "++") || isPunct(tokens[k - 1], "--")) {
                mutated.insert(name)
                continue
            }
            if k > 0 && isWord(tokens[k - 1], "delete") {
                mutated.insert(name)
                continue
            }
            if k >= 4 && isPunct(tokens[k - 1], "(") && isWord(tokens[k - 2], "assign") && isPunct(tokens[k - 3], ".")
                && isWord(tokens[k - 4], "Object")
            {
                mutated.insert(name)
                continue
            }
            // A member chain ending in an assignment or a mutating call.
            var m = k + 1
            var last: String? = nil
            while m < tokens.count {
                let t = tokens[m]
                if isPunct(t, ".") || isPunct(t, "?.") {
                    guard m + 1 < tokens.count, tokens[m + 1].kind == .identifier else { break }
                    last = text(tokens[m + 1])
                    m += 2
                } else if isPunct(t, "[") && partner[m] > 0 {
                    last = nil
                    m = Int(partner[m]) + 1
                } else {
                    break
                }
            }
            guard m > k + 1, m < tokens.count else { continue }
            let after = tokens[m]
            if after.kind == .punctuator {
                if isAssignmentOperator(after) || same(after, "++") || same(after, "--") {
                    mutated.insert(name)
                } else if same(after, "("), let last, ScriptParser.mutatingMethods.contains(last) {
                    mutated.insert(name)
                }
            }
        }
    }

    mutating func enter() throws {
        depth += 1
        if depth > ReaderLimits.maxDepth {
            diagnostics.append(
                SyntaxDiagnostic(
                    .tooDeep, .error,
                    "nesting is deeper than \(ReaderLimits.maxDepth) levels; logcheck stops reading here (no real config nests this deep)",
                    at: peek.span))
            throw ScriptFailure()
        }
    }
}

extension ScriptParser {
    // MARK: statements

    mutating func program() throws {
        while peek.kind != .eof {
            let start = i
            let t = peek
            if isPunct(t, ";") {
                i += 1
            } else if isWord(t, "import") && !isPunct(token(i + 1), "(") && !isPunct(token(i + 1), ".") {
                importStatement()
            } else if isWord(t, "export") {
                try exportStatement()
            } else if (isWord(t, "const") || isWord(t, "let") || isWord(t, "var")) && token(i + 1).kind != .punctuator
                || (isWord(t, "const") || isWord(t, "let") || isWord(t, "var"))
                    && (isPunct(token(i + 1), "{") || isPunct(token(i + 1), "["))
            {
                try declaration(exported: false)
            } else if isWord(t, "module") && isPunct(token(i + 1), ".") && isWord(token(i + 2), "exports") {
                try moduleExportsStatement()
            } else if isWord(t, "exports") && isPunct(token(i + 1), ".") && token(i + 2).kind == .identifier
                && isPunct(token(i + 3), "=")
            {
                module.commonJSSyntax.append(t.span)
                try exportsProperty(keyIndex: i + 2, statementStart: t.span.start)
            } else if isWord(t, "function") || (isWord(t, "async") && isWord(token(i + 1), "function"))
                || isWord(t, "class")
            {
                var k = i + (isWord(t, "async") ? 2 : 1)
                if isPunct(token(k), "*") { k += 1 }
                if token(k).kind == .identifier {
                    let name = text(token(k))
                    bindings[name] = builder.unknown(.function, span: token(k).span, detail: name)
                    bindingHasInitializer[name] = true
                }
                skipStatement()
            } else {
                skipStatement()
            }
            if i == start { i += 1 }
        }
        finishExports()
    }

    /// Skips one statement of any kind, token by token, using the bracket pairs.
    mutating func skipStatement() {
        let first = i
        while peek.kind != .eof {
            let t = peek
            if i > first && t.newlineBefore && endsStatement(before: i) { return }
            if isPunct(t, ";") {
                i += 1
                return
            }
            if isPunct(t, "}") && partner[i] < first { return }
            if t.kind == .punctuator && partner[i] > i {
                let close = Int(partner[i])
                let wasBrace = isPunct(t, "{")
                i = close + 1
                // `if (...) { }` or a function body ends the statement at its closing brace when
                // what follows starts a new statement.
                if wasBrace && (peek.newlineBefore || peek.kind == .eof) && endsStatement(before: i) { return }
                continue
            }
            i += 1
        }
    }

    /// Whether a line break before token `k` ends the current statement (a simplified form of
    /// JavaScript's automatic semicolon insertion).
    func endsStatement(before k: Int) -> Bool {
        let prev = tokens[k - 1]
        let next = tokens[k]
        if next.kind == .eof { return true }
        if prev.kind == .punctuator {
            let p = text(prev)
            if p != ")" && p != "]" && p != "}" && p != "++" && p != "--" { return false }
        }
        if prev.kind == .identifier {
            let continuing: Set<String> = [
                "return", "typeof", "new", "delete", "void", "in", "of", "instanceof", "else", "do", "await", "yield",
                "case", "extends",
            ]
            if continuing.contains(text(prev)) { return false }
        }
        switch next.kind {
        case .identifier:
            let word = text(next)
            let continuing: Set<String> = ["else", "catch", "finally", "instanceof", "in", "of", "while"]
            return !continuing.contains(word)
        case .number, .string, .template, .regex, .privateName:
            return true
        case .punctuator:
            let p = text(next)
            return p == "{" || p == "++" || p == "--" || p == "!" || p == "~" || p == ";" || p == "}"
        default:
            return true
        }
    }

    /// The end of an exported expression: `;`, a line break, `}` or the end of the file.
    mutating func endOfStatement() throws {
        if isPunct(peek, ";") {
            i += 1
            return
        }
        if peek.kind == .eof || peek.newlineBefore || isPunct(peek, "}") { return }
        throw fail("unexpected \(describe(peek)) after the end of the value; is a comma or a semicolon missing?")
    }

    mutating func declaration(exported: Bool, exportStart: Int? = nil) throws {
        i += 1  // const / let / var
        while true {
            let target = peek
            if target.kind == .identifier {
                let name = text(target)
                i += 1
                var value: Int32
                if isPunct(peek, "=") {
                    i += 1
                    value = try assignment()
                    if let callee = requireSpecifier(value) { module.imports[name] = callee }
                    bindingHasInitializer[name] = true
                } else {
                    value = builder.scalar(.undefined, style: .plain, span: target.span, string: "")
                    bindingHasInitializer[name] = false
                }
                bindings[name] = value
                if exported {
                    let key = builder.scalar(.string, style: .plain, span: target.span, textSpan: target.span)
                    let start = Int32(exportStart ?? target.span.start)
                    namedExports.append(RawEntry(key: key, value: value, start: start, end: builder.raw(value).end))
                }
            } else if (isPunct(target, "{") || isPunct(target, "[")) && partner[i] > i {
                let close = Int(partner[i])
                var names: [Token] = []
                for k in (i + 1)..<close
                where tokens[k].kind == .identifier && !isPunct(token(k + 1), ":")
                    && !isPunct(tokens[k - 1], ".")
                {
                    names.append(tokens[k])
                }
                i = close + 1
                if isPunct(peek, "=") {
                    i += 1
                    let value = try assignment()
                    if isPunct(target, "{"), let spec = requireSpecifier(value) {
                        for n in names { module.imports[text(n)] = spec }
                    }
                }
                for n in names {
                    let name = text(n)
                    bindings[name] = builder.unknown(.expression, span: n.span, detail: name)
                    bindingHasInitializer[name] = true
                }
            } else {
                throw fail("expected a name after the declaration keyword, found \(describe(peek))")
            }
            if isPunct(peek, ",") {
                i += 1
                continue
            }
            break
        }
        try endOfStatement()
    }

    // MARK: expressions

    mutating func expression() throws -> Int32 {
        var value = try assignment()
        while isPunct(peek, ",") {
            i += 1
            value = try assignment()
        }
        return value
    }

    func startOf(_ id: Int32) -> Int { Int(builder.raw(id).start) }

    // The functions on the recursive path (assignment → conditional → binary → unary → postfix →
    // primary → object/array → assignment) are kept small; everything bulky lives in
    // `@inline(never)` helpers, so that each nesting level costs little stack even in debug builds.

    mutating func assignment() throws -> Int32 {
        try enter()
        defer { depth -= 1 }
        if let arrow = try arrowFunction() { return arrow }
        let start = peek.start
        let left = try conditional()
        if peek.kind == .punctuator && isAssignmentOperator(peek) {
            return try assignmentTail(Int(start))
        }
        return left
    }

    @inline(never)
    func isAssignmentOperator(_ t: Token) -> Bool {
        ScriptParser.assignmentOperators.value(bytes(t)) != nil
    }

    @inline(never)
    mutating func assignmentTail(_ start: Int) throws -> Int32 {
        let plain = isPunct(peek, "=")
        i += 1
        let right = try assignment()
        // The value of `a = b` is b.
        return plain ? right : builder.unknown(.expression, span: Span(start, Int(tokens[i - 1].end)))
    }

    /// `x => …`, `(a, b) => …`, `async x => …`, or nil when the next tokens are not an arrow function.
    @inline(never)
    mutating func arrowFunction() throws -> Int32? {
        let start = peek.span.start
        var k = i
        if isWord(token(k), "async") && !token(k + 1).newlineBefore
            && (token(k + 1).kind == .identifier || isPunct(token(k + 1), "("))
        {
            k += 1
        }
        if token(k).kind == .identifier && isPunct(token(k + 1), "=>") {
            i = k + 2
        } else if isPunct(token(k), "("), partner[k] > k, isPunct(token(Int(partner[k]) + 1), "=>") {
            i = Int(partner[k]) + 2
        } else {
            return nil
        }
        if isPunct(peek, "{") {
            i = Int(partner[i]) + 1
        } else {
            _ = try assignment()
        }
        return builder.unknown(.function, span: Span(start, Int(tokens[i - 1].end)))
    }

    mutating func conditional() throws -> Int32 {
        let start = peek.start
        let test = try binary(0)
        guard isPunct(peek, "?") else { return test }
        return try conditionalTail(Int(start), test)
    }

    @inline(never)
    mutating func conditionalTail(_ start: Int, _ test: Int32) throws -> Int32 {
        i += 1
        let yes = try assignment()
        try expect(":", "in a conditional expression")
        let no = try assignment()
        let span = Span(start, Int(tokens[i - 1].end))
        switch Node(tree: builder.tree, id: test).isTruthy {
        case true?: return yes
        case false?: return no
        case nil:
            return builder.unknown(.expression, span: span, alternatives: alternatives(of: yes) + alternatives(of: no))
        }
    }

    static let precedence = ByteKeyTable([
        ("??", 1), ("||", 2), ("&&", 3), ("|", 4), ("^", 5), ("&", 6),
        ("==", 7), ("!=", 7), ("===", 7), ("!==", 7),
        ("<", 8), (">", 8), ("<=", 8), (">=", 8), ("instanceof", 8), ("in", 8),
        ("<<", 9), (">>", 9), (">>>", 9), ("+", 10), ("-", 10), ("*", 11), ("/", 11), ("%", 11), ("**", 12),
    ])

    /// The precedence of the binary operator at the current token, if any.
    @inline(never)
    func binaryPrecedence() -> Int? {
        let t = peek
        guard t.kind == .punctuator || isWord(t, "instanceof") || isWord(t, "in") else { return nil }
        return ScriptParser.precedence.value(bytes(t))
    }

    mutating func binary(_ minPrec: Int) throws -> Int32 {
        // Each right operand of a right-associative `**` nests one level deeper.
        try enter()
        defer { depth -= 1 }
        let start = peek.start
        var left = try unary()
        while let prec = binaryPrecedence(), prec >= minPrec {
            let opIndex = i
            i += 1
            let right = try binary(prec == 12 ? prec : prec + 1)
            left = combine(opIndex, left, right, span: Span(Int(start), Int(tokens[i - 1].end)))
        }
        return left
    }

    /// Whether the current token starts a prefix operation (`-x`, `!x`, `typeof x` …).
    @inline(never)
    func isPrefixOperator() -> Bool {
        let t = peek
        if t.kind == .punctuator {
            return ["-", "+", "!", "~", "++", "--"].contains(text(t))
        }
        if t.kind == .identifier {
            return ["typeof", "void", "delete", "await"].contains(text(t)) && !isPunct(token(i + 1), ".")
                && !isPunct(token(i + 1), ")")
        }
        return false
    }

    mutating func unary() throws -> Int32 {
        if isPrefixOperator() { return try prefixOperation() }
        let start = peek.start
        let value = try postfix()
        if (isPunct(peek, "++") || isPunct(peek, "--")) && !peek.newlineBefore {
            i += 1
            return builder.unknown(.expression, span: Span(Int(start), Int(tokens[i - 1].end)))
        }
        return value
    }

    @inline(never)
    mutating func prefixOperation() throws -> Int32 {
        // `~~~~x`, `!!!!x`, `- - - x`: each prefix operator nests one level.
        try enter()
        defer { depth -= 1 }
        let t = peek
        let start = t.span.start
        let op = text(t)
        i += 1
        let operand = try unary()
        return foldPrefix(op, operand, span: Span(start, Int(tokens[i - 1].end)))
    }

    mutating func postfix() throws -> Int32 {
        let first = i
        let value = isWord(peek, "new") && !isPunct(token(i + 1), ".") ? try newExpression() : try primary()
        guard isPostfixToken(peek) else { return value }
        return try postfixTail(value, firstToken: first)
    }

    func isPostfixToken(_ t: Token) -> Bool {
        t.kind == .template
            || (t.kind == .punctuator && (isPunct(t, ".") || isPunct(t, "?.") || isPunct(t, "[") || isPunct(t, "(")))
    }

    @inline(never)
    mutating func newExpression() throws -> Int32 {
        let start = peek.span.start
        i += 1
        _ = try memberOnly()
        if isPunct(peek, "(") { i = Int(partner[i]) + 1 }
        return builder.unknown(.call, span: Span(start, Int(tokens[i - 1].end)), detail: "new")
    }

    /// Member accesses, index accesses, calls and tagged templates after a primary value.
    @inline(never)
    mutating func postfixTail(_ primaryValue: Int32, firstToken: Int) throws -> Int32 {
        var value = primaryValue
        let start = tokens[firstToken].span.start
        var calleeText: String? =
            tokens[firstToken].kind == .identifier && i == firstToken + 1 ? text(tokens[firstToken]) : nil
        // `process.env.NAME`
        var envChain = calleeText == "process" && bindings["process"] == nil ? 1 : 0
        while true {
            let t = peek
            if isPunct(t, ".") || isPunct(t, "?.") {
                let name = token(i + 1)
                if isPunct(t, "?.") && (isPunct(name, "(") || isPunct(name, "[")) {
                    i += 1
                    continue
                }
                guard name.kind == .identifier || name.kind == .privateName else {
                    throw fail("expected a property name after '\(text(t))', found \(describe(name))")
                }
                i += 2
                let prop = text(name)
                let span = Span(start, Int(name.end))
                if envChain == 1 && prop == "env" {
                    envChain = 2
                    value = builder.unknown(.expression, span: span, detail: "process.env")
                } else if envChain == 2 {
                    envChain = 0
                    value = builder.unknown(.environment, span: span, detail: prop)
                } else {
                    envChain = 0
                    value = member(value, prop, span: span)
                }
                if calleeText != nil { calleeText! += "." + prop }
            } else if isPunct(t, "[") {
                let close = Int(partner[i])
                i += 1
                let index = try expression()
                guard i == close else { throw fail("expected ']' after the index, found \(describe(peek))") }
                i += 1
                let span = Span(start, Int(tokens[i - 1].end))
                let key = Node(tree: builder.tree, id: index)
                if envChain == 2, let name = key.string {
                    value = builder.unknown(.environment, span: span, detail: name)
                } else if let s = key.string ?? key.integer.map({ String($0) }) {
                    value = member(value, s, span: span)
                } else {
                    value = builder.unknown(.expression, span: span)
                }
                envChain = 0
                calleeText = nil
            } else if isPunct(t, "(") {
                let close = Int(partner[i])
                i += 1
                var args: [Int32] = []
                while i < close {
                    if isPunct(peek, "...") { i += 1 }
                    args.append(try assignment())
                    if isPunct(peek, ",") {
                        i += 1
                    } else if i != close {
                        throw fail("expected ',' or ')' in the arguments, found \(describe(peek))")
                    }
                }
                i = close + 1
                if calleeText == "require" {
                    module.commonJSSyntax.append(Span(start, Int(tokens[i - 1].end)))
                }
                value = builder.unknown(
                    .call, span: Span(start, Int(tokens[i - 1].end)), detail: calleeText ?? "(call)", alternatives: args
                )
                calleeText = nil
                envChain = 0
            } else if t.kind == .template {
                i += 1
                value = builder.unknown(.call, span: Span(start, Int(t.end)), detail: calleeText ?? "(tag)")
                calleeText = nil
            } else {
                break
            }
        }
        return value
    }

    /// The callee of `new`: a primary with member accesses but no call.
    mutating func memberOnly() throws -> Int32 {
        var value = try primary()
        while isPunct(peek, ".") || isPunct(peek, "[") {
            if isPunct(peek, ".") { i += 2 } else { i = Int(partner[i]) + 1 }
            value = builder.unknown(.expression, span: Span(startOf(value), Int(tokens[i - 1].end)))
        }
        return value
    }

    mutating func primary() throws -> Int32 {
        if peek.kind == .punctuator {
            if isPunct(peek, "{") { return try object() }
            if isPunct(peek, "[") { return try array() }
            if isPunct(peek, "(") { return try parenthesized() }
        }
        return try atom()
    }

    @inline(never)
    mutating func parenthesized() throws -> Int32 {
        let close = Int(partner[i])
        i += 1
        if i == close { throw fail("empty parentheses are not a value") }
        let inner = try expression()
        guard i == close else { throw fail("expected ')', found \(describe(peek))") }
        i += 1
        return inner
    }

    /// Literals, names, functions and classes.
    @inline(never)
    mutating func atom() throws -> Int32 {
        let t = peek
        switch t.kind {
        case .number:
            i += 1
            return builder.scalar(.number, style: .plain, span: t.span, textSpan: t.span, number: jsNumber(t))
        case .string:
            i += 1
            return stringScalar(t, style: buf[Int(t.start)] == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted)
        case .template:
            i += 1
            if t.hasSubstitution { return builder.unknown(.template, span: t.span) }
            return stringScalar(t, style: .template)
        case .regex:
            i += 1
            return builder.unknown(.expression, span: t.span, detail: "regex")
        case .identifier:
            let word = text(t)
            switch word {
            case "true", "false":
                i += 1
                return builder.scalar(
                    .bool, style: .plain, span: t.span, textSpan: t.span, number: word == "true" ? 1 : 0)
            case "null":
                i += 1
                return builder.scalar(.null, style: .plain, span: t.span, textSpan: t.span)
            case "function", "class":
                return try skipFunctionOrClass(start: t.span.start)
            case "async" where isWord(token(i + 1), "function"):
                i += 1
                return try skipFunctionOrClass(start: t.span.start)
            case "this", "super":
                i += 1
                return builder.unknown(.expression, span: t.span, detail: word)
            default:
                i += 1
                return reference(word, span: t.span)
            }
        case .eof:
            throw fail("unexpected end of file; a value is expected here")
        default:
            throw fail("unexpected \(describe(t)); a value is expected here")
        }
    }

    mutating func skipFunctionOrClass(start: Int) throws -> Int32 {
        i += 1
        while peek.kind != .eof && !isPunct(peek, "{") {
            if peek.kind == .punctuator && partner[i] > i { i = Int(partner[i]) + 1 } else { i += 1 }
        }
        guard isPunct(peek, "{") else { throw fail("a function or class body is missing") }
        i = Int(partner[i]) + 1
        return builder.unknown(.function, span: Span(start, Int(tokens[i - 1].end)))
    }

    mutating func object() throws -> Int32 {
        let open = peek.start
        let close = Int(partner[i])
        i += 1
        let base = entryStack.count
        var unknownEntries = false
        while i < close {
            if try !objectEntry(close: close) { unknownEntries = true }
            if isPunct(peek, ",") {
                i += 1
            } else if i != close {
                throw fail("expected ',' or '}' after a property, found \(describe(peek)); is a comma missing?")
            }
        }
        i = close + 1
        let id = builder.mapping(
            style: .flow, span: Span(Int(open), Int(tokens[close].end)), entries: entryStack[base...],
            unknownEntries: unknownEntries)
        entryStack.removeSubrange(base...)
        return id
    }

    /// One property of an object literal; false when it adds entries logcheck cannot see.
    mutating func objectEntry(close: Int) throws -> Bool {
        if isPunct(peek, "...") { return try spreadIntoObject() }
        let entryStart = peek.start
        let (key, known) = try objectKey(close: close)
        if isPunct(peek, ":") {
            i += 1
            let value = try assignment()
            entryStack.append(RawEntry(key: key, value: value, start: entryStart, end: builder.raw(value).end))
            return known
        }
        try methodOrShorthand(key: key, entryStart: entryStart, close: close)
        return known
    }

    @inline(never)
    mutating func spreadIntoObject() throws -> Bool {
        i += 1
        let spread = try assignment()
        let raw = builder.raw(spread)
        switch raw.kind {
        case .mapping:
            for k in 0..<Int(raw.b) { entryStack.append(builder.entry(Int(raw.a) + k)) }
            return raw.flags & RawNode.hasUnknownEntries == 0
        case .scalar:
            return !(raw.type == .string && raw.b > 0)
        default:
            return false
        }
    }

    /// The key of a property (after any get/set/async/* modifier); `known` is false for a
    /// computed key whose value is only known at run time.
    @inline(never)
    mutating func objectKey(close: Int) throws -> (key: Int32, known: Bool) {
        var k = i
        while (isWord(token(k), "get") || isWord(token(k), "set") || isWord(token(k), "async")
            || isPunct(token(k), "*"))
            && !isPunct(token(k + 1), ":") && !isPunct(token(k + 1), ",") && !isPunct(token(k + 1), "(")
            && k + 1 < close
        {
            k += 1
        }
        let keyToken = token(k)
        i = k + 1
        switch keyToken.kind {
        case .identifier:
            return (builder.scalar(.string, style: .plain, span: keyToken.span, textSpan: keyToken.span), true)
        case .string:
            return (
                stringScalar(
                    keyToken, style: buf[Int(keyToken.start)] == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted),
                true
            )
        case .number:
            return (
                builder.scalar(.string, style: .plain, span: keyToken.span, string: jsNumber(keyToken).javaScriptText),
                true
            )
        case .punctuator where isPunct(keyToken, "["):
            let kc = Int(partner[k])
            i = k + 1
            let computed = try expression()
            i = kc + 1
            let span = Span(keyToken.span.start, Int(tokens[kc].end))
            if let s = Node(tree: builder.tree, id: computed).string {
                return (builder.scalar(.string, style: .plain, span: span, string: s), true)
            }
            return (builder.unknown(.expression, span: span), false)
        default:
            throw fail(
                "expected a property name, found \(describe(keyToken)); is a comma or a brace out of place?",
                at: keyToken.span)
        }
    }

    /// `name(...) { ... }` or the shorthand `{ name }`.
    @inline(never)
    mutating func methodOrShorthand(key: Int32, entryStart: Int32, close: Int) throws {
        let keyToken = tokens[i - 1]
        if isPunct(peek, "(") {
            i = Int(partner[i]) + 1
            guard isPunct(peek, "{") else { throw fail("expected a method body, found \(describe(peek))") }
            i = Int(partner[i]) + 1
            let value = builder.unknown(.function, span: Span(Int(entryStart), Int(tokens[i - 1].end)))
            entryStack.append(RawEntry(key: key, value: value, start: entryStart, end: tokens[i - 1].end))
        } else if keyToken.kind == .identifier && (isPunct(peek, ",") || i == close) {
            let value = reference(text(keyToken), span: keyToken.span)
            entryStack.append(RawEntry(key: key, value: value, start: entryStart, end: keyToken.end))
        } else {
            throw fail(
                "expected ':' after the property name \(text(keyToken)), found \(describe(peek)); is a comma missing?",
                at: peek.span)
        }
    }

    mutating func array() throws -> Int32 {
        let open = peek.start
        let close = Int(partner[i])
        i += 1
        let base = childStack.count
        while i < close {
            if isPunct(peek, ",") || isPunct(peek, "...") {
                try arrayHoleOrSpread()
            } else {
                childStack.append(try assignment())
            }
            if isPunct(peek, ",") {
                i += 1
            } else if i != close {
                throw fail("expected ',' or ']' after an element, found \(describe(peek)); is a comma missing?")
            }
        }
        i = close + 1
        let id = builder.sequence(
            style: .flow, span: Span(Int(open), Int(tokens[close].end)), children: childStack[base...])
        childStack.removeSubrange(base...)
        return id
    }

    @inline(never)
    mutating func arrayHoleOrSpread() throws {
        if isPunct(peek, ",") {
            // A hole: `[1, , 2]`; the comma after it is consumed by the caller.
            childStack.append(builder.scalar(.undefined, style: .plain, span: Span.at(peek.span.start), string: ""))
            return
        }
        let s = peek.span.start
        i += 1
        let spread = try assignment()
        let raw = builder.raw(spread)
        if raw.kind == .sequence {
            for k in 0..<Int(raw.b) { childStack.append(builder.child(Int(raw.a) + k)) }
        } else {
            childStack.append(builder.unknown(.expression, span: Span(s, Int(raw.end))))
        }
    }
}
