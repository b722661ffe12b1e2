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

    func paint(_ s: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(s)\u{1B}[0m" : s
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
            let pieces = stride(from: start, to: end, by: TextReporter.piece).map { $0..<min($0 + TextReporter.piece, end) }
            for text in Parallel.map(pieces, { range -> String in
                var out = ""
                for d in all[range] {
                    out += renderDiagnostic(d)
                    out += "\n"
                }
                return out
            }) {
                sink.write(text)
            }
            start = end
        }
        sink.write(quiet ? "" : summary(report))
    }

    public func summary(_ report: Report) -> String {
        let e = report.count(.error), w = report.count(.warning), i = report.count(.info)
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let files = plural(report.fileCount, "file")
        let fixed = report.fixedCount > 0 ? "Fixed \(plural(report.fixedCount, "problem")). " : ""
        let baselined = report.baselineCount > 0 ? " \(report.baselineCount) more recorded in the baseline." : ""
        if report.diagnostics.isEmpty {
            return fixed + (report.fixedCount > 0 ? "No problems left in \(files)." : "No problems found in \(files).") + baselined + "\n"
        }
        var line = fixed + "Found \(plural(e, "error")), \(plural(w, "warning")) and \(plural(i, "info")) in \(files)."
        let safe = report.diagnostics.filter { $0.fixes.contains { $0.applicability == .safe } }.count
        let unsafe = report.diagnostics.filter { d in !d.fixes.contains { $0.applicability == .safe } && d.fixes.contains { $0.applicability == .unsafe } }.count
        if safe > 0 { line += " \(safe) fixable with --fix." }
        if unsafe > 0 { line += " \(unsafe) more with --unsafe-fixes." }
        return line + baselined + "\n"
    }

    public func renderDiagnostic(_ d: Diagnostic) -> String {
        var out = ""
        let head = paint("\(d.severity.label)[\(d.rule.id)]", severityStyle(d.severity))
        out += head + paint(": \(d.message)", .bold) + "\n"
        var locations: [(Location, String?, Bool)] = [(d.location, nil, true)]
        for r in d.related { locations.append((r.location, r.message, false)) }
        let gutter = locations.map { String($0.0.start.line).count }.max() ?? 1
        let pad = String(repeating: " ", count: gutter)
        for (index, (loc, label, primary)) in locations.enumerated() {
            let start = loc.start
            let arrow = index == 0 ? "-->" : ":::"
            out += pad + paint(arrow, .blue) + " \(loc.file.path):\(start.line):\(start.column)\n"
            out += excerpt(loc, label: label, primary: primary, gutter: gutter, severity: d.severity)
        }
        if let env = d.environment {
            out += pad + paint(" = ", .blue) + paint("note", .bold) + ": only with `pm2 start --env \(env)`\n"
        }
        for note in d.notes {
            out += pad + paint(" = ", .blue) + paint("note", .bold) + ": " + indentContinuation(note, gutter + 9) + "\n"
        }
        if let help = d.help {
            out += pad + paint(" = ", .blue) + paint("help", .bold) + ": " + indentContinuation(help, gutter + 9) + "\n"
        }
        if showFixHints {
            for fix in d.fixes {
                out += pad + paint(" = ", .blue) + paint("fix", .green) + " (\(fix.applicability.describedForText)): \(fix.title)\n"
            }
        }
        return out
    }

    func indentContinuation(_ text: String, _ width: Int) -> String {
        guard text.containsBytes("\n") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + String(repeating: " ", count: width))
    }

    /// The source line with carets (primary) or dashes (related) under the span.
    func excerpt(_ loc: Location, label: String?, primary: Bool, gutter: Int, severity: Severity) -> String {
        let file = loc.file
        let pad = String(repeating: " ", count: gutter)
        var out = pad + paint(" |", .blue) + "\n"
        let lineIndex = file.lineIndex(of: loc.span.start)
        let lineSpan = file.lineSpan(lineIndex)
        let number = String(lineIndex + 1)
        let (rendered, startColumn, width) = renderLine(file, lineSpan, loc.span)
        out += String(repeating: " ", count: gutter - number.count) + paint(number + " |", .blue)
        out += rendered.isEmpty ? "\n" : " " + rendered + "\n"
        let marker = String(repeating: primary ? "^" : "-", count: max(1, width))
        var underline = pad + paint(" |", .blue) + " " + String(repeating: " ", count: startColumn)
        underline += paint(marker, primary ? severityStyle(severity) : .blue)
        if let label { underline += " " + paint(label, primary ? severityStyle(severity) : .blue) }
        out += underline + "\n"
        return out
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
