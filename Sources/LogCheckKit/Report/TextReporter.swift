import LogCheckSyntax

/// The human format, in the style of rustc and ruff:
///
///     error[LC102]: message
///      --> file:line:col
///       |
///     3 |   "pm2": true,
///       |   ^^^^^^^^^^^
///       |
///      ::: other-file:line:col
///     …
///       = help: …
public struct TextReporter: Reporter {
    public var color: Bool
    public var quiet: Bool
    public var showFixHints: Bool

    public init(color: Bool, quiet: Bool = false, showFixHints: Bool = true) {
        self.color = color
        self.quiet = quiet
        self.showFixHints = showFixHints
    }

    enum Style: String {
        case bold = "1"
        case red = "1;31"
        case yellow = "1;33"
        case cyan = "1;36"
        case blue = "1;34"
        case green = "1;32"
    }

    func severityStyle(_ s: Severity) -> Style {
        switch s {
        case .error: return .red
        case .warning: return .yellow
        case .info: return .cyan
        }
    }

    public func render(_ report: Report) -> String {
        let sink = StringSink()
        write(report, to: sink)
        return sink.text
    }

    /// Findings rendered as one piece of text.
    static let piece = 16
    /// Findings rendered at a time (in pieces, on every core) before they are written.
    static let window = 1024

    /// Writes the findings a window at a time: the pieces of a window are rendered in parallel,
    /// then written in order, so the text held at once stays small.
    public func write(_ report: Report, to sink: TextSink) {
        let all = report.diagnostics
        var start = 0
        while start < all.count {
            let end = min(start + TextReporter.window, all.count)
            let pieces = stride(from: start, to: end, by: TextReporter.piece).map {
                $0..<min($0 + TextReporter.piece, end)
            }
            for text in Parallel.map(
                pieces,
                { range -> String in
                    var out = TextBytes(capacity: range.count * TextReporter.typicalFindingBytes)
                    for d in all[range] {
                        render(d, into: &out)
                        out.add(0x0A)
                    }
                    return out.text
                })
            {
                sink.write(text)
            }
            start = end
        }
        sink.write(quiet ? "" : summary(report))
    }

    public func summary(_ report: Report) -> String {
        let e = report.count(.error)
        let w = report.count(.warning)
        let i = report.count(.info)
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let files = plural(report.fileCount, "file")
        let fixed = report.fixedCount > 0 ? "Fixed \(plural(report.fixedCount, "problem")). " : ""
        let baselined = report.baselineCount > 0 ? " \(report.baselineCount) more recorded in the baseline." : ""
        if report.diagnostics.isEmpty {
            return fixed + (report.fixedCount > 0 ? "No problems left in \(files)." : "No problems found in \(files).")
                + baselined + "\n"
        }
        var line = fixed + "Found \(plural(e, "error")), \(plural(w, "warning")) and \(plural(i, "info")) in \(files)."
        let safe = report.diagnostics.filter { $0.fixes.contains { $0.applicability == .safe } }.count
        let unsafe = report.diagnostics.filter { d in
            !d.fixes.contains { $0.applicability == .safe } && d.fixes.contains { $0.applicability == .unsafe }
        }.count
        if safe > 0 { line += " \(safe) fixable with --fix." }
        if unsafe > 0 { line += " \(unsafe) more with --unsafe-fixes." }
        return line + baselined + "\n"
    }

    /// About what one finding takes as text (a few lines of message, excerpt and notes).
    static let typicalFindingBytes = 768

    public func renderDiagnostic(_ d: Diagnostic) -> String {
        var out = TextBytes(capacity: TextReporter.typicalFindingBytes)
        render(d, into: &out)
        return out.text
    }

    /// Starts `style` in `out` when the output has colour.
    func begin(_ style: Style, _ out: inout TextBytes) {
        guard color else { return }
        out.add("\u{1B}[")
        out.add(style.rawValue)
        out.add("m")
    }

    /// Ends a style `begin` started.
    func end(_ out: inout TextBytes) {
        if color { out.add("\u{1B}[0m") }
    }

    func paint(_ s: String, _ style: Style, into out: inout TextBytes) {
        begin(style, &out)
        out.add(s)
        end(&out)
    }

    /// Appends finding `d` as text to `out`: bytes appended to one buffer, which costs a
    /// fraction of building each line from `String`s.
    func render(_ d: Diagnostic, into out: inout TextBytes) {
        begin(severityStyle(d.severity), &out)
        out.add(d.severity.label)
        out.add("[")
        out.add(d.rule.id)
        out.add("]")
        end(&out)
        begin(.bold, &out)
        out.add(": ")
        out.add(d.message)
        end(&out)
        out.add(0x0A)
        var locations: [(Location, String?, Bool)] = [(d.location, nil, true)]
        for r in d.related { locations.append((r.location, r.message, false)) }
        let gutter = locations.map { TextBytes.digits($0.0.start.line) }.max() ?? 1
        for (index, (loc, label, primary)) in locations.enumerated() {
            let start = loc.start
            out.add(0x20, repeated: gutter)
            paint(index == 0 ? "-->" : ":::", .blue, into: &out)
            out.add(" ")
            out.add(loc.file.path)
            out.add(":")
            out.add(decimal: start.line)
            out.add(":")
            out.add(decimal: start.column)
            out.add(0x0A)
            excerpt(loc, label: label, primary: primary, gutter: gutter, severity: d.severity, into: &out)
        }
        if let env = d.environment {
            trailer("note", .bold, gutter, into: &out)
            out.add(": only with `pm2 start --env ")
            out.add(env)
            out.add("`\n")
        }
        for note in d.notes {
            trailer("note", .bold, gutter, into: &out)
            out.add(": ")
            addIndentingContinuation(note, gutter + 9, into: &out)
            out.add(0x0A)
        }
        if let help = d.help {
            trailer("help", .bold, gutter, into: &out)
            out.add(": ")
            addIndentingContinuation(help, gutter + 9, into: &out)
            out.add(0x0A)
        }
        if showFixHints {
            for fix in d.fixes {
                trailer("fix", .green, gutter, into: &out)
                out.add(" (")
                out.add(fix.applicability.describedForText)
                out.add("): ")
                out.add(fix.title)
                out.add(0x0A)
            }
        }
    }

    /// The start of a ` = note` line.
    private func trailer(_ word: String, _ style: Style, _ gutter: Int, into out: inout TextBytes) {
        out.add(0x20, repeated: gutter)
        paint(" = ", .blue, into: &out)
        paint(word, style, into: &out)
    }

    /// `text` with each line after the first indented by `width` spaces.
    private func addIndentingContinuation(_ text: String, _ width: Int, into out: inout TextBytes) {
        guard text.containsBytes("\n") else { return out.add(text) }
        out.add(indentContinuation(text, width))
    }

    func indentContinuation(_ text: String, _ width: Int) -> String {
        guard text.containsBytes("\n") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).joined(
            separator: "\n" + String(repeating: " ", count: width))
    }

    /// Appends the source line with carets (primary) or dashes (related) under the span.
    func excerpt(
        _ loc: Location, label: String?, primary: Bool, gutter: Int, severity: Severity, into out: inout TextBytes
    ) {
        let file = loc.file
        out.add(0x20, repeated: gutter)
        paint(" |", .blue, into: &out)
        out.add(0x0A)
        let lineIndex = file.lineIndex(of: loc.span.start)
        let lineSpan = file.lineSpan(lineIndex)
        let (rendered, startColumn, width) = renderLine(file, lineSpan, loc.span)
        out.add(0x20, repeated: gutter - TextBytes.digits(lineIndex + 1))
        begin(.blue, &out)
        out.add(decimal: lineIndex + 1)
        out.add(" |")
        end(&out)
        if !rendered.isEmpty {
            out.add(" ")
            out.add(rendered)
        }
        out.add(0x0A)
        out.add(0x20, repeated: gutter)
        paint(" |", .blue, into: &out)
        out.add(" ")
        out.add(0x20, repeated: startColumn)
        let style = primary ? severityStyle(severity) : .blue
        begin(style, &out)
        out.add(primary ? UInt8(ascii: "^") : UInt8(ascii: "-"), repeated: max(1, width))
        end(&out)
        if let label {
            out.add(" ")
            paint(label, style, into: &out)
        }
        out.add(0x0A)
    }

    /// The line with tabs expanded, the display column of the span start, and the width of the
    /// span on this line (at least 1).
    func renderLine(_ file: SourceFile, _ line: Span, _ span: Span) -> (String, Int, Int) {
        var line = line
        var prefix = ""
        var suffix = ""
        // A very long line (minified JSON, a generated file) is shown as a window around the span.
        if line.end - line.start > TextReporter.maxLineBytes {
            let from = max(line.start, min(span.start, line.end) - TextReporter.contextBytes)
            let to = min(line.end, max(from, min(span.end, line.end)) + TextReporter.contextBytes)
            let start = file.scalarBoundary(atOrBefore: from)
            let end = file.scalarBoundary(atOrBefore: to)
            if start > line.start { prefix = "…" }
            if end < line.end { suffix = "…" }
            line = Span(start, end)
        }
        let (rendered, startColumn, width) = renderWindow(file, line, span)
        return (prefix + rendered + suffix, startColumn + prefix.count, width)
    }

    /// Lines longer than this many bytes are shown as a window around the span.
    static let maxLineBytes = 240
    static let contextBytes = 80

    func renderWindow(_ file: SourceFile, _ line: Span, _ span: Span) -> (String, Int, Int) {
        let text = file.text(line)
        let startOffset = max(line.start, min(span.start, line.end))
        let endOffset = max(startOffset, min(span.end, line.end))
        // Most lines are ASCII without tabs: a column is a byte.
        let plain = file.bytes.withUnsafeBufferPointer { b in
            !b[line.start..<line.end].contains { $0 >= 0x80 || $0 == UInt8(ascii: "\t") }
        }
        if plain {
            return (text, startOffset - line.start, max(1, endOffset - startOffset))
        }
        var rendered = ""
        var column = 0
        var startColumn = 0
        var endColumn = 0
        var offset = line.start
        for scalar in text.unicodeScalars {
            if offset == startOffset { startColumn = column }
            if offset == endOffset { endColumn = column }
            if scalar == "\t" {
                rendered += "    "
                column += 4
            } else {
                rendered.unicodeScalars.append(scalar)
                column += 1
            }
            offset += UTF8.width(scalar)
        }
        if offset <= startOffset { startColumn = column }
        if offset <= endOffset { endColumn = column }
        return (rendered, startColumn, max(1, endColumn - startColumn))
    }
}

/// Text built as UTF-8 bytes: appending to a byte array is a copy, where appending to a `String`
/// also updates its counts and flags each time.
struct TextBytes {
    private var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// The text (every piece appended was a valid `String`, so this does not repair anything).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ byte: UInt8) { bytes.append(byte) }

    mutating func add(_ byte: UInt8, repeated count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(byte, count: count)) }
    }

    /// The decimal digits of `n` (at least 0).
    mutating func add(decimal n: Int) {
        var n = max(0, n)
        let first = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        } while n > 0
        bytes[first...].reverse()
    }

    /// How many decimal digits `n` has (at least 0).
    static func digits(_ n: Int) -> Int {
        var n = max(0, n)
        var count = 1
        while n >= 10 {
            n /= 10
            count += 1
        }
        return count
    }
}
