/// A Dockerfile's commands, as BuildKit's parser reads the file.
///
/// - Parser directives (`# escape=` `` ` `` or `\`) at the top, before any other line.
/// - Lines ending with the escape character (blanks after it allowed) continue on the next line;
///   the escape character and the line break are removed, nothing is put in their place.
///   Comment lines and blank lines inside a continuation are skipped.
/// - `RUN`, `CMD` and `ENTRYPOINT` (any case): a JSON array of strings is the exec form, its
///   strings the words (a `["sh", "-c", "…"]` string is read as shell too); anything else is the
///   shell form, run with `/bin/sh -c`, read as shell. `RUN`'s flags (`--mount=…`) are not part
///   of the command. A `SHELL` that is not a POSIX shell (cmd, powershell) stops the shell forms
///   of its stage from being read.
/// - Here-documents of `RUN`, `COPY` and `ADD` (`<<EOF` … `EOF`): a `RUN` made of here-documents
///   only runs each body as a script (a `#!` naming another interpreter is not read); otherwise
///   the bodies are the shell's here-documents, data.
/// - When the final stage's last `ENTRYPOINT` and last `CMD` are both exec forms, Docker runs
///   them as one command: that command is given too, with the `ENTRYPOINT`'s origin.
enum DockerfileReader {
    static let instructions: Set<String> = [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ]

    static func read(_ source: SourceFile, into c: inout LaunchCollector) {
        var r = DockerfileParser(source: source)
        r.run()
        c.diagnostics += r.diagnostics
        for item in r.commands {
            switch item.form {
            case .shell(let text):
                c.shell(text, origin: item.origin, originSpan: item.originSpan)
            case .exec(let words, let span, let first):
                c.words(words, span: span, origin: item.origin, originSpan: item.originSpan, readShellStringFrom: first)
            }
        }
    }
}

private struct DockerfileParser {
    let source: SourceFile
    let b: [UInt8]
    var pos: Int
    var escape = UInt8(ascii: "\\")
    var diagnostics: [SyntaxDiagnostic] = []

    enum Form {
        case shell(ShellText)
        /// Words, the array's span, and the first word a `sh -c` string may be.
        case exec([DecodedWord], Span, Int)
    }

    struct Item {
        var form: Form
        var origin: String
        var originSpan: Span
    }

    var commands: [Item] = []

    /// The last `CMD` and `ENTRYPOINT` of the current stage, exec form or not.
    struct Launch {
        var words: [DecodedWord]?
        var span: Span
        var keyword: Span
    }
    var entrypoint: Launch? = nil
    var cmd: Launch? = nil
    /// The stage's `SHELL` is not a POSIX shell.
    var foreignShell = false

    init(source: SourceFile) {
        self.source = source
        self.b = source.bytes
        self.pos = source.bomLength
    }

    // MARK: lines

    /// The physical line at `at`: its content (without the line break) and where the next starts.
    func line(_ at: Int) -> (start: Int, end: Int, next: Int) {
        var e = at
        while e < b.count && b[e] != 0x0A { e += 1 }
        let next = e < b.count ? e + 1 : e
        var end = e
        if end > at && b[end - 1] == 0x0D { end -= 1 }
        return (at, end, next)
    }

    func skipBlanks(_ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        return i
    }

    /// Where a continued line's text ends (before the escape character and blanks after it), or
    /// nil when the line does not continue.
    func continuationEnd(_ start: Int, _ end: Int) -> Int? {
        var e = end
        while e > start && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
        return e > start && b[e - 1] == escape ? e - 1 : nil
    }

    /// `# name = value` at the top of the file: handled, or false when the line is no directive.
    mutating func directive(_ start: Int, _ end: Int) -> Bool {
        var i = skipBlanks(start, end)
        guard i < end, b[i] == UInt8(ascii: "#") else { return false }
        i = skipBlanks(i + 1, end)
        let nameStart = i
        while i < end && (ProcfileReader.isNameByte(b[i]) && b[i] != UInt8(ascii: "-")) { i += 1 }
        guard i > nameStart else { return false }
        let name = source.text(Span(nameStart, i)).lowercased()
        i = skipBlanks(i, end)
        guard i < end, b[i] == UInt8(ascii: "=") else { return false }
        let valueStart = skipBlanks(i + 1, end)
        var valueEnd = end
        while valueEnd > valueStart && (b[valueEnd - 1] == 0x20 || b[valueEnd - 1] == 0x09) { valueEnd -= 1 }
        if name == "escape" {
            let value = source.text(Span(valueStart, valueEnd))
            if value == "`" || value == "\\" {
                escape = b[valueStart]
            } else {
                diagnostics.append(
                    SyntaxDiagnostic(
                        .dockerfileSyntax, .error,
                        "invalid escape directive \"\(value)\"; Docker accepts only ` or \\ and fails to build",
                        at: Span(valueStart, valueEnd)))
            }
        }
        return true
    }

    // MARK: instructions

    mutating func run() {
        var directives = true
        while pos < b.count {
            let l = line(pos)
            pos = l.next
            if directives {
                if directive(l.start, l.end) { continue }
                directives = false
            }
            let first = skipBlanks(l.start, l.end)
            if first >= l.end || b[first] == UInt8(ascii: "#") { continue }
            // The logical line: this line and its continuations, joined.
            var text = ShellText(at: first)
            var lastEnd = l.end
            var lastNext = l.next
            var cut = continuationEnd(first, l.end)
            text.append(ShellText(source: source, span: Span(first, cut ?? l.end)))
            while cut != nil && pos < b.count {
                let n = line(pos)
                pos = n.next
                let k = skipBlanks(n.start, n.end)
                if k >= n.end || b[k] == UInt8(ascii: "#") { continue }
                cut = continuationEnd(n.start, n.end)
                text.append(ShellText(source: source, span: Span(n.start, cut ?? n.end)))
                lastEnd = n.end
                lastNext = n.next
            }
            instruction(text, lineBreak: Span(lastEnd, lastNext))
        }
        finalLaunch()
    }

    mutating func instruction(_ text: ShellText, lineBreak: Span) {
        let t = text.bytes
        var k = 0
        while k < t.count && t[k] != 0x20 && t[k] != 0x09 { k += 1 }
        let keyword = text.span(0..<k)
        let name = String(decoding: t[0..<k], as: UTF8.self).uppercased()
        var rest = k
        while rest < t.count && (t[rest] == 0x20 || t[rest] == 0x09) { rest += 1 }
        guard DockerfileReader.instructions.contains(name) else {
            diagnostics.append(
                SyntaxDiagnostic(
                    .dockerfileSyntax, .error,
                    "unknown instruction \"\(String(decoding: t[0..<k], as: UTF8.self))\"; Docker fails to build",
                    at: keyword))
            return
        }
        switch name {
        case "FROM":
            entrypoint = nil
            cmd = nil
            foreignShell = false
        case "SHELL":
            if let (words, _) = execForm(text, from: rest), let first = words.first?.word.value {
                var program = ShellReader.baseName(String(first.map { $0 == "\\" ? "/" : $0 })).lowercased()
                if program.hasSuffix(".exe") { program.removeLast(4) }
                foreignShell = ["cmd", "powershell", "pwsh"].contains(program)
            }
        case "RUN":
            rest = skipFlags(text, rest)
            let docs = heredocs(text, from: rest)
            if !docs.isEmpty {
                runHeredocs(text, from: rest, docs, keyword: keyword, lineBreak: lineBreak)
                return
            }
            launch(text, from: rest, name: name, keyword: keyword)
        case "CMD", "ENTRYPOINT":
            launch(text, from: rest, name: name, keyword: keyword)
        case "COPY", "ADD":
            // Their here-documents are files: skipped, so their lines are not instructions.
            let docs = heredocs(text, from: rest)
            if !docs.isEmpty { _ = readBodies(docs) }
        default:
            break
        }
    }

    /// `RUN`'s flags (`--mount=type=cache,target=/root/.npm`, `--network=none`) before the
    /// command; the index after them.
    func skipFlags(_ text: ShellText, _ from: Int) -> Int {
        let t = text.bytes
        var i = from
        while i + 1 < t.count && t[i] == UInt8(ascii: "-") && t[i + 1] == UInt8(ascii: "-") {
            let start = i
            var quote: UInt8 = 0
            while i < t.count {
                let c = t[i]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == 0x20 || c == 0x09 {
                    break
                }
                i += 1
            }
            let ends = i - start == 2  // `--` ends the flags
            while i < t.count && (t[i] == 0x20 || t[i] == 0x09) { i += 1 }
            if ends { break }
        }
        return i
    }

    /// `RUN`, `CMD` or `ENTRYPOINT` without here-documents.
    mutating func launch(_ text: ShellText, from rest: Int, name: String, keyword: Span) {
        guard rest < text.count else {
            diagnostics.append(
                SyntaxDiagnostic(
                    .dockerfileSyntax, name == "RUN" ? .error : .warning,
                    name == "RUN"
                        ? "RUN without a command; Docker fails with \"RUN requires at least one argument\""
                        : "\(name) without arguments", at: keyword))
            return
        }
        var record: Launch? = nil
        if let (words, span) = execForm(text, from: rest) {
            if !words.isEmpty { commands.append(Item(form: .exec(words, span, 0), origin: name, originSpan: keyword)) }
            record = Launch(words: words, span: span, keyword: keyword)
        } else {
            if text.bytes[rest] == UInt8(ascii: "[") {
                diagnostics.append(
                    SyntaxDiagnostic(
                        .dockerfileSyntax, .warning,
                        "this \(name) looks like the exec form but is not a JSON array of strings (JSON wants double quotes); Docker runs it with /bin/sh -c as written",
                        at: text.span(rest..<text.count)))
            }
            let shellText = text.slice(rest..<text.count)
            if !foreignShell { commands.append(Item(form: .shell(shellText), origin: name, originSpan: keyword)) }
            record = Launch(words: nil, span: shellText.span, keyword: keyword)
        }
        if name == "CMD" { cmd = record }
        if name == "ENTRYPOINT" { entrypoint = record }
    }

    /// ENTRYPOINT and CMD of the final stage, both exec forms: the one command Docker runs.
    mutating func finalLaunch() {
        guard let e = entrypoint, let ew = e.words, !ew.isEmpty, let c = cmd, let cw = c.words, !cw.isEmpty else {
            return
        }
        commands.append(
            Item(form: .exec(ew + cw, e.span.union(c.span), ew.count), origin: "ENTRYPOINT", originSpan: e.keyword))
    }

    /// The exec form at `from`: a JSON array of strings and nothing after it, as Docker's JSON
    /// parse accepts it; nil when it is not one.
    func execForm(_ text: ShellText, from: Int) -> ([DecodedWord], Span)? {
        let t = text.bytes
        func blank(_ i: Int) -> Int {
            var i = i
            while i < t.count && (t[i] == 0x20 || t[i] == 0x09 || t[i] == 0x0A || t[i] == 0x0D) { i += 1 }
            return i
        }
        var i = blank(from)
        guard i < t.count, t[i] == UInt8(ascii: "[") else { return nil }
        let open = i
        var words: [DecodedWord] = []
        i = blank(i + 1)
        if i < t.count && t[i] == UInt8(ascii: "]") {
            i += 1
        } else {
            while true {
                guard i < t.count, let (s, next) = ShellText.decodingJSONString(text, from: i) else { return nil }
                words.append(DecodedWord(word: ShellWord(s.string, span: text.span(i..<next)), text: s))
                i = blank(next)
                guard i < t.count else { return nil }
                if t[i] == UInt8(ascii: "]") {
                    i += 1
                    break
                }
                guard t[i] == UInt8(ascii: ",") else { return nil }
                i = blank(i + 1)
            }
        }
        let close = i
        guard blank(i) == t.count else { return nil }
        return (words, text.span(open..<close))
    }

    // MARK: here-documents

    struct Heredoc {
        var delimiter: [UInt8]
        var stripTabs: Bool
        /// The `<<EOF` word in the text.
        var marker: Range<Int>
    }

    /// The here-documents the text opens: words starting with `<<` (not `<<<`), unquoted.
    func heredocs(_ text: ShellText, from: Int) -> [Heredoc] {
        let t = text.bytes
        var out: [Heredoc] = []
        var i = from
        var quote: UInt8 = 0
        var wordStart = true
        while i < t.count {
            let c = t[i]
            if quote != 0 {
                if c == quote { quote = 0 } else if c == UInt8(ascii: "\\") && quote == 0x22 { i += 1 }
                i += 1
                continue
            }
            if c == 0x20 || c == 0x09 {
                wordStart = true
                i += 1
                continue
            }
            if wordStart && c == UInt8(ascii: "<") && i + 2 < t.count && t[i + 1] == UInt8(ascii: "<")
                && t[i + 2] != UInt8(ascii: "<")
            {
                let start = i
                var k = i + 2
                var strip = false
                if k < t.count && t[k] == UInt8(ascii: "-") {
                    strip = true
                    k += 1
                }
                var name: [UInt8] = []
                var q: UInt8 = 0
                while k < t.count {
                    let d = t[k]
                    if q != 0 {
                        if d == q { q = 0 } else { name.append(d) }
                    } else if d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") {
                        q = d
                    } else if d == 0x20 || d == 0x09 || d == UInt8(ascii: ">") || d == UInt8(ascii: "|")
                        || d == UInt8(ascii: ";") || d == UInt8(ascii: "&")
                    {
                        break
                    } else {
                        name.append(d)
                    }
                    k += 1
                }
                if !name.isEmpty { out.append(Heredoc(delimiter: name, stripTabs: strip, marker: start..<k)) }
                i = k
                wordStart = false
                continue
            }
            wordStart = false
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "\\") {
                i += 1
            }
            i += 1
        }
        return out
    }

    /// Reads the bodies of `docs` from `pos`: each body's span and its end line's end (with its
    /// line break); nil for a body the file ends inside (diagnosed).
    mutating func readBodies(_ docs: [Heredoc]) -> [(body: Span, through: Int)?] {
        var out: [(body: Span, through: Int)?] = []
        for doc in docs {
            let bodyStart = pos
            var found: (body: Span, through: Int)? = nil
            while pos < b.count {
                let l = line(pos)
                pos = l.next
                var s = l.start
                if doc.stripTabs { while s < l.end && b[s] == 0x09 { s += 1 } }
                if l.end - s == doc.delimiter.count && b[s..<l.end].elementsEqual(doc.delimiter) {
                    found = (Span(bodyStart, l.start), l.next)
                    break
                }
            }
            if found == nil {
                diagnostics.append(
                    SyntaxDiagnostic(
                        .dockerfileSyntax, .error,
                        "here-document without its end line \"\(String(decoding: doc.delimiter, as: UTF8.self))\"; Docker fails with \"unterminated heredoc\"",
                        at: Span(bodyStart, b.count)))
            }
            out.append(found)
        }
        return out
    }

    mutating func runHeredocs(_ text: ShellText, from rest: Int, _ docs: [Heredoc], keyword: Span, lineBreak: Span) {
        let bodies = readBodies(docs)
        // Only here-documents: each body is a script of its own.
        var k = rest
        var onlyHeredocs = true
        for doc in docs {
            while k < text.count && (text.bytes[k] == 0x20 || text.bytes[k] == 0x09) { k += 1 }
            if k != doc.marker.lowerBound {
                onlyHeredocs = false
                break
            }
            k = doc.marker.upperBound
        }
        while k < text.count && (text.bytes[k] == 0x20 || text.bytes[k] == 0x09) { k += 1 }
        if onlyHeredocs && k == text.count {
            for case let body? in bodies {
                let script = source.bytes[body.body.start..<body.body.end]
                if LaunchReader.shebangWords(script) != nil && !LaunchReader.isShellShebang(script) { continue }
                commands.append(
                    Item(form: .shell(ShellText(source: source, span: body.body)), origin: "RUN", originSpan: keyword))
            }
            return
        }
        // A command reading here-documents: the shell gets the line, then the bodies.
        var shellText = text.slice(rest..<text.count)
        let through = bodies.compactMap { $0?.through }.max() ?? lineBreak.end
        if !lineBreak.isEmpty {
            shellText.append(0x0A, start: lineBreak.start, end: lineBreak.end)
            shellText.append(ShellText(source: source, span: Span(lineBreak.end, through)))
        }
        if !foreignShell { commands.append(Item(form: .shell(shellText), origin: "RUN", originSpan: keyword)) }
    }
}
