import LogCheckSyntax

/// Inline suppressions in files that have comments (YAML, JavaScript, PM2's `.json`):
///
///     # logcheck-disable-next-line LC301 -- the template is renamed at deploy time
///     // logcheck-disable-next-line instance-var-mismatch, LC103
///     # logcheck-disable-file LC236
///
/// Rules are named by id or slug; without rules, every rule. Text after `--` is the reason.
public struct Suppression: Sendable {
    public enum Scope: Sendable, Equatable {
        /// The line after the comment (0-based line index).
        case line(Int)
        case file
    }

    public var scope: Scope
    /// Rule selectors as written (empty: every rule).
    public var rules: [(text: String, span: Span)]
    public var comment: Span
    public var source: SourceFile
}

public enum Suppressions {
    static let nextLine = "logcheck-disable-next-line"
    static let file = "logcheck-disable-file"

    /// The suppressions written in a document's comments.
    public static func find(in doc: Document) -> [Suppression] {
        let source = doc.source
        // Most files have no suppression: one fast search of the bytes instead of every comment.
        var directive = "logcheck-disable"
        guard source.bytes.withUnsafeBufferPointer({ b in directive.withUTF8 { b.containsBytes($0) } }) else {
            return []
        }
        var comments: [Span] = []
        switch doc.format {
        case .javascript:
            comments = doc.module?.comments.map(\.span) ?? []
        case .json:
            if !doc.strictJSON { comments = doc.module?.comments.map(\.span) ?? [] }
        case .yaml, .shell:
            comments = yamlComments(source)
        }
        var result: [Suppression] = []
        for span in comments {
            guard let parsed = parse(comment: span, in: source) else { continue }
            let line = source.lineIndex(of: span.start)
            result.append(
                Suppression(
                    scope: parsed.isFile ? .file : .line(line + 1),
                    rules: parsed.rules, comment: span, source: source))
        }
        return result
    }

    /// Reads one comment: the directive, then rule names separated by commas or blanks, up to
    /// `--` (the reason) or the end of a block comment.
    static func parse(comment span: Span, in source: SourceFile) -> (isFile: Bool, rules: [(text: String, span: Span)])?
    {
        let bytes = source.bytes
        let text = source.text(span)
        guard text.containsBytes("logcheck-disable") else { return nil }
        let isFile: Bool
        let directive: Range<String.Index>
        if let r = text.firstRange(of: nextLine) {
            isFile = false
            directive = r
        } else if let r = text.firstRange(of: file) {
            isFile = true
            directive = r
        } else {
            return nil
        }
        var i = span.start + text.utf8.distance(from: text.startIndex, to: directive.upperBound)
        // The directive must end at a word boundary: "logcheck-disable-filex" is not a directive.
        if i < span.end, !isSeparator(bytes[i]) { return nil }
        var rules: [(text: String, span: Span)] = []
        while i < span.end {
            let c = bytes[i]
            if isSeparator(c) {
                i += 1
                continue
            }
            if c == UInt8(ascii: "-") && i + 1 < span.end && bytes[i + 1] == UInt8(ascii: "-") { break }
            if c == UInt8(ascii: "*") && i + 1 < span.end && bytes[i + 1] == UInt8(ascii: "/") { break }
            let start = i
            while i < span.end && !isSeparator(bytes[i]) { i += 1 }
            var end = i
            if end - start >= 2 && bytes[end - 2] == UInt8(ascii: "*") && bytes[end - 1] == UInt8(ascii: "/") {
                end -= 2
            }
            if end > start { rules.append((source.text(Span(start, end)), Span(start, end))) }
        }
        return (isFile, rules)
    }

    private static func isSeparator(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == UInt8(ascii: ",") || c == 0x0A || c == 0x0D
    }

    /// `#` comments in YAML: a `#` at the start of a line or after whitespace, outside quotes.
    static func yamlComments(_ source: SourceFile) -> [Span] {
        var spans: [Span] = []
        let b = source.bytes
        source.forEachLineSpan { _, line in
            var i = line.start
            var quote: UInt8? = nil
            while i < line.end {
                let c = b[i]
                if let q = quote {
                    if c == q { quote = nil } else if c == UInt8(ascii: "\\") && q == UInt8(ascii: "\"") { i += 1 }
                } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                    if i == line.start || " \t:[{,-".utf8.contains(b[i - 1]) { quote = c }
                } else if c == UInt8(ascii: "#") && (i == line.start || b[i - 1] == 0x20 || b[i - 1] == 0x09) {
                    spans.append(Span(i, line.end))
                    return
                }
                i += 1
            }
        }
        return spans
    }

    /// Removes suppressed findings and reports suppressions that name unknown rules or suppress
    /// nothing. A finding that spans files (a config and the ecosystem file that runs it) can be
    /// suppressed at any of its locations, since strict JSON has no comments.
    public static func apply(_ diagnostics: [Diagnostic], documents: [Document]) -> [Diagnostic] {
        var byFile: [ObjectIdentifier: [Suppression]] = [:]
        for doc in documents {
            let found = find(in: doc)
            if !found.isEmpty { byFile[ObjectIdentifier(doc.source)] = found }
        }
        guard !byFile.isEmpty else { return diagnostics }
        /// Per file, per suppression: the indexes of its rules that matched (-1: a rule-less one).
        var used: [ObjectIdentifier: [Int: Set<Int>]] = [:]
        var kept: [Diagnostic] = []
        for d in diagnostics {
            var suppressed = false
            for location in [d.location] + d.related.map(\.location) {
                let key = ObjectIdentifier(location.file)
                guard let list = byFile[key] else { continue }
                let line = location.file.lineIndex(of: location.span.start)
                for (k, s) in list.enumerated() where s.scope == .file || s.scope == .line(line) {
                    if s.rules.isEmpty {
                        used[key, default: [:]][k, default: []].insert(-1)
                        suppressed = true
                    } else if let r = s.rules.firstIndex(where: { Settings.matches($0.text, d.rule) }) {
                        used[key, default: [:]][k, default: []].insert(r)
                        suppressed = true
                    }
                }
            }
            if !suppressed { kept.append(d) }
        }
        for (key, list) in byFile {
            for (k, s) in list.enumerated() {
                let matched = used[key]?[k] ?? []
                let place = s.scope == .file ? "this file" : "the next line"
                if s.rules.isEmpty {
                    if matched.isEmpty {
                        kept.append(LC403UnusedSuppression.unusedComment(s.comment, in: s.source, rules: [], on: place))
                    }
                    continue
                }
                var unusedRules: [(text: String, span: Span)] = []
                for (r, rule) in s.rules.enumerated() {
                    if !RuleRegistry.all.contains(where: { Settings.matches(rule.text, $0) }) {
                        kept.append(LC404UnknownSuppression.finding(rule.text, at: Location(s.source, rule.span)))
                    } else if !matched.contains(r) {
                        unusedRules.append(rule)
                    }
                }
                if matched.isEmpty && unusedRules.count == s.rules.count {
                    kept.append(
                        LC403UnusedSuppression.unusedComment(
                            s.comment, in: s.source, rules: unusedRules.map(\.text), on: place))
                } else {
                    for rule in unusedRules {
                        kept.append(
                            LC403UnusedSuppression.unusedRule(rule.text, on: place, at: Location(s.source, rule.span)))
                    }
                }
            }
        }
        return kept
    }
}
