/// The `command` and `entrypoint` of each service of a compose file, as Compose v2 reads them.
///
/// - A list of strings is the words, one each.
/// - A string is split into words by go-shellwords (what compose-go uses), not by a shell:
///   blanks separate words; single quotes keep everything; `\` escapes the next character
///   everywhere but in single quotes (also in double quotes); `` `…` `` and `$(…)` are kept as
///   written. go-shellwords stops at the first unquoted `;`, `&`, `|`, `<` or `>` and compose
///   drops the rest (`composeCommand`); an unterminated quote, or an unquoted `(` that does not
///   follow `$`, makes compose reject the file (`composeCommand`, error).
/// - Before that, compose interpolates the whole file: `$$` is a `$`; `$NAME` and `${…}` are
///   known only at run time.
/// - A `sh -c STRING` command has STRING's commands too.
enum ComposeCommands {
    static func read(_ source: SourceFile, into c: inout LaunchCollector) {
        let r = YAMLReader.read(source)
        c.diagnostics += r.diagnostics
        guard let root = r.root, root.isMapping, let services = root["services"], services.isMapping else { return }
        for service in services.entries {
            guard let name = service.key, service.value.isMapping else { continue }
            for entry in service.value.entries {
                guard let key = entry.key, key == "command" || key == "entrypoint" else { continue }
                command(entry.value, origin: "service \"\(name)\" \(key)", originSpan: entry.keySpan, into: &c)
            }
        }
    }

    static func command(_ value: Node, origin: String, originSpan: Span, into c: inout LaunchCollector) {
        if value.isNull { return }
        if value.isSequence {
            var words: [DecodedWord] = []
            for element in value.elements {
                guard let text = ShellText.scalar(element) else {
                    c.diagnostics.append(
                        SyntaxDiagnostic(
                            .composeCommand, .error,
                            "an item of \(origin) is not a string; compose rejects the file (\"must be a string\"); quote it",
                            at: element.span))
                    return
                }
                let (t, unknown) = interpolated(text)
                words.append(DecodedWord(word: ShellWord(unknown ? nil : t.string, span: element.span), text: t))
            }
            c.words(words, span: value.span, origin: origin, originSpan: originSpan)
            return
        }
        guard let text = ShellText.scalar(value) else {
            c.diagnostics.append(
                SyntaxDiagnostic(
                    .composeCommand, .error,
                    "\(origin) is neither a string nor a list of strings; compose rejects the file", at: value.span))
            return
        }
        let (t, unknown) = interpolatedBytes(text)
        let split = shellWords(t, unknown: unknown)
        if let problem = split.error {
            c.diagnostics.append(
                SyntaxDiagnostic(
                    .composeCommand, .error,
                    "compose cannot split \(origin) into words (\(problem)) and rejects the file with \"invalid command line string\"",
                    at: value.span))
            return
        }
        if let stop = split.stop {
            let op = String(decoding: [t.bytes[stop]], as: UTF8.self)
            c.diagnostics.append(
                SyntaxDiagnostic(
                    .composeCommand, .warning,
                    "compose runs no shell: it splits \(origin) into words and stops at the unquoted '\(op)', so everything from here on is dropped",
                    at: t.span(stop..<t.count),
                    notes: [
                        "to run several commands, write the command as a list: [\"sh\", \"-c\", \"…\"]; to pass '\(op)' as a word, quote it"
                    ]))
        }
        c.words(split.words, span: value.span, origin: origin, originSpan: originSpan)
    }

    /// Compose's interpolation of one value: `$$` becomes `$` (one byte over both), `$NAME` and
    /// `${…}` stay as written; whether any of those was there.
    static func interpolated(_ text: ShellText) -> (ShellText, Bool) {
        let (t, unknown) = interpolatedBytes(text)
        return (t, unknown.contains(true))
    }

    /// `interpolated`, with for each byte of the result whether it is known only at run time.
    static func interpolatedBytes(_ text: ShellText) -> (ShellText, [Bool]) {
        let b = text.bytes
        var out = ShellText(at: text.start(0))
        var unknown: [Bool] = []
        unknown.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "$") && i + 1 < b.count {
                let n = b[i + 1]
                if n == UInt8(ascii: "$") {
                    out.append(n, start: text.start(i), end: text.end(i + 1))
                    unknown.append(false)
                    i += 2
                    continue
                }
                var k = i + 1
                if n == UInt8(ascii: "{") {
                    while k < b.count && b[k] != UInt8(ascii: "}") { k += 1 }
                    k = min(k + 1, b.count)
                } else if ShellParser.isNameStart(n) {
                    while k < b.count && ShellParser.isName(b[k]) { k += 1 }
                }
                if k > i + 1 {
                    out.append(text, i..<k)
                    unknown += Array(repeating: true, count: k - i)
                    i = k
                    continue
                }
            }
            out.append(text, i..<i + 1)
            unknown.append(false)
            i += 1
        }
        if b.isEmpty { out = text }
        return (out, unknown)
    }

    /// go-shellwords' `Parse` on `t`: the words, where it stopped at an operator, or its error.
    static func shellWords(_ t: ShellText, unknown: [Bool]) -> (words: [DecodedWord], stop: Int?, error: String?) {
        let b = t.bytes
        var words: [DecodedWord] = []
        var escaped = false
        var single = false
        var double = false
        var back = false
        var dollar = false
        var got = false
        var bytes: [UInt8] = []
        var from: [Int32] = []
        var to: [Int32] = []
        var wordStart = -1
        var wordEnd = -1
        var wordUnknown = false
        var stop: Int? = nil

        func touch(_ i: Int) {
            if wordStart < 0 { wordStart = i }
            wordEnd = i + 1
            if i < unknown.count && unknown[i] { wordUnknown = true }
        }
        func add(_ c: UInt8, _ lower: Int, _ upper: Int) {
            bytes.append(c)
            from.append(Int32(truncatingIfNeeded: lower))
            to.append(Int32(truncatingIfNeeded: upper))
        }
        func emit() {
            let text = t.picking(bytes, from: from, to: to, endingAt: t.start(wordEnd))
            let value: String? = wordUnknown ? nil : String(decoding: bytes, as: UTF8.self)
            words.append(DecodedWord(word: ShellWord(value, span: t.span(wordStart..<wordEnd)), text: text))
            bytes = []
            from = []
            to = []
            wordStart = -1
            wordEnd = -1
            wordUnknown = false
            got = false
        }

        var i = 0
        loop: while i < b.count {
            let c = b[i]
            defer { i += 1 }
            if escaped {
                touch(i)
                add(c, i - 1, i + 1)
                escaped = false
                got = true
                continue
            }
            if c == UInt8(ascii: "\\") {
                touch(i)
                if single { add(c, i, i + 1) } else { escaped = true }
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A {
                if single || double || back || dollar {
                    touch(i)
                    add(c, i, i + 1)
                } else if got {
                    emit()
                } else {
                    // An empty quoted word ('' or "") is a word only once closed, as go-shellwords
                    // has it; a lone backslash-less start is dropped.
                    wordStart = -1
                }
                continue
            }
            switch c {
            case UInt8(ascii: "`"):
                if !single && !double && !dollar { back.toggle() }
            case UInt8(ascii: ")"):
                if !single && !double && !back { dollar.toggle() }
            case UInt8(ascii: "("):
                if !single && !double && !back {
                    if !dollar && bytes.last == UInt8(ascii: "$") {
                        dollar = true
                        touch(i)
                        add(c, i, i + 1)
                        continue
                    }
                    return (words, nil, "an unquoted '(' not after '$'")
                }
            case UInt8(ascii: "\""):
                if !single && !dollar {
                    touch(i)
                    if double { got = true }
                    double.toggle()
                    continue
                }
            case UInt8(ascii: "'"):
                if !double && !dollar {
                    touch(i)
                    if single { got = true }
                    single.toggle()
                    continue
                }
            case UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                if !(single || double || back || dollar) {
                    // `2>file`: the descriptor goes with the redirection.
                    if c == UInt8(ascii: ">"), let first = bytes.first, first >= UInt8(ascii: "0"),
                        first <= UInt8(ascii: "9")
                    {
                        got = false
                    }
                    stop = i
                    break loop
                }
            default:
                break
            }
            touch(i)
            got = true
            add(c, i, i + 1)
        }
        if got { emit() }
        if escaped { return (words, nil, "a '\\' at the end") }
        if single || double { return (words, nil, "an unterminated quote") }
        if back || dollar { return (words, nil, "an unterminated ` or $(") }
        return (words, stop, nil)
    }
}
