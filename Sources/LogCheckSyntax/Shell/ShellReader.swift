/// What `ShellReader` found in a text: the simple commands it runs, in source order, and what
/// sh would reject or read otherwise.
public struct ShellReadResult: Sendable {
    public var commands: [ShellCommand]
    public var diagnostics: [SyntaxDiagnostic]

    public init(commands: [ShellCommand], diagnostics: [SyntaxDiagnostic]) {
        self.commands = commands
        self.diagnostics = diagnostics
    }
}

/// Reads shell text as POSIX sh parses it, into the simple commands it runs.
///
/// - Commands are split at newlines, `;`, `&&`, `||`, `|`, `&` (and bash's `|&`); the commands
///   inside `( … )`, `{ …; }`, `$( … )`, backticks, `if`/`while`/`until`/`for`/`case` bodies
///   count too. Reserved words are skipped where sh takes them as such: unquoted, a whole
///   word, where a command starts. The word list of `for x in …` and the patterns of `case`
///   are not commands. A function's body counts; its definition `name()` does not.
/// - Words follow sh's rules: single quotes; double quotes, where `\` escapes only `$`, `` ` ``,
///   `"`, `\` and a line break; `\` outside quotes; `\`-newline removed everywhere but in single
///   quotes. A word with a parameter (`$VAR`, `${…}`), a command substitution (`$(…)`,
///   `` `…` ``), arithmetic (`$((…))`), bash's `$'…'` or `$"…"`, or a leading `~` has no value
///   (known only at run time). Glob characters are kept as written.
/// - Leading `NAME=value` words are the command's assignments. Redirections (`>file`, `2>&1`,
///   `<in`, `&>log`, `<<<word`) are not words. Here-document bodies are skipped: they are data.
/// - `sh -c STRING` (also `bash`, `dash`, `zsh`, `ash`, `ksh`, after `exec`, `env`, `nohup`):
///   STRING's commands count too, read again as shell with their spans inside the string.
/// - A carriage return before a line feed is part of the line break (CRLF scripts).
///
/// Nesting (`$(`, backticks, `sh -c`) is bounded by `ReaderLimits.maxDepth`: deeper text is
/// skipped with a `tooDeep` diagnostic. Every loop advances through the text; any input gives
/// a result.
public enum ShellReader {
    public static func commands(_ text: ShellText) -> [ShellCommand] { read(text).commands }

    public static func read(_ text: ShellText) -> ShellReadResult { read(text, depth: 0) }

    /// The commands of the command string of `sh -c STRING`, `string` being that word decoded
    /// (as `commandStringIndex` finds it in a command whose words are decoded elsewhere: a
    /// Dockerfile exec form, a compose list, a systemd `ExecStart=`). It counts as one level of
    /// nesting.
    public static func read(shellString string: ShellText) -> ShellReadResult { read(string, depth: 1) }

    static func read(_ text: ShellText, depth: Int) -> ShellReadResult {
        var p = ShellParser(text: text, depth: depth)
        p.run()
        return ShellReadResult(commands: ShellParser.ordered(p.commands), diagnostics: p.diagnostics)
    }

    /// Names of shells whose `-c STRING` runs STRING as shell.
    static let shells: Set<String> = ["sh", "bash", "dash", "zsh", "ash", "ksh", "mksh"]

    /// When `words` run a shell with `-c` (`sh -c '…'`, `bash -lc "…"`, `exec /bin/sh -c …`,
    /// `/usr/bin/env bash -c …`), the index of the command string; otherwise nil.
    public static func commandStringIndex(_ words: [ShellWord]) -> Int? {
        var i = 0
        // Wrappers that run the rest: exec, nohup, command, env with its options and NAME=value.
        while i < words.count, let v = words[i].value {
            if v == "exec" || v == "nohup" || v == "command" {
                i += 1
            } else if baseName(v) == "env" {
                i += 1
                while i < words.count, let a = words[i].value, a.hasPrefix("-") || a.contains("=") {
                    i += a == "-u" || a == "-C" || a == "-S" ? 2 : 1
                }
            } else {
                break
            }
        }
        guard i < words.count, let name = words[i].value, shells.contains(baseName(name)) else { return nil }
        i += 1
        var hasC = false
        while i < words.count {
            // A word known only at run time is the command string, or no option.
            guard let v = words[i].value else { break }
            if v == "--" || v == "-" {
                i += 1
                break
            }
            guard v.count > 1, v.hasPrefix("-") || v.hasPrefix("+") else { break }
            if v == "-o" || v == "+o" || v == "-O" || v == "+O" || v == "--rcfile" || v == "--init-file" {
                i += 2
                continue
            }
            if !v.hasPrefix("--") && v.hasPrefix("-") && v.contains("c") { hasC = true }
            i += 1
        }
        return hasC && i < words.count ? i : nil
    }

    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// A word as the lexer reads it: where it is in the text, and its bytes after quote removal with
/// the text range each one is written at. Expansions are kept as written (`$VAR`, `${…}`,
/// `$((…))`), except that a command substitution, whose commands are read where it is, becomes
/// the placeholder `$_` over its whole text: reading a `sh -c` string again then finds an
/// unknown word there, and never reads the substitution a second time.
struct LexedWord {
    var start: Int
    var end: Int
    var bytes: [UInt8] = []
    var from: [Int32] = []
    var to: [Int32] = []
    /// Some part is known only at run time.
    var unknown = false
    /// How many bytes came before the first quote, escape or expansion (nil: none came).
    var plainPrefix: Int? = nil

    /// Some part is quoted, escaped or expanded (so the word is no reserved word).
    var quoted: Bool { plainPrefix != nil }

    mutating func markQuoted() {
        if plainPrefix == nil { plainPrefix = bytes.count }
    }

    mutating func add(_ b: UInt8, _ index: Int) { add(b, index, index + 1) }

    mutating func add(_ b: UInt8, _ lower: Int, _ upper: Int) {
        bytes.append(b)
        from.append(Int32(truncatingIfNeeded: lower))
        to.append(Int32(truncatingIfNeeded: upper))
    }
}

struct ShellParser {
    let text: ShellText
    let b: [UInt8]
    var pos = 0
    /// How deep the text being read is nested ($(…), `…`, sh -c).
    var depth: Int
    var commands: [ShellCommand] = []
    var diagnostics: [SyntaxDiagnostic] = []
    var pendingHeredocs: [(delimiter: [UInt8], stripTabs: Bool, span: Span)] = []
    var reportedTooDeep = false

    init(text: ShellText, depth: Int) {
        self.text = text
        self.b = text.bytes
        self.depth = depth
    }

    /// Commands in source order (a substitution's commands are found before the command around
    /// it ends), each once.
    static func ordered(_ commands: [ShellCommand]) -> [ShellCommand] {
        let sorted = commands.enumerated().sorted { a, c in
            (a.element.span.start, a.element.span.end, a.offset) < (c.element.span.start, c.element.span.end, c.offset)
        }
        var out: [ShellCommand] = []
        out.reserveCapacity(sorted.count)
        for (_, c) in sorted where out.last != c { out.append(c) }
        return out
    }

    mutating func run() {
        if depth > ReaderLimits.maxDepth {
            tooDeep(at: text.span)
            return
        }
        _ = parseList(inSubstitution: false)
        if !pendingHeredocs.isEmpty { heredocsAtEnd() }
    }

    /// Reads `sub` (text taken from this text) as commands of its own, one level deeper.
    mutating func readNested(_ sub: ShellText) {
        if depth + 1 > ReaderLimits.maxDepth {
            tooDeep(at: sub.span)
            return
        }
        var p = ShellParser(text: sub, depth: depth + 1)
        p.run()
        commands.append(contentsOf: p.commands)
        diagnostics.append(contentsOf: p.diagnostics)
        if p.reportedTooDeep { reportedTooDeep = true }
    }

    // MARK: diagnostics

    mutating func syntax(_ message: String, _ range: Range<Int>, severity: SyntaxSeverity = .error) {
        diagnostics.append(SyntaxDiagnostic(.shellSyntax, severity, message, at: text.span(range)))
    }

    mutating func tooDeep(at span: Span) {
        guard !reportedTooDeep else { return }
        reportedTooDeep = true
        diagnostics.append(
            SyntaxDiagnostic(
                .tooDeep, .error,
                "shell text nested deeper than \(ReaderLimits.maxDepth) levels ($(…), `…`, sh -c); the text inside is not read",
                at: span))
    }

    // MARK: bytes

    @inline(__always) func at(_ i: Int) -> UInt8 { i >= 0 && i < b.count ? b[i] : 0 }

    /// A line break at `i`: LF, or CR LF. Its length, or 0.
    @inline(__always) func lineBreak(_ i: Int) -> Int {
        guard i < b.count else { return 0 }
        if b[i] == 0x0A { return 1 }
        if b[i] == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { return 2 }
        return 0
    }

    /// Whether byte `i` ends a word: a blank, a line break or an operator character.
    @inline(__always) func isMeta(_ i: Int) -> Bool {
        switch b[i] {
        case 0x20, 0x09, 0x0A, UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return true
        case 0x0D: return lineBreak(i) == 2
        default: return false
        }
    }

    /// `\` followed by a line break at `i`: its length, or 0.
    @inline(__always) func continuation(_ i: Int) -> Int {
        guard i < b.count, b[i] == UInt8(ascii: "\\") else { return 0 }
        let n = lineBreak(i + 1)
        return n == 0 ? 0 : 1 + n
    }

    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "_") || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
    }

    @inline(__always) static func isName(_ c: UInt8) -> Bool {
        isNameStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    mutating func skipBlanks() {
        while pos < b.count {
            let c = b[pos]
            if c == 0x20 || c == 0x09 {
                pos += 1
            } else {
                let n = continuation(pos)
                if n == 0 { return }
                pos += n
            }
        }
    }

    mutating func skipComment() {
        while pos < b.count && lineBreak(pos) == 0 { pos += 1 }
    }

    // MARK: lists and commands

    /// The command being read.
    struct Pending {
        var assignments: [ShellAssignment] = []
        var words: [ShellWord] = []
        var lexed: [LexedWord] = []
        var start = -1
        var end = -1
        var isEmpty: Bool { assignments.isEmpty && words.isEmpty }

        mutating func cover(_ s: Int, _ e: Int) {
            if start < 0 { start = s }
            end = max(end, e)
        }
    }

    enum Expect {
        case none
        /// After `for` or `select`: its variable name.
        case forName
        /// After `for NAME`: `in`, or `do`.
        case forIn
        /// The words after `for NAME in`, up to `;` or a line break.
        case forWords
        /// After `case`: the word.
        case caseWord
        /// After `case WORD`: `in`.
        case caseIn
        /// After `function`: the name.
        case functionName
    }

    /// Reads commands up to the end, or (inside `$(`) up to the `)` that closes it; returns
    /// whether that `)` was found.
    mutating func parseList(inSubstitution: Bool) -> Bool {
        var cmd = Pending()
        var parens = 0
        var expect = Expect.none
        // One entry per open `case`: whether a pattern comes next.
        var cases: [Bool] = []
        while pos < b.count {
            let before = pos
            skipBlanks()
            guard pos < b.count else { break }
            let c = b[pos]
            if c == UInt8(ascii: "#") {
                skipComment()
                continue
            }
            let nl = lineBreak(pos)
            if nl > 0 {
                finish(&cmd)
                pos += nl
                if expect == .forWords || expect == .forIn || expect == .functionName { expect = .none }
                if !pendingHeredocs.isEmpty { readHeredocs() }
                continue
            }
            if let last = cases.last, last, cmd.isEmpty, c != UInt8(ascii: ";") {
                // A pattern: words and `|` up to `)`; `esac` closes the case.
                readPattern(&cases)
                if pos == before { pos += 1 }  // never stall
                continue
            }
            switch c {
            case UInt8(ascii: ";"):
                finish(&cmd)
                if at(pos + 1) == UInt8(ascii: ";") || at(pos + 1) == UInt8(ascii: "&") {
                    // `;;`, `;&`, `;;&`: the end of a case item.
                    pos += at(pos + 1) == UInt8(ascii: ";") && at(pos + 2) == UInt8(ascii: "&") ? 3 : 2
                    if !cases.isEmpty { cases[cases.count - 1] = true }
                } else {
                    pos += 1
                }
                expect = .none
                continue
            case UInt8(ascii: "&"):
                if at(pos + 1) == UInt8(ascii: ">") {
                    redirection(&cmd)
                    continue
                }
                finish(&cmd)
                pos += at(pos + 1) == UInt8(ascii: "&") ? 2 : 1
                expect = .none
                continue
            case UInt8(ascii: "|"):
                finish(&cmd)
                pos += at(pos + 1) == UInt8(ascii: "|") || at(pos + 1) == UInt8(ascii: "&") ? 2 : 1
                expect = .none
                continue
            case UInt8(ascii: "("):
                if cmd.isEmpty && at(pos + 1) == UInt8(ascii: "(") {
                    skipArithmetic(from: pos, open: 2)
                    continue
                }
                if expect == .forName && at(pos + 1) == UInt8(ascii: "(") {
                    skipArithmetic(from: pos, open: 2)
                    expect = .none
                    continue
                }
                if cmd.words.isEmpty, let last = cmd.assignments.last, last.value.span.isEmpty, cmd.end == pos {
                    // `name=(a b c)`: a bash array, not a subshell.
                    let start = pos
                    pos += 1
                    if !skipBalanced(open: 1) {
                        syntax("unterminated array ( … ); bash fails with \"unexpected EOF\"", start..<b.count)
                    }
                    var a = cmd.assignments.removeLast()
                    a.value = ShellWord(nil, span: text.span(start..<pos))
                    a.span = a.span.union(a.value.span)
                    cmd.assignments.append(a)
                    cmd.cover(start, pos)
                    continue
                }
                if cmd.words.count == 1 && cmd.assignments.isEmpty {
                    // `name() …`: a function definition, not a command.
                    var k = pos + 1
                    while k < b.count && (b[k] == 0x20 || b[k] == 0x09) { k += 1 }
                    if at(k) == UInt8(ascii: ")") {
                        cmd = Pending()
                        pos = k + 1
                        continue
                    }
                }
                finish(&cmd)
                parens += 1
                pos += 1
                continue
            case UInt8(ascii: ")"):
                finish(&cmd)
                if parens > 0 {
                    parens -= 1
                    pos += 1
                    continue
                }
                if inSubstitution {
                    pos += 1
                    return true
                }
                syntax("unmatched ')'; sh fails with \"Syntax error: \")\" unexpected\"", pos..<pos + 1)
                pos += 1
                continue
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                if at(pos + 1) == UInt8(ascii: "(") {
                    // bash's process substitution `<(…)`, `>(…)`: a word known at run time.
                    let start = pos
                    var w = LexedWord(start: start, end: start)
                    w.unknown = true
                    w.markQuoted()
                    pos += 2
                    substitution(start: start)
                    w.add(UInt8(ascii: "$"), start, start + 1)
                    w.add(UInt8(ascii: "_"), start + 1, max(start + 2, pos))
                    w.end = pos
                    add(w, to: &cmd)
                    continue
                }
                redirection(&cmd)
                continue
            default:
                break
            }
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                var k = pos
                while k < b.count && b[k] >= UInt8(ascii: "0") && b[k] <= UInt8(ascii: "9") { k += 1 }
                if (at(k) == UInt8(ascii: "<") || at(k) == UInt8(ascii: ">")) && at(k + 1) != UInt8(ascii: "(") {
                    redirection(&cmd)
                    continue
                }
            }
            let w = lexWord()
            if pos == before { pos += 1 }  // never stall
            let plain = plainText(w)
            switch expect {
            case .forName:
                expect = .forIn
                continue
            case .forIn:
                expect = plain == "in" ? .forWords : .none
                if plain == "in" { continue }
            case .forWords:
                continue
            case .caseWord:
                expect = .caseIn
                continue
            case .caseIn:
                expect = .none
                if plain == "in" {
                    cases.append(true)
                    continue
                }
            case .functionName:
                expect = .none
                continue
            case .none:
                break
            }
            if cmd.isEmpty, let word = plain {
                switch word {
                case "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "{", "}", "!":
                    continue
                case "for", "select":
                    expect = .forName
                    continue
                case "case":
                    expect = .caseWord
                    continue
                case "esac":
                    if !cases.isEmpty { cases.removeLast() }
                    continue
                case "function":
                    expect = .functionName
                    continue
                default:
                    break
                }
            }
            add(w, to: &cmd)
        }
        finish(&cmd)
        return false
    }

    /// The word's text when it is written plainly (no quote, escape or expansion): a candidate
    /// reserved word.
    func plainText(_ w: LexedWord) -> String? {
        guard !w.quoted && !w.unknown && w.bytes.count <= 8 else { return nil }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Reads a `case` pattern at `pos` (a pattern is expected), up to its `)`, or up to a line
    /// break or comment, where the list reading goes on with a pattern still expected. `esac`
    /// in place of a pattern closes the case.
    mutating func readPattern(_ cases: inout [Bool]) {
        var first = true
        if b[pos] == UInt8(ascii: "(") {
            pos += 1
            first = false
        }
        while pos < b.count {
            skipBlanks()
            guard pos < b.count else { return }
            let c = b[pos]
            if c == UInt8(ascii: ")") {
                pos += 1
                cases[cases.count - 1] = false
                return
            }
            if lineBreak(pos) > 0 || c == UInt8(ascii: "#") { return }
            if isMeta(pos) {
                // `|` between patterns; any other operator here is sh's syntax error, skipped.
                pos += 1
                first = false
                continue
            }
            let start = pos
            let w = lexWord()
            if pos == start { pos += 1 }
            if first && plainText(w) == "esac" {
                cases.removeLast()
                return
            }
            first = false
        }
    }

    mutating func add(_ w: LexedWord, to cmd: inout Pending) {
        cmd.cover(w.start, w.end)
        let span = text.span(w.start..<w.end)
        if cmd.words.isEmpty, let eq = assignmentEquals(w) {
            let name = String(decoding: w.bytes[0..<eq], as: UTF8.self)
            let valueStart = Int(w.to[eq])
            let valueSpan = text.span(valueStart..<w.end)
            // `NAME=~/x`: the tilde expands.
            let tilde =
                eq + 1 < w.bytes.count && w.bytes[eq + 1] == UInt8(ascii: "~") && eq + 1 < (w.plainPrefix ?? .max)
            let v: String? = w.unknown || tilde ? nil : String(decoding: w.bytes[(eq + 1)...], as: UTF8.self)
            cmd.assignments.append(ShellAssignment(name: name, value: ShellWord(v, span: valueSpan), span: span))
            return
        }
        let value: String? = w.unknown ? nil : String(decoding: w.bytes, as: UTF8.self)
        cmd.words.append(ShellWord(value, span: span))
        cmd.lexed.append(w)
    }

    /// When the word is `NAME=…` with NAME and `=` written plainly, the index in its bytes of
    /// the `=`.
    func assignmentEquals(_ w: LexedWord) -> Int? {
        let limit = min(w.bytes.count, w.plainPrefix ?? .max)
        guard limit > 1, ShellParser.isNameStart(w.bytes[0]) else { return nil }
        var i = 1
        while i < limit {
            let c = w.bytes[i]
            if c == UInt8(ascii: "=") { return i }
            if !ShellParser.isName(c) { return nil }
            i += 1
        }
        return nil
    }

    mutating func finish(_ cmd: inout Pending) {
        defer { cmd = Pending() }
        guard !cmd.isEmpty else { return }
        let command = ShellCommand(
            assignments: cmd.assignments, words: cmd.words, span: text.span(cmd.start..<cmd.end))
        commands.append(command)
        guard let k = ShellReader.commandStringIndex(cmd.words) else { return }
        // The `sh -c` string, read again as shell, each byte where the outer word has it.
        let w = cmd.lexed[k]
        readNested(text.picking(w.bytes, from: w.from, to: w.to, endingAt: text.start(w.end)))
    }

    // MARK: redirections and here-documents

    /// A redirection at `pos` (an optional descriptor number, the operator, its target word),
    /// which is not a word of the command.
    mutating func redirection(_ cmd: inout Pending) {
        let start = pos
        while pos < b.count && b[pos] >= UInt8(ascii: "0") && b[pos] <= UInt8(ascii: "9") { pos += 1 }
        var heredoc = false
        var stripTabs = false
        let c = at(pos)
        if c == UInt8(ascii: "&") {
            pos += at(pos + 2) == UInt8(ascii: ">") ? 3 : 2  // &> &>>
        } else if c == UInt8(ascii: "<") {
            pos += 1
            if at(pos) == UInt8(ascii: "<") {
                pos += 1
                if at(pos) == UInt8(ascii: "<") {
                    pos += 1  // <<< here-string
                } else {
                    heredoc = true
                    if at(pos) == UInt8(ascii: "-") {
                        stripTabs = true
                        pos += 1
                    }
                }
            } else if at(pos) == UInt8(ascii: "&") || at(pos) == UInt8(ascii: ">") {
                pos += 1
            }
        } else {
            pos += 1
            if at(pos) == UInt8(ascii: ">") || at(pos) == UInt8(ascii: "&") || at(pos) == UInt8(ascii: "|") {
                pos += 1
            }
        }
        pos = min(pos, b.count)
        cmd.cover(start, pos)
        skipBlanks()
        guard pos < b.count, !isMeta(pos) else {
            syntax("a redirection without its target; sh fails with a syntax error", start..<pos)
            return
        }
        let w = lexWord()
        cmd.cover(start, w.end)
        if heredoc {
            pendingHeredocs.append((w.bytes, stripTabs, text.span(start..<w.end)))
        }
    }

    /// Skips the bodies of the here-documents opened on the line just ended.
    mutating func readHeredocs() {
        let docs = pendingHeredocs
        pendingHeredocs = []
        for doc in docs {
            var found = false
            while pos < b.count {
                var lineStart = pos
                var lineEnd = pos
                while lineEnd < b.count && b[lineEnd] != 0x0A { lineEnd += 1 }
                pos = lineEnd < b.count ? lineEnd + 1 : lineEnd
                var contentEnd = lineEnd
                if contentEnd > lineStart && b[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if doc.stripTabs { while lineStart < contentEnd && b[lineStart] == 0x09 { lineStart += 1 } }
                if contentEnd - lineStart == doc.delimiter.count
                    && b[lineStart..<contentEnd].elementsEqual(doc.delimiter)
                {
                    found = true
                    break
                }
            }
            if !found {
                diagnostics.append(
                    SyntaxDiagnostic(
                        .shellSyntax, .warning,
                        "here-document ended by the end of the text, not by a line \"\(String(decoding: doc.delimiter, as: UTF8.self))\"; sh warns and takes the rest as its body",
                        at: doc.span))
                return
            }
        }
    }

    mutating func heredocsAtEnd() {
        for doc in pendingHeredocs {
            diagnostics.append(
                SyntaxDiagnostic(
                    .shellSyntax, .warning,
                    "here-document without a body: the text ends before the line \"\(String(decoding: doc.delimiter, as: UTF8.self))\"",
                    at: doc.span))
        }
        pendingHeredocs = []
    }

    // MARK: words

    /// Reads one word at `pos` (which is not a blank or an operator character).
    mutating func lexWord() -> LexedWord {
        var w = LexedWord(start: pos, end: pos)
        if at(pos) == UInt8(ascii: "~") {
            w.unknown = true
            w.markQuoted()
        }
        while pos < b.count {
            let c = b[pos]
            if isMeta(pos) { break }
            switch c {
            case UInt8(ascii: "\\"):
                let n = continuation(pos)
                if n > 0 {
                    pos += n
                    continue
                }
                w.markQuoted()
                if pos + 1 < b.count {
                    // An escaped CR LF is a CR escaped, then the line break.
                    w.add(b[pos + 1], pos, pos + 2)
                    pos += 2
                } else {
                    w.add(c, pos)
                    pos += 1
                }
            case UInt8(ascii: "'"):
                w.markQuoted()
                let open = pos
                pos += 1
                while pos < b.count && b[pos] != UInt8(ascii: "'") {
                    w.add(b[pos], pos)
                    pos += 1
                }
                if pos >= b.count {
                    syntax(
                        "unterminated single-quoted string; sh fails with \"Syntax error: Unterminated quoted string\"",
                        open..<b.count)
                } else {
                    pos += 1
                }
            case UInt8(ascii: "\""):
                w.markQuoted()
                lexDoubleQuoted(&w)
            case UInt8(ascii: "$"):
                lexDollar(&w, inDoubleQuotes: false)
            case UInt8(ascii: "`"):
                lexBackquoted(&w)
            default:
                w.add(c, pos)
                pos += 1
            }
        }
        w.end = pos
        return w
    }

    /// A double-quoted string with `pos` at its opening quote.
    mutating func lexDoubleQuoted(_ w: inout LexedWord) {
        let open = pos
        pos += 1
        while pos < b.count {
            let c = b[pos]
            switch c {
            case UInt8(ascii: "\""):
                pos += 1
                return
            case UInt8(ascii: "\\"):
                let n = continuation(pos)
                if n > 0 {
                    pos += n
                    continue
                }
                let next = at(pos + 1)
                if pos + 1 < b.count
                    && (next == UInt8(ascii: "$") || next == UInt8(ascii: "`") || next == UInt8(ascii: "\"")
                        || next == UInt8(ascii: "\\"))
                {
                    w.add(next, pos, pos + 2)
                    pos += 2
                } else {
                    w.add(c, pos)
                    pos += 1
                }
            case UInt8(ascii: "$"):
                lexDollar(&w, inDoubleQuotes: true)
            case UInt8(ascii: "`"):
                lexBackquoted(&w)
            default:
                w.add(c, pos)
                pos += 1
            }
        }
        syntax(
            "unterminated double-quoted string; sh fails with \"Syntax error: Unterminated quoted string\"",
            open..<b.count)
    }

    /// Copies text `from ..< pos` into the word as written (an expansion).
    mutating func keep(_ w: inout LexedWord, from: Int) {
        var i = from
        while i < pos && i < b.count {
            w.add(b[i], i)
            i += 1
        }
    }

    /// The placeholder `$_` for the command substitution at text `from ..< pos`.
    mutating func placeholder(_ w: inout LexedWord, from: Int) {
        w.add(UInt8(ascii: "$"), from, from + 1)
        w.add(UInt8(ascii: "_"), from + 1, max(from + 2, pos))
    }

    /// `$` at `pos`: an expansion, or (before anything else) a `$` of its own.
    mutating func lexDollar(_ w: inout LexedWord, inDoubleQuotes: Bool) {
        let start = pos
        let next = at(pos + 1)
        guard pos + 1 < b.count else {
            w.add(b[pos], pos)
            pos += 1
            return
        }
        switch next {
        case UInt8(ascii: "("):
            w.unknown = true
            w.markQuoted()
            if at(pos + 2) == UInt8(ascii: "(") {
                skipArithmetic(from: pos + 1, open: 2)
                keep(&w, from: start)
            } else {
                pos += 2
                substitution(start: start)
                placeholder(&w, from: start)
            }
        case UInt8(ascii: "{"):
            w.unknown = true
            w.markQuoted()
            skipBraced(from: start)
            keep(&w, from: start)
        case UInt8(ascii: "'") where !inDoubleQuotes:
            // bash's $'…' (ANSI-C quoting; dash reads `$` and a quoted string).
            w.unknown = true
            w.markQuoted()
            pos += 2
            while pos < b.count && b[pos] != UInt8(ascii: "'") { pos += b[pos] == UInt8(ascii: "\\") ? 2 : 1 }
            if pos >= b.count {
                pos = b.count
                syntax("unterminated $'…' string; bash fails with \"unexpected EOF\"", start..<b.count)
            } else {
                pos += 1
            }
            keep(&w, from: start)
        case UInt8(ascii: "\"") where !inDoubleQuotes:
            // bash's $"…" (a translated string).
            w.unknown = true
            w.markQuoted()
            pos += 1
            lexDoubleQuoted(&w)
        default:
            if ShellParser.isNameStart(next) {
                w.unknown = true
                w.markQuoted()
                pos += 2
                while pos < b.count && ShellParser.isName(b[pos]) { pos += 1 }
                keep(&w, from: start)
            } else if (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")) || "@*#?$!-".utf8.contains(next) {
                w.unknown = true
                w.markQuoted()
                pos += 2
                keep(&w, from: start)
            } else {
                w.add(b[pos], pos)
                pos += 1
            }
        }
    }

    /// `$(` … `)` with `pos` after `$(`: its commands are read; at the depth bound it is skipped.
    mutating func substitution(start: Int) {
        if depth + 1 > ReaderLimits.maxDepth {
            tooDeep(at: text.span(start..<b.count))
            if !skipBalanced(open: 1) { pos = b.count }
            return
        }
        depth += 1
        defer { depth -= 1 }
        if !parseList(inSubstitution: true) {
            syntax("unterminated $( … ); sh fails with \"Syntax error: end of file unexpected\"", start..<b.count)
        }
    }

    /// Skips to the `)` that balances `open` parentheses already read, minding quotes; false
    /// when the text ends first.
    mutating func skipBalanced(open: Int) -> Bool {
        var level = open
        while pos < b.count && level > 0 {
            let c = b[pos]
            if c == UInt8(ascii: "\\") {
                pos += 2
                continue
            }
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                pos += 1
                while pos < b.count && b[pos] != c { pos += b[pos] == UInt8(ascii: "\\") && c == 0x22 ? 2 : 1 }
            } else if c == UInt8(ascii: "(") {
                level += 1
            } else if c == UInt8(ascii: ")") {
                level -= 1
            }
            pos += 1
        }
        pos = min(pos, b.count)
        return level == 0
    }

    /// `$((` … `))` or `((` … `))` starting at `from` (the first `(`): no commands.
    mutating func skipArithmetic(from: Int, open: Int) {
        pos = from + open
        if !skipBalanced(open: open) {
            syntax("unterminated (( … )) arithmetic", from..<b.count)
        }
    }

    /// `${` … `}` starting at `from` (the `$`).
    mutating func skipBraced(from: Int) {
        pos = from + 2
        var level = 1
        while pos < b.count && level > 0 {
            let c = b[pos]
            if c == UInt8(ascii: "\\") {
                pos += 2
                continue
            }
            if c == UInt8(ascii: "'") {
                pos += 1
                while pos < b.count && b[pos] != c { pos += 1 }
            } else if c == UInt8(ascii: "\"") {
                pos += 1
                while pos < b.count && b[pos] != c { pos += b[pos] == UInt8(ascii: "\\") ? 2 : 1 }
            } else if c == UInt8(ascii: "{") {
                level += 1
            } else if c == UInt8(ascii: "}") {
                level -= 1
            }
            pos += 1
        }
        pos = min(pos, b.count)
        if level > 0 {
            syntax("unterminated ${…}; sh fails with \"Syntax error: Missing '}'\"", from..<b.count)
        }
    }

    /// `` `…` ``: its text, with `\$`, `` \` `` and `\\` unescaped, is read as commands.
    mutating func lexBackquoted(_ w: inout LexedWord) {
        let start = pos
        w.unknown = true
        w.markQuoted()
        pos += 1
        var inner: [UInt8] = []
        var from: [Int32] = []
        var to: [Int32] = []
        var closed = false
        while pos < b.count {
            let c = b[pos]
            if c == UInt8(ascii: "`") {
                closed = true
                pos += 1
                break
            }
            if c == UInt8(ascii: "\\") && pos + 1 < b.count {
                let n = b[pos + 1]
                if n == UInt8(ascii: "$") || n == UInt8(ascii: "`") || n == UInt8(ascii: "\\") {
                    inner.append(n)
                    from.append(Int32(truncatingIfNeeded: pos))
                    to.append(Int32(truncatingIfNeeded: pos + 2))
                    pos += 2
                    continue
                }
            }
            inner.append(c)
            from.append(Int32(truncatingIfNeeded: pos))
            to.append(Int32(truncatingIfNeeded: pos + 1))
            pos += 1
        }
        if !closed {
            syntax(
                "unterminated `…` command substitution; sh fails with \"Syntax error: EOF in backquote substitution\"",
                start..<b.count)
        }
        placeholder(&w, from: start)
        let innerEnd = closed ? pos - 1 : pos
        readNested(text.picking(inner, from: from, to: to, endingAt: text.start(innerEnd)))
    }
}
