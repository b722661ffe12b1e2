import LogCheckSyntax

/// Findings recorded with `--write-baseline FILE` and hidden by `--baseline FILE`, so that a
/// project can adopt logcheck and fail only on new findings.
///
/// A finding is recorded by what does not move when lines are added above it: the rule, the
/// file's path relative to the baseline file, the key path in the document (`apps[0].instances`)
/// and the finding's value (the text of the key or scalar it points at, blanks collapsed). The
/// baseline is a multiset: two identical findings need two entries.
public struct Baseline: Sendable {
    public struct Entry: Hashable, Sendable {
        public var rule: String
        public var file: String
        public var keyPath: String
        public var value: String
    }

    public var entries: [Entry: Int] = [:]

    public init() {}

    public var count: Int { entries.values.reduce(0, +) }

    /// The longest value kept; a longer one is cut (a finding on a whole file has no value).
    static let maxValueLength = 200

    /// Fingerprints findings: what each file needs (its trees, its path relative to the
    /// baseline's directory) is worked out once per file, not once per finding.
    struct Fingerprinter {
        let documents: [ObjectIdentifier: [Document]]
        let directory: String
        let cwd: String
        private var files: [ObjectIdentifier: (roots: [Node], path: String)] = [:]

        init(documents: [Document], directory: String, cwd: String) {
            self.documents = Dictionary(grouping: documents) { ObjectIdentifier($0.source) }
            self.directory = directory
            self.cwd = cwd
        }

        /// The fingerprint of a finding, with its path relative to `directory`.
        mutating func entry(for d: Diagnostic) -> Entry {
            let file =
                files[ObjectIdentifier(d.file)]
                ?? {
                    let docs = documents[ObjectIdentifier(d.file)] ?? []
                    let roots =
                        docs.compactMap(\.root)
                        + docs.flatMap { $0.module?.configureCalls.compactMap(\.argument) ?? [] }
                    let info = (roots, Path.relative(d.file.path, to: directory, cwd: cwd))
                    files[ObjectIdentifier(d.file)] = info
                    return info
                }()
            let (path, node) = KeyPath.locate(d.location.span, in: file.roots)
            var value = ""
            if let node, node.kind != .mapping && node.kind != .sequence {
                value = collapse(node.sourceText)
            } else if node == nil {
                value = collapse(d.file.text(d.location.span))
            }
            if value.unicodeScalars.count > maxValueLength {
                value = String(String.UnicodeScalarView(value.unicodeScalars.prefix(maxValueLength)))
            }
            return Entry(rule: d.rule.id, file: file.path, keyPath: path, value: value)
        }
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    public mutating func add(_ entry: Entry) { entries[entry, default: 0] += 1 }

    /// Removes the findings the baseline records (each entry hides as many findings as it was
    /// recorded times); returns the rest and how many were hidden.
    public func filter(_ diagnostics: [Diagnostic], documents: [Document], directory: String, cwd: String) -> (
        kept: [Diagnostic], hidden: Int
    ) {
        var remaining = entries
        var kept: [Diagnostic] = []
        var hidden = 0
        var fingerprints = Fingerprinter(documents: documents, directory: directory, cwd: cwd)
        for d in diagnostics {
            let e = fingerprints.entry(for: d)
            if let n = remaining[e], n > 0 {
                remaining[e] = n - 1
                hidden += 1
            } else {
                kept.append(d)
            }
        }
        return (kept, hidden)
    }

    // MARK: The file

    /// The baseline file: JSON, one finding per line, sorted, with the message for the reader
    /// (the message is not compared).
    public static func render(_ diagnostics: [Diagnostic], documents: [Document], directory: String, cwd: String)
        -> String
    {
        var fingerprints = Fingerprinter(documents: documents, directory: directory, cwd: cwd)
        var rows: [(Entry, String)] = diagnostics.map { (fingerprints.entry(for: $0), $0.message) }
        rows.sort { a, b in
            (a.0.file, a.0.keyPath, a.0.rule, a.0.value, a.1) < (b.0.file, b.0.keyPath, b.0.rule, b.0.value, b.1)
        }
        var out = "{\n  \"version\": 1,\n  \"findings\": ["
        for (k, (e, message)) in rows.enumerated() {
            let object = JSONValue.object([
                ("rule", .string(e.rule)), ("file", .string(e.file)), ("keyPath", .string(e.keyPath)),
                ("value", .string(e.value)), ("message", .string(message)),
            ])
            out += (k == 0 ? "\n    " : ",\n    ") + object.serialized(pretty: false)
        }
        out += rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// Reads a baseline file; the error says what is wrong and where.
    public static func parse(_ source: SourceFile) -> Result<Baseline, BaselineError> {
        let read = JSONReader.read(source)
        if let first = read.diagnostics.first(where: { $0.severity == .error }) {
            let at = source.lineColumn(of: first.span.start)
            return .failure(
                BaselineError(
                    message: "\(source.path):\(at.line):\(at.column): not a logcheck baseline: \(first.message)"))
        }
        func fail(_ node: Node?, _ message: String) -> Result<Baseline, BaselineError> {
            let at = source.lineColumn(of: node?.span.start ?? 0)
            return .failure(
                BaselineError(message: "\(source.path):\(at.line):\(at.column): not a logcheck baseline: \(message)"))
        }
        guard let root = read.root, root.isMapping else { return fail(read.root, "expected an object") }
        guard let version = root["version"], version.integer == 1 else {
            return fail(root["version"] ?? root, "expected \"version\": 1 (written by `logcheck --write-baseline`)")
        }
        guard let findings = root["findings"], findings.isSequence else {
            return fail(root, "expected a \"findings\" list")
        }
        var baseline = Baseline()
        for item in findings.elements {
            guard item.isMapping, let rule = item["rule"]?.string, let file = item["file"]?.string else {
                return fail(item, "each finding needs \"rule\" and \"file\" strings")
            }
            baseline.add(
                Entry(
                    rule: rule, file: file, keyPath: item["keyPath"]?.string ?? "", value: item["value"]?.string ?? ""))
        }
        return .success(baseline)
    }
}

public struct BaselineError: Error, Sendable {
    public var message: String
}
