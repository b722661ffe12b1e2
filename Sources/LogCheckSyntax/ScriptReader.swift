/// Reads the values of JavaScript config files (`ecosystem.config.js`, PM2's `.json` files) and
/// `configure(...)` arguments in app code, without executing anything.
///
/// It understands what real ecosystem files use: `module.exports =`, `exports.x =`,
/// `export default`, `export const`, top-level `const/let/var` bindings used later (including
/// spreads), object and array literals in every JavaScript form, and it keeps everything that
/// exists only at run time (`process.env.X`, `a || b`, calls, functions) as `unknown` values with
/// their source text. Statements it does not model are skipped token by token; a binding that such
/// code assigns or mutates becomes `unknown`.
public enum ScriptReader {
    /// How the file hands its value to `require()`.
    public enum ExportStyle: String, Sendable {
        /// No export found.
        case none
        /// `module.exports = value`.
        case moduleExports
        /// `module.exports.x = …` / `exports.x = …` only.
        case exportsProperties
        /// ESM named exports (`export const apps = …`): PM2 sees the module namespace.
        case esmNamed
        /// `export default value`: PM2 never unwraps `.default`, so it does not see the value.
        case esmDefault
        /// A whole-file expression (PM2's `.json` files).
        case expression
    }

    public struct Module: Sendable {
        public var style: ExportStyle = .none
        /// The `module.exports` / `export default` / `export` keyword span of the main export.
        public var exportSpan: Span? = nil
        /// `import` and `export` statements (ESM syntax).
        public var esmSyntax: [Span] = []
        /// `module.exports`, `exports.x` and `require(` uses (CommonJS syntax).
        public var commonJSSyntax: [Span] = []
        /// Local names bound to a module: `const log4js = require('log4js')`, `import x from 'y'`.
        public var imports: [String: String] = [:]
        public var comments: [Comment] = []
        /// `x.configure(...)` calls, when requested.
        public var configureCalls: [CallSite] = []
        /// Modules the file loads: the string arguments of `require()` and the sources of `import`.
        public var dependencies: [String] = []
        /// Where each of `dependencies` is written (its string literal).
        public var dependencySpans: [Span] = []
    }

    public struct CallSite: Sendable {
        /// The receiver's name (`log4js` in `log4js.configure(...)`), nil for a bare call.
        public var receiver: String?
        /// The module the receiver (or the bare `configure`) was bound to, when known.
        public var module: String?
        public var span: Span
        /// The first argument, when there is one and it could be read.
        public var argument: Node?
    }

    public struct Result: Sendable {
        public var read: ReadResult
        public var module: Module

        public init(read: ReadResult, module: Module) {
            self.read = read
            self.module = module
        }
    }

    /// Reads a CommonJS or ES module (`.config.js`, `.cjs`, `.mjs`, app code).
    public static func readModule(_ source: SourceFile, findConfigureCalls: Bool = false) -> Result {
        run(source) { p in
            try p.program()
            if findConfigureCalls { p.collectConfigureCalls() }
        }
    }

    /// Reads a file that PM2 evaluates as one JavaScript expression (its `.json` files).
    public static func readExpression(_ source: SourceFile) -> Result {
        run(source) { p in
            p.module.style = .expression
            if p.peek.kind == .eof {
                p.diagnostics.append(SyntaxDiagnostic(
                    .empty, .error, "the file is empty; PM2 evaluates it as \"()\" and fails with a SyntaxError (\"File ... malformated\")",
                    at: Span(0, p.source.bytes.count)))
                return
            }
            p.root = try p.expression()
            if p.peek.kind != .eof {
                throw p.fail("unexpected \(p.describe(p.peek)) after the end of the value")
            }
        }
    }

    static func run(_ source: SourceFile, _ body: (inout ScriptParser) throws -> Void) -> Result {
        if let d = EncodingCheck.diagnose(source) {
            return Result(read: ReadResult(tree: nil, diagnostics: [d]), module: Module())
        }
        let lexed = ScriptLexer.tokenize(source)
        var module = Module()
        module.comments = lexed.comments
        if let e = lexed.error {
            let d = lexed.errorCode == .tooDeep
                ? SyntaxDiagnostic(.tooDeep, .error, e.message, at: e.span)
                : SyntaxDiagnostic(.scriptSyntax, .error, "cannot read this JavaScript: \(e.message)", at: e.span)
            return Result(read: ReadResult(tree: nil, diagnostics: [d]), module: module)
        }
        return source.bytes.withUnsafeBufferPointer { buf in
            var p = ScriptParser(source: source, buf: buf, tokens: lexed.tokens)
            p.module = module
            do {
                try p.prepare()
                try body(&p)
            } catch {
                return Result(read: ReadResult(tree: nil, diagnostics: p.diagnostics), module: p.module)
            }
            // configure() arguments are nodes of the tree that nothing else refers to.
            var arguments = p.module.configureCalls.map { $0.argument?.id ?? -1 }
            let tree = p.builder.finish(root: p.root, others: &arguments)
            for (i, id) in arguments.enumerated() where id >= 0 {
                p.module.configureCalls[i].argument = Node(tree: tree, id: id)
            }
            return Result(read: ReadResult(tree: tree, diagnostics: p.diagnostics), module: p.module)
        }
    }
}

struct ScriptFailure: Error {}

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
        case .identifier: return "'\(text(t))'"
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
    static let assignmentOperators = ByteKeyTable([
        "=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "&&=", "||=", "??=",
    ].map { ($0, 1) })
    static let mutatingMethods: Set<String> = [
        "push", "unshift", "splice", "pop", "shift", "sort", "reverse", "fill", "copyWithin", "set", "delete", "clear",
    ]

    /// Matches brackets and finds, over the whole file, which names are assigned or mutated.
    mutating func prepare() throws {
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
                let want: UInt8 = o == UInt8(ascii: "(") ? UInt8(ascii: ")") : o == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                guard c == want else {
                    throw fail("'\(Character(Unicode.Scalar(o)))' is closed by '\(Character(Unicode.Scalar(c)))'", at: tokens[open].span.union(t.span))
                }
                partner[open] = Int32(k)
                partner[k] = Int32(open)
            }
        }
        if let open = stack.last {
            throw fail("'\(text(tokens[open]))' is never closed", at: tokens[open].span)
        }
        // Modules the file loads, wherever the code is: require('x'), import('x'), import … from 'x'.
        for k in 0..<tokens.count where tokens[k].kind == .string {
            if k >= 2 && isPunct(tokens[k - 1], "(") && (isWord(tokens[k - 2], "require") || isWord(tokens[k - 2], "import"))
                && (k < 3 || !isPunct(tokens[k - 3], ".")) && isPunct(token(k + 1), ")") {
                module.dependencies.append(decodeString(tokens[k]))
                module.dependencySpans.append(tokens[k].span)
            } else if k >= 1 && (isWord(tokens[k - 1], "from") || (isWord(tokens[k - 1], "import") && (k < 2 || !isPunct(tokens[k - 2], ".")))) {
                module.dependencies.append(decodeString(tokens[k]))
                module.dependencySpans.append(tokens[k].span)
            }
        }
        for k in 0..<tokens.count where tokens[k].kind == .identifier {
            if k > 0 && (isPunct(tokens[k - 1], ".") || isPunct(tokens[k - 1], "?.")) { continue }
            let name = text(tokens[k])
            let next = token(k + 1)
            if next.kind == .punctuator {
                if isAssignmentOperator(next) {
                    if same(next, "=") { assignCount[name, default: 0] += 1 } else { mutated.insert(name) }
                    continue
                }
                if same(next, "++") || same(next, "--") { mutated.insert(name); continue }
            }
            if k > 0 && (isPunct(tokens[k - 1], "++") || isPunct(tokens[k - 1], "--")) { mutated.insert(name); continue }
            if k > 0 && isWord(tokens[k - 1], "delete") { mutated.insert(name); continue }
            if k >= 4 && isPunct(tokens[k - 1], "(") && isWord(tokens[k - 2], "assign") && isPunct(tokens[k - 3], ".")
                && isWord(tokens[k - 4], "Object") {
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
            diagnostics.append(SyntaxDiagnostic(
                .tooDeep, .error,
                "nesting is deeper than \(ReaderLimits.maxDepth) levels; logcheck stops reading here (no real config nests this deep)",
                at: peek.span))
            throw ScriptFailure()
        }
    }

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
                        || (isWord(t, "const") || isWord(t, "let") || isWord(t, "var")) && (isPunct(token(i + 1), "{") || isPunct(token(i + 1), "[")) {
                try declaration(exported: false)
            } else if isWord(t, "module") && isPunct(token(i + 1), ".") && isWord(token(i + 2), "exports") {
                try moduleExportsStatement()
            } else if isWord(t, "exports") && isPunct(token(i + 1), ".") && token(i + 2).kind == .identifier
                        && isPunct(token(i + 3), "=") {
                module.commonJSSyntax.append(t.span)
                try exportsProperty(keyIndex: i + 2, statementStart: t.span.start)
            } else if isWord(t, "function") || (isWord(t, "async") && isWord(token(i + 1), "function")) || isWord(t, "class") {
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
            if isPunct(t, ";") { i += 1; return }
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
            let continuing: Set<String> = ["return", "typeof", "new", "delete", "void", "in", "of", "instanceof", "else", "do", "await", "yield", "case", "extends"]
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
            return p == "{" || p == "[" && false || p == "++" || p == "--" || p == "!" || p == "~" || p == ";" || p == "}"
        default:
            return true
        }
    }

    /// The end of an exported expression: `;`, a line break, `}` or the end of the file.
    mutating func endOfStatement() throws {
        if isPunct(peek, ";") { i += 1; return }
        if peek.kind == .eof || peek.newlineBefore || isPunct(peek, "}") { return }
        throw fail("unexpected \(describe(peek)) after the end of the value; is a comma or a semicolon missing?")
    }

    mutating func importStatement() {
        let start = peek.span
        module.esmSyntax.append(start)
        // import x from 'm'; import * as x from 'm'; import { a, b as c } from 'm'; import 'm'
        var names: [String] = []
        var k = i + 1
        var specifier: String? = nil
        while k < tokens.count && tokens[k].kind != .eof {
            let t = tokens[k]
            if t.kind == .string {
                specifier = decodeString(t)
                k += 1
                break
            }
            if t.kind == .identifier && !isWord(t, "from") && !isWord(t, "as") && !isWord(t, "type") {
                let next = token(k + 1)
                if !isWord(next, "as") { names.append(text(t)) }
            }
            if isPunct(t, ";") { break }
            k += 1
        }
        if let specifier {
            for n in names {
                module.imports[n] = specifier
                bindings[n] = builder.unknown(.expression, span: start, detail: n)
                bindingHasInitializer[n] = true
            }
        }
        i = k
        if isPunct(peek, ";") { i += 1 }
    }

    mutating func exportStatement() throws {
        let exportToken = peek
        module.esmSyntax.append(exportToken.span)
        i += 1
        if isWord(peek, "default") {
            let defaultToken = peek
            i += 1
            let value = try assignment()
            if module.style == .none || module.style == .esmNamed {
                module.style = .esmDefault
                module.exportSpan = exportToken.span.union(defaultToken.span)
            }
            // PM2 sees the namespace `{ default: value }`.
            let key = builder.scalar(.string, style: .plain, span: defaultToken.span, textSpan: defaultToken.span)
            namedExports.append(RawEntry(key: key, value: value, start: Int32(exportToken.start), end: builder.raw(value).end))
            defaultExport = value
            try endOfStatement()
            return
        }
        if isWord(peek, "const") || isWord(peek, "let") || isWord(peek, "var") {
            try declaration(exported: true, exportStart: exportToken.span.start)
            return
        }
        if isPunct(peek, "{") {
            let close = Int(partner[i])
            var k = i + 1
            while k < close {
                if tokens[k].kind == .identifier {
                    let local = tokens[k]
                    var exported = local
                    if isWord(token(k + 1), "as") && token(k + 2).kind == .identifier {
                        exported = tokens[k + 2]
                        k += 2
                    }
                    let value = reference(text(local), span: local.span)
                    let key = builder.scalar(.string, style: .plain, span: exported.span, textSpan: exported.span)
                    namedExports.append(RawEntry(key: key, value: value, start: local.start, end: exported.end))
                }
                k += 1
            }
            i = close + 1
            if isWord(peek, "from") { i += 2 }
            if isPunct(peek, ";") { i += 1 }
            return
        }
        // export function / class / * from ...
        skipStatement()
    }

    var defaultExport: Int32? = nil

    mutating func declaration(exported: Bool, exportStart: Int? = nil) throws {
        i += 1 // const / let / var
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
                for k in (i + 1)..<close where tokens[k].kind == .identifier && !isPunct(token(k + 1), ":")
                    && !isPunct(tokens[k - 1], ".") {
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
            if isPunct(peek, ",") { i += 1; continue }
            break
        }
        try endOfStatement()
    }

    /// `require('x')` → "x".
    func requireSpecifier(_ id: Int32) -> String? {
        let node = Node(tree: builder.tree, id: id)
        guard node.unknownKind == .call, node.unknownDetail == "require", let arg = node.alternatives.first else { return nil }
        return arg.string
    }

    mutating func moduleExportsStatement() throws {
        let start = peek.span
        let exportsSpan = start.union(token(i + 2).span)
        module.commonJSSyntax.append(exportsSpan)
        if isPunct(token(i + 3), "=") {
            module.exportSpan = exportsSpan
            i += 4
            let value = try assignment()
            moduleExports = value
            exportEntries.removeAll()
            module.style = .moduleExports
            try endOfStatement()
        } else if isPunct(token(i + 3), ".") && token(i + 4).kind == .identifier && isPunct(token(i + 5), "=") {
            try exportsProperty(keyIndex: i + 4, statementStart: start.start)
        } else {
            skipStatement()
        }
    }

    mutating func exportsProperty(keyIndex: Int, statementStart: Int) throws {
        let keyToken = tokens[keyIndex]
        i = keyIndex + 2
        let value = try assignment()
        let key = builder.scalar(.string, style: .plain, span: keyToken.span, textSpan: keyToken.span)
        exportEntries.append(RawEntry(key: key, value: value, start: Int32(statementStart), end: builder.raw(value).end))
        if module.style == .none { module.style = .exportsProperties }
        if module.exportSpan == nil { module.exportSpan = Span(statementStart, Int(keyToken.end)) }
        try endOfStatement()
    }

    mutating func finishExports() {
        if let value = moduleExports {
            if exportEntries.isEmpty {
                root = value
            } else {
                let raw = builder.raw(value)
                if raw.kind == .mapping {
                    var all = (Int(raw.a)..<Int(raw.a + raw.b)).map { builder.entry($0) }
                    all.append(contentsOf: exportEntries)
                    root = builder.mapping(style: .flow, span: Span(Int(raw.start), Int(raw.end)), entries: all[...],
                                           unknownEntries: raw.flags & RawNode.hasUnknownEntries != 0)
                } else {
                    root = value
                }
            }
        } else if !exportEntries.isEmpty {
            let span = Span(Int(exportEntries.first!.start), Int(exportEntries.last!.end))
            root = builder.mapping(style: .flow, span: span, entries: exportEntries[...])
        } else if !namedExports.isEmpty {
            if module.style == .none { module.style = .esmNamed }
            if module.style == .esmDefault, let d = defaultExport, namedExports.count == 1 {
                root = d
            } else {
                if module.style == .esmDefault { module.style = .esmNamed }
                let span = Span(Int(namedExports.first!.start), Int(namedExports.last!.end))
                root = builder.mapping(style: .flow, span: span, entries: namedExports[...])
                if module.exportSpan == nil { module.exportSpan = Span(Int(namedExports.first!.start), Int(namedExports.first!.start) + 6) }
            }
        }
    }

    // MARK: configure() calls in app code

    mutating func collectConfigureCalls() {
        for k in 1..<max(1, tokens.count - 1) where isWord(tokens[k], "configure") && isPunct(tokens[k + 1], "(") {
            var receiver: String? = nil
            var callStart = tokens[k].span.start
            var requiredModule: String? = nil
            if isPunct(tokens[k - 1], "."), k >= 2, isPunct(tokens[k - 2], ")"), partner[k - 2] >= 1,
               isWord(tokens[Int(partner[k - 2]) - 1], "require"), tokens[Int(partner[k - 2]) + 1].kind == .string {
                // require('log4js').configure(...)
                let open = Int(partner[k - 2])
                requiredModule = decodeString(tokens[open + 1])
                callStart = tokens[open - 1].span.start
            } else if isPunct(tokens[k - 1], ".") {
                guard k >= 2, tokens[k - 2].kind == .identifier else { continue }
                if k >= 3 && isPunct(tokens[k - 3], ".") { continue }
                receiver = text(tokens[k - 2])
                callStart = tokens[k - 2].span.start
            } else if k >= 1 && (tokens[k - 1].kind == .identifier && !isWord(tokens[k - 1], "return")
                                 && !isWord(tokens[k - 1], "await") || isWord(tokens[k - 1], "function")) {
                continue
            }
            let close = Int(partner[k + 1])
            guard close > k + 1 else { continue }
            let module = requiredModule ?? receiver.flatMap { self.module.imports[$0] } ?? (receiver == nil ? self.module.imports["configure"] : nil)
            var argument: Node? = nil
            if close > k + 2 {
                let saved = i
                let savedDiagnostics = diagnostics.count
                i = k + 2
                depth = 0
                if let id = try? assignment() { argument = Node(tree: builder.tree, id: id) }
                diagnostics.removeSubrange(savedDiagnostics...)
                i = saved
            }
            self.module.configureCalls.append(ScriptReader.CallSite(
                receiver: receiver, module: module, span: Span(callStart, Int(tokens[close].end)), argument: argument))
        }
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
        if isWord(token(k), "async") && !token(k + 1).newlineBefore && (token(k + 1).kind == .identifier || isPunct(token(k + 1), "(")) {
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
        case nil: return builder.unknown(.expression, span: span, alternatives: alternatives(of: yes) + alternatives(of: no))
        }
    }

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
           let a = jsString(left), let b = jsString(right) {
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

    /// Whether the current token starts a prefix operation (`-x`, `!x`, `typeof x` …).
    @inline(never)
    func isPrefixOperator() -> Bool {
        let t = peek
        if t.kind == .punctuator {
            return ["-", "+", "!", "~", "++", "--"].contains(text(t))
        }
        if t.kind == .identifier {
            return ["typeof", "void", "delete", "await"].contains(text(t)) && !isPunct(token(i + 1), ".") && !isPunct(token(i + 1), ")")
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
        let span = Span(start, Int(tokens[i - 1].end))
        let node = Node(tree: builder.tree, id: operand)
        switch op {
        case "-":
            if let n = node.number { return builder.scalar(.number, style: .plain, span: span, textSpan: span, number: -n) }
        case "+":
            if let n = node.number { return builder.scalar(.number, style: .plain, span: span, textSpan: span, number: n) }
        case "!":
            if let truthy = node.isTruthy {
                return builder.scalar(.bool, style: .plain, span: span, string: truthy ? "false" : "true", number: truthy ? 0 : 1)
            }
        case "void":
            return builder.scalar(.undefined, style: .plain, span: span, string: "")
        default:
            break
        }
        return builder.unknown(.expression, span: span)
    }

    mutating func postfix() throws -> Int32 {
        let first = i
        let value = isWord(peek, "new") && !isPunct(token(i + 1), ".") ? try newExpression() : try primary()
        guard isPostfixToken(peek) else { return value }
        return try postfixTail(value, firstToken: first)
    }

    func isPostfixToken(_ t: Token) -> Bool {
        t.kind == .template || (t.kind == .punctuator && (isPunct(t, ".") || isPunct(t, "?.") || isPunct(t, "[") || isPunct(t, "(")))
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
        var calleeText: String? = tokens[firstToken].kind == .identifier && i == firstToken + 1 ? text(tokens[firstToken]) : nil
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
                    if isPunct(peek, ",") { i += 1 } else if i != close {
                        throw fail("expected ',' or ')' in the arguments, found \(describe(peek))")
                    }
                }
                i = close + 1
                if calleeText == "require" {
                    module.commonJSSyntax.append(Span(start, Int(tokens[i - 1].end)))
                }
                value = builder.unknown(.call, span: Span(start, Int(tokens[i - 1].end)), detail: calleeText ?? "(call)", alternatives: args)
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
            if prop == "length" { return builder.scalar(.number, style: .plain, span: span, string: String(node.elements.count), number: Double(node.elements.count)) }
            if let index = Int(prop), index >= 0 {
                return index < node.elements.count ? node.elements[index].id : builder.scalar(.undefined, style: .plain, span: span, string: "")
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
                return builder.scalar(.bool, style: .plain, span: t.span, textSpan: t.span, number: word == "true" ? 1 : 0)
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
        let id = builder.mapping(style: .flow, span: Span(Int(open), Int(tokens[close].end)), entries: entryStack[base...], unknownEntries: unknownEntries)
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
        while (isWord(token(k), "get") || isWord(token(k), "set") || isWord(token(k), "async") || isPunct(token(k), "*"))
                && !isPunct(token(k + 1), ":") && !isPunct(token(k + 1), ",") && !isPunct(token(k + 1), "(")
                && k + 1 < close {
            k += 1
        }
        let keyToken = token(k)
        i = k + 1
        switch keyToken.kind {
        case .identifier:
            return (builder.scalar(.string, style: .plain, span: keyToken.span, textSpan: keyToken.span), true)
        case .string:
            return (stringScalar(keyToken, style: buf[Int(keyToken.start)] == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted), true)
        case .number:
            return (builder.scalar(.string, style: .plain, span: keyToken.span, string: jsNumber(keyToken).javaScriptText), true)
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
            throw fail("expected a property name, found \(describe(keyToken)); is a comma or a brace out of place?", at: keyToken.span)
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
            throw fail("expected ':' after the property name \(text(keyToken)), found \(describe(peek)); is a comma missing?", at: peek.span)
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
        let id = builder.sequence(style: .flow, span: Span(Int(open), Int(tokens[close].end)), children: childStack[base...])
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
            guard b == UInt8(ascii: "\\"), k + 1 < end else { out.append(b); k += 1; continue }
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
                    while k < end && buf[k] != UInt8(ascii: "}") { v = v << 4 | (hexValue(buf[k]) ?? 0); k += 1 }
                    k += 1
                } else {
                    var n = 0
                    while n < 4 && k < end { v = v << 4 | (hexValue(buf[k]) ?? 0); k += 1; n += 1 }
                    if (0xD800...0xDBFF).contains(v), k + 5 < end + 1, buf[k] == UInt8(ascii: "\\"), k + 1 < end, buf[k + 1] == UInt8(ascii: "u") {
                        var low: UInt32 = 0
                        var m = k + 2
                        var c = 0
                        while c < 4 && m < end { low = low << 4 | (hexValue(buf[m]) ?? 0); m += 1; c += 1 }
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
                while k < end && buf[k] & 0xC0 == 0x80 { out.append(buf[k]); k += 1 }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
