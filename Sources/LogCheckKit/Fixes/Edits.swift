import LogCheckSyntax

/// Builders for fix edits on the original bytes, written in the file's own syntax and style:
/// JSON stays strict JSON, YAML keeps its block indentation or flow style, JavaScript keeps its
/// quote character, bare or quoted keys, and trailing-comma habit. Nothing outside the edited
/// range changes, so comments, blank lines, key order and line endings are kept.
public enum Edits {
    // MARK: literals

    /// A scalar written for `dialect`, quoted like `like` when that is a string scalar.
    public static func literal(_ value: ScalarValue, in tree: SyntaxTree, like: Node? = nil) -> String {
        switch value {
        case .number(let d): return d.javaScriptText
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .undefined: return tree.dialect == .javascript ? "undefined" : "null"
        case .string(let s): return string(s, in: tree, style: like?.scalarType == .string ? like?.scalarStyle : nil)
        }
    }

    static func string(_ s: String, in tree: SyntaxTree, style: ScalarStyle?) -> String {
        switch tree.dialect {
        case .json, .commandLine:
            return JSONValue.quoted(s)
        case .yaml:
            switch style {
            case .singleQuoted?: return "'" + s.replacing("'", with: "''") + "'"
            case .doubleQuoted?: return JSONValue.quoted(s)
            default: return yamlPlainSafe(s) ? s : JSONValue.quoted(s)
            }
        case .javascript:
            let quote: Character = style == .doubleQuoted ? "\"" : style == .singleQuoted ? "'" : preferredQuote(tree)
            var out = String(quote)
            for c in s {
                switch c {
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if c == quote { out += "\\" }
                    out.append(c)
                }
            }
            out.append(quote)
            return out
        }
    }

    /// The quote character most string literals of a JavaScript file use.
    static func preferredQuote(_ tree: SyntaxTree) -> Character {
        let counts = tree.quoteCounts
        return counts.double > counts.single ? "\"" : "'"
    }

    /// Whether a string can be written as a YAML plain scalar and still read back as itself.
    static func yamlPlainSafe(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last else { return false }
        if " \t".contains(last) || " \t".contains(first) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if s.containsBytes(": ") || s.containsBytes(" #") || s.hasSuffix(":") || s.contains("\n") { return false }
        // YAML 1.1 readers (PyYAML, older tools) take these as booleans: quote them too.
        if ["y", "n", "yes", "no", "on", "off"].contains(s.lowercased()) { return false }
        var t = s
        let type = t.withUTF8 { YAMLScalarResolver.resolve($0).type }
        return type == .string
    }

    /// A key written for the mapping's syntax: bare JavaScript keys when the mapping uses them.
    static func key(_ name: String, in mapping: Node) -> String {
        let tree = mapping.tree
        switch tree.dialect {
        case .json, .commandLine: return JSONValue.quoted(name)
        case .yaml:
            let firstStyle = mapping.entries.first?.keyNode.scalarStyle
            if firstStyle == .doubleQuoted || firstStyle == .singleQuoted || !yamlPlainSafe(name) {
                return string(name, in: tree, style: firstStyle == .singleQuoted ? .singleQuoted : .doubleQuoted)
            }
            return name
        case .javascript:
            let identifier =
                name.first.map { $0.isLetter || $0 == "_" || $0 == "$" } == true
                && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
            let firstStyle = mapping.entries.first?.keyNode.scalarStyle
            if identifier && (firstStyle == nil || firstStyle == .plain) { return name }
            return string(name, in: tree, style: firstStyle == .plain ? nil : firstStyle)
        }
    }

    // MARK: edits

    public static func replaceValue(_ node: Node, with value: ScalarValue) -> TextEdit {
        TextEdit(node.source, node.span, literal(value, in: node.tree, like: node))
    }

    public static func renameKey(_ entry: Entry, to name: String) -> TextEdit {
        let keyNode = entry.keyNode
        let tree = entry.tree
        let text: String
        switch tree.dialect {
        case .json, .commandLine: text = JSONValue.quoted(name)
        case .yaml:
            let style = keyNode.scalarStyle
            text =
                style == .plain && yamlPlainSafe(name)
                ? name : string(name, in: tree, style: style == .plain ? .doubleQuoted : style)
        case .javascript:
            let style = keyNode.scalarStyle
            let identifier =
                name.first.map { $0.isLetter || $0 == "_" || $0 == "$" } == true
                && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
            text = style == .plain && identifier ? name : string(name, in: tree, style: style == .plain ? nil : style)
        }
        return TextEdit(entry.tree.source, keyNode.span, text)
    }

    /// Removes element `index` of a sequence with its separator.
    public static func removeElement(_ index: Int, of sequence: Node) -> [TextEdit] {
        let file = sequence.source
        let elements = sequence.elements
        let element = elements[index]
        if sequence.collectionStyle == .block {
            // `- item` on its own line(s).
            let start = file.lineStart(containing: element.span.start)
            return [TextEdit(file, Span(start, lineEnd(file, element.span.end, includingBreak: true)), "")]
        }
        if index + 1 < elements.count {
            return [TextEdit(file, Span(element.span.start, elements[index + 1].span.start), "")]
        }
        if index > 0 {
            return [TextEdit(file, Span(elements[index - 1].span.end, element.span.end), "")]
        }
        return [TextEdit(file, element.span, "")]
    }

    /// Removes an entry of a mapping with its separator (and its own line when it has one).
    public static func removeEntry(_ index: Int, of mapping: Node) -> [TextEdit] {
        let file = mapping.source
        let entries = mapping.entries
        let entry = entries[index]
        if mapping.collectionStyle == .block && mapping.dialect == .yaml {
            let lineStart = file.lineStart(containing: entry.span.start)
            let before = file.text(Span(lineStart, entry.span.start))
            if before.allSatisfy({ $0 == " " }) {
                return [TextEdit(file, Span(lineStart, lineEnd(file, entry.span.end, includingBreak: true)), "")]
            }
            // The first key after `- `: the next key moves up.
            if index + 1 < entries.count {
                return [TextEdit(file, Span(entry.span.start, entries[index + 1].span.start), "")]
            }
            return [TextEdit(file, entry.span, "")]
        }
        if ownsItsLine(file, entry.span) {
            var edits = [
                TextEdit(
                    file,
                    Span(
                        file.lineStart(containing: entry.span.start),
                        lineEnd(file, entry.span.end, includingBreak: true)), "")
            ]
            if index + 1 == entries.count && index > 0 && !hasCommaAfter(file, entry.span.end) {
                // The previous entry's comma would now be a trailing comma.
                if let comma = commaAfter(file, entries[index - 1].span.end) {
                    edits.append(TextEdit(file, Span(comma, comma + 1), ""))
                }
            }
            return edits
        }
        if index + 1 < entries.count {
            return [TextEdit(file, Span(entry.span.start, entries[index + 1].span.start), "")]
        }
        if index > 0 {
            return [TextEdit(file, Span(entries[index - 1].span.end, entry.span.end), "")]
        }
        return [TextEdit(file, entry.span, "")]
    }

    /// Inserts `key: value` as the last entry of a mapping, in the mapping's layout.
    public static func insertEntry(into mapping: Node, key name: String, value: ScalarValue) -> [TextEdit] {
        insertEntries(into: mapping, [(name, literal(value, in: mapping.tree))])
    }

    public static func insertEntry(into mapping: Node, key name: String, rawValue: String) -> [TextEdit] {
        insertEntries(into: mapping, [(name, rawValue)])
    }

    /// Inserts entries (key, value text) after the last entry of a mapping, in the mapping's layout:
    /// YAML block indentation, or braces on one line or several, with or without a trailing comma.
    public static func insertEntries(into mapping: Node, _ pairs: [(key: String, value: String)]) -> [TextEdit] {
        let file = mapping.source
        let tree = mapping.tree
        let newline = file.lineEnding.rawValue
        let texts = pairs.map { key($0.key, in: mapping) + ": " + $0.value }
        let entries = mapping.entries
        if tree.dialect == .yaml && mapping.collectionStyle == .block, let first = entries.first,
            let last = entries.last
        {
            let column = file.scalarCount(file.lineStart(containing: first.span.start), first.span.start)
            let indent = String(repeating: " ", count: column)
            let at = lineEnd(file, last.span.end, includingBreak: false)
            return [TextEdit(file, Span.at(at), texts.map { newline + indent + $0 }.joined())]
        }
        // Braces: JSON, JavaScript, YAML flow.
        let span = mapping.span
        guard let last = entries.last else {
            return [TextEdit(file, Span(span.start + 1, span.end - 1), " " + texts.joined(separator: ", ") + " ")]
        }
        let multiline = file.lineIndex(of: span.start) != file.lineIndex(of: span.end - 1)
        let trailingComma = commaAfter(file, last.span.end)
        if multiline && ownsItsLine(file, last.span) {
            // New lines go after the last entry's line, so a comment on that line stays with it.
            let indent = file.indentation(ofLineContaining: last.span.start)
            let at = lineEnd(file, trailingComma.map { $0 + 1 } ?? last.span.end, includingBreak: false)
            if trailingComma != nil {
                return [TextEdit(file, Span.at(at), texts.map { newline + indent + $0 + "," }.joined())]
            }
            let lines = texts.enumerated().map { k, t in newline + indent + t + (k + 1 < texts.count ? "," : "") }
                .joined()
            if at == last.span.end { return [TextEdit(file, Span.at(at), "," + lines)] }
            return [TextEdit(file, Span.at(last.span.end), ","), TextEdit(file, Span.at(at), lines)]
        }
        if let comma = trailingComma {
            return [TextEdit(file, Span.at(comma + 1), texts.map { " " + $0 + "," }.joined())]
        }
        return [TextEdit(file, Span.at(last.span.end), texts.map { ", " + $0 }.joined())]
    }

    // MARK: helpers

    /// The end of the line containing `offset` (after its line break when asked).
    static func lineEnd(_ file: SourceFile, _ offset: Int, includingBreak: Bool) -> Int {
        let index = file.lineIndex(of: max(0, offset - 1))
        if includingBreak {
            return index + 1 < file.lineCount ? file.lineStart(index + 1) : file.bytes.count
        }
        return file.lineSpan(index).end
    }

    /// Whether only whitespace precedes `span` on its line and only a comma, whitespace or a
    /// comment follows it.
    static func ownsItsLine(_ file: SourceFile, _ span: Span) -> Bool {
        let lineStart = file.lineStart(containing: span.start)
        guard file.text(Span(lineStart, span.start)).allSatisfy({ $0 == " " || $0 == "\t" }) else { return false }
        let endLine = file.lineIndex(of: max(span.start, span.end - 1))
        var rest = Substring(file.text(Span(span.end, file.lineSpan(endLine).end)))
        while let c = rest.first, c == " " || c == "\t" { rest.removeFirst() }
        if rest.hasPrefix(",") { rest.removeFirst() }
        while let c = rest.first, c == " " || c == "\t" { rest.removeFirst() }
        return rest.isEmpty || rest.hasPrefix("//") || rest.hasPrefix("/*") || rest.hasPrefix("#")
    }

    /// The offset of a comma right after `offset` (only whitespace between).
    static func commaAfter(_ file: SourceFile, _ offset: Int) -> Int? {
        var i = offset
        let b = file.bytes
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D) { i += 1 }
        return i < b.count && b[i] == UInt8(ascii: ",") ? i : nil
    }

    static func hasCommaAfter(_ file: SourceFile, _ offset: Int) -> Bool { commaAfter(file, offset) != nil }
}
