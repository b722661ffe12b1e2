import LogCheckSyntax

/// logcheck as a language server (`logcheck lsp`): an editor sends the documents it has open,
/// unsaved text included, and gets logcheck's findings on them as diagnostics and its fixes as
/// quick fixes. Every check goes through the same front door as the command line
/// (`Checker.run`), with the open documents over the disk (`OverlayFiles`), so a finding in the
/// editor is the one `logcheck` gives on the saved files: linked through the project on disk,
/// whichever of its files are open.
///
/// The server is a value that takes one message body and returns the messages to send; the
/// executable only moves bytes (`MessageFramer` splits and frames them).
public final class LanguageServer {
    /// How positions count characters in a line: LSP's default is UTF-16 code units; a client
    /// that offers `utf-8` gets byte offsets.
    enum Encoding: String {
        case utf8 = "utf-8"
        case utf16 = "utf-16"
    }

    private let disk: FileProvider
    private var encoding = Encoding.utf16
    private var initialized = false
    private var shuttingDown = false
    /// Open documents: text by path, and the URI the client named each by.
    private var buffers: [String: [UInt8]] = [:]
    private var uris: [String: String] = [:]
    /// The findings last published, by path, for code actions.
    private var published: [String: [Diagnostic]] = [:]
    /// Set by the `exit` notification: the process's exit code.
    public private(set) var exitCode: Int32?

    public init(files: FileProvider = DiskFiles()) {
        self.disk = files
    }

    // MARK: Messages

    /// Handles one message (a request or a notification) and returns what to send back.
    public func handle(_ body: [UInt8]) -> [JSONValue] {
        let read = JSONReader.read(SourceFile(path: "<message>", bytes: body))
        // A response to a request of the server's: it sends none, so there is nothing to match.
        if let message = read.root, message.isMapping, message["method"] == nil, message["id"] != nil,
            message["result"] != nil || message["error"] != nil
        {
            return []
        }
        guard let message = read.root, message.isMapping, let method = message["method"]?.string else {
            return [Self.error(id: .null, code: -32700, "the message is not a JSON-RPC request or notification")]
        }
        let id = message["id"].map(Self.value)
        let params = message["params"]
        if !initialized && method != "initialize" && method != "exit" {
            return id.map { [Self.error(id: $0, code: -32002, "the server is not initialized")] } ?? []
        }
        switch method {
        case "initialize":
            return [Self.result(id: id ?? .null, initialize(params))]
        case "initialized", "$/setTrace", "$/cancelRequest", "workspace/didChangeConfiguration":
            return []
        case "shutdown":
            shuttingDown = true
            return [Self.result(id: id ?? .null, .null)]
        case "exit":
            exitCode = shuttingDown ? 0 : 1
            return []
        case "textDocument/didOpen":
            guard let doc = params?["textDocument"], let uri = doc["uri"]?.string, let text = doc["text"]?.string,
                let path = Self.path(fromURI: uri)
            else { return [] }
            buffers[path] = Array(text.utf8)
            uris[path] = uri
            return checkOpenDocuments()
        case "textDocument/didChange":
            guard let uri = params?["textDocument"]?["uri"]?.string, let path = Self.path(fromURI: uri),
                buffers[path] != nil, let changes = params?["contentChanges"], changes.isSequence,
                let last = changes.elements.last, let text = last["text"]?.string
            else { return [] }
            // Full synchronisation (`textDocumentSync.change` 1): each change is the whole text.
            buffers[path] = Array(text.utf8)
            return checkOpenDocuments()
        case "textDocument/didSave":
            return checkOpenDocuments()
        case "textDocument/didClose":
            guard let uri = params?["textDocument"]?["uri"]?.string, let path = Self.path(fromURI: uri) else {
                return []
            }
            buffers[path] = nil
            uris[path] = nil
            published[path] = nil
            return [publish(uri: uri, [], in: nil)] + checkOpenDocuments()
        case "textDocument/codeAction":
            return [Self.result(id: id ?? .null, codeActions(params))]
        default:
            // A request the server does not know gets an answer; a notification does not.
            return id.map { [Self.error(id: $0, code: -32601, "logcheck does not handle \(method)")] } ?? []
        }
    }

    private func initialize(_ params: Node?) -> JSONValue {
        initialized = true
        let offered = params?["capabilities"]?["general"]?["positionEncodings"]
        if let offered, offered.isSequence, offered.elements.contains(where: { $0.string == "utf-8" }) {
            encoding = .utf8
        }
        return .object([
            (
                "capabilities",
                .object([
                    ("positionEncoding", .string(encoding.rawValue)),
                    (
                        "textDocumentSync",
                        .object([
                            ("openClose", .bool(true)), ("change", .int(1)),
                            ("save", .object([("includeText", .bool(false))])),
                        ])
                    ),
                    ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
                ])
            ),
            ("serverInfo", .object([("name", .string("logcheck")), ("version", .string(LogCheck.version))])),
        ])
    }

    // MARK: Checking

    /// Checks the open documents and publishes each one's findings. The documents under one
    /// `.logcheck.yml` (the nearest above each, as the command line finds it from its folder)
    /// are checked together, in one run: a finding that spans two open files is found once.
    private func checkOpenDocuments() -> [JSONValue] {
        let paths = buffers.keys.sorted()
        guard !paths.isEmpty else { return [] }
        let files = OverlayFiles(base: disk, overrides: buffers)
        var groups: [String: [String]] = [:]
        for path in paths { groups[SettingsLoader.find(from: Path.dirname(path)) ?? "", default: []].append(path) }
        var byFile: [String: [Diagnostic]] = [:]
        for (settingsPath, members) in groups.sorted(by: { $0.key < $1.key }) {
            var settings = Settings()
            if !settingsPath.isEmpty, case .success(let bytes) = disk.read(settingsPath) {
                settings = SettingsLoader.load(SourceFile(path: settingsPath, bytes: bytes)).settings
            }
            let documents = members.map { path in
                DocumentLoader.load(SourceFile(path: path, bytes: buffers[path]!), input: InputFile(path: path))
            }
            var checker = Checker(settings: settings, files: files)
            checker.explainsLinks = false
            for d in checker.run(documents).diagnostics where d.rule.id != LC011UnrecognisedFile.description.id {
                byFile[Path.normalize(d.file.path), default: []].append(d)
            }
        }
        // Each open document gets its findings (none clears them); a file that is not open gets
        // those found in it through an open one (a log4js config that an open ecosystem file's
        // app loads), as the command line reports them when the open file is named.
        var out: [JSONValue] = []
        var now = Set<String>()
        for path in Set(paths).union(byFile.keys).sorted() {
            let found = byFile[path] ?? []
            if !found.isEmpty { now.insert(path) }
            if buffers[path] != nil { published[path] = found }
            out.append(publish(uri: uri(of: path), found, in: nil))
        }
        for path in elsewhere.subtracting(now).sorted() where buffers[path] == nil {
            out.append(publish(uri: uri(of: path), [], in: nil))
        }
        elsewhere = now.filter { buffers[$0] == nil }
        return out
    }

    /// The files that are not open whose findings were published last.
    private var elsewhere = Set<String>()

    private func publish(uri: String, _ diagnostics: [Diagnostic], in file: SourceFile?) -> JSONValue {
        .object([
            ("jsonrpc", .string("2.0")), ("method", .string("textDocument/publishDiagnostics")),
            (
                "params",
                .object([("uri", .string(uri)), ("diagnostics", .array(diagnostics.map { lspDiagnostic($0) }))])
            ),
        ])
    }

    private func lspDiagnostic(_ d: Diagnostic) -> JSONValue {
        var message = d.message
        if let env = d.environment { message += " (only with pm2 start --env \(env))" }
        if let help = d.help { message += "\nhelp: \(help)" }
        var members: [(String, JSONValue)] = [
            ("range", range(d.location.span, in: d.file)),
            ("severity", .int(d.severity == .error ? 1 : d.severity == .warning ? 2 : 3)),
            ("code", .string(d.rule.id)), ("source", .string("logcheck")), ("message", .string(message)),
        ]
        if !d.related.isEmpty {
            members.append(
                (
                    "relatedInformation",
                    .array(
                        d.related.map { r in
                            .object([
                                (
                                    "location",
                                    .object([
                                        ("uri", .string(uri(of: r.location.file.path))),
                                        ("range", range(r.location.span, in: r.location.file)),
                                    ])
                                ), ("message", .string(r.message)),
                            ])
                        })
                ))
        }
        return .object(members)
    }

    private func codeActions(_ params: Node?) -> JSONValue {
        guard let docURI = params?["textDocument"]?["uri"]?.string, let path = Self.path(fromURI: docURI),
            let bytes = buffers[path], let found = published[path]
        else { return .array([]) }
        let file = SourceFile(path: path, bytes: bytes)
        var asked: Span? = nil
        if let r = params?["range"], let start = offset(r["start"], in: file), let end = offset(r["end"], in: file) {
            asked = Span(min(start, end), max(start, end))
        }
        var actions: [JSONValue] = []
        for d in found where !d.fixes.isEmpty {
            if let asked,
                !(d.location.span.overlaps(asked) || d.location.span.contains(asked)
                    || asked.isEmpty
                        && d.location.span.start <= asked.start && asked.start <= d.location.span.end)
            {
                continue
            }
            for fix in d.fixes where fix.applicability != .displayOnly {
                var changes: [(String, JSONValue)] = []
                var byFile: [String: [TextEdit]] = [:]
                for e in fix.edits { byFile[e.file.path, default: []].append(e) }
                for (p, edits) in byFile.sorted(by: { $0.key < $1.key }) {
                    changes.append(
                        (
                            uri(of: p),
                            .array(
                                edits.map { e in
                                    .object([("range", range(e.span, in: e.file)), ("newText", .string(e.replacement))])
                                })
                        ))
                }
                actions.append(
                    .object([
                        ("title", .string("\(d.rule.id): \(fix.title)")), ("kind", .string("quickfix")),
                        ("diagnostics", .array([lspDiagnostic(d)])),
                        ("isPreferred", .bool(fix.applicability == .safe)),
                        ("edit", .object([("changes", .object(changes))])),
                    ]))
            }
        }
        return .array(actions)
    }

    // MARK: Positions

    /// An LSP range (0-based line, character in the negotiated encoding) for a byte span.
    func range(_ span: Span, in file: SourceFile) -> JSONValue {
        .object([("start", position(span.start, in: file)), ("end", position(span.end, in: file))])
    }

    func position(_ offset: Int, in file: SourceFile) -> JSONValue {
        let o = min(max(offset, 0), file.bytes.count)
        let line = file.lineIndex(of: o)
        let start = file.lineStart(containing: o)
        var character = 0
        if encoding == .utf8 {
            character = o - start
        } else {
            var i = start
            while i < o {
                let b = file.bytes[i]
                if b & 0xC0 != 0x80 { character += b >= 0xF0 ? 2 : 1 }
                i += 1
            }
        }
        return .object([("line", .int(line)), ("character", .int(character))])
    }

    /// The byte offset of an LSP position, clamped to its line.
    func offset(_ position: Node?, in file: SourceFile) -> Int? {
        guard let line = position?["line"]?.number, let character = position?["character"]?.number, line >= 0,
            character >= 0
        else { return nil }
        guard Int(line) < file.lineCount else { return file.bytes.count }
        let span = file.lineSpan(Int(line))
        var i = span.start
        var units = 0
        while i < span.end && units < Int(character) {
            let b = file.bytes[i]
            var n = 1
            if b >= 0xF0 { n = 4 } else if b >= 0xE0 { n = 3 } else if b >= 0xC0 { n = 2 }
            units += encoding == .utf8 ? n : (n == 4 ? 2 : 1)
            i += n
        }
        return min(i, span.end)
    }

    // MARK: URIs

    /// The path of a `file:` URI, percent-decoded and normalised; nil for another scheme.
    static func path(fromURI uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Array(uri.utf8.dropFirst(7))
        // `file://host/path`: only the local host.
        if let slash = rest.firstIndex(of: UInt8(ascii: "/")), slash > 0 {
            let host = String(decoding: rest[..<slash], as: UTF8.self)
            guard host == "localhost" else { return nil }
            rest = Array(rest[slash...])
        }
        var out: [UInt8] = []
        var i = 0
        while i < rest.count {
            if rest[i] == UInt8(ascii: "%"), i + 2 < rest.count, let h = hexValue(rest[i + 1]),
                let l = hexValue(rest[i + 2])
            {
                out.append(UInt8(h << 4 | l))
                i += 3
            } else {
                out.append(rest[i])
                i += 1
            }
        }
        return Path.normalize(String(decoding: out, as: UTF8.self))
    }

    /// The URI the client named a path by, or a `file:` URI for it.
    func uri(of path: String) -> String { uris[path] ?? Path.uri(disk.absolute(path)) }

    // MARK: JSON-RPC

    static func value(_ node: Node) -> JSONValue {
        if let s = node.string { return .string(s) }
        if let n = node.number { return n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .double(n) }
        return .null
    }

    static func result(id: JSONValue, _ result: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
    }

    static func error(id: JSONValue, code: Int, _ message: String) -> JSONValue {
        .object([
            ("jsonrpc", .string("2.0")), ("id", id),
            ("error", .object([("code", .int(code)), ("message", .string(message))])),
        ])
    }
}
