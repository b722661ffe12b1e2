import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

/// `logcheck lsp`: the findings of the open documents (unsaved text included) as diagnostics,
/// linked through the project on disk, and the fixes as quick fixes.
@Suite struct LanguageServerTests {
    static let config =
        #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
        + "\n"

    /// A project on disk: an ecosystem file whose app runs in fork mode, and the config it loads.
    func project() throws -> String {
        try tree([
            ".git/HEAD": "ref: refs/heads/main\n",
            "ecosystem.config.js": "module.exports = { apps: [{ name: 'api', script: 'server.js' }] };\n",
            "log4js.json": Self.config,
        ])
    }

    static func message(_ members: [(String, JSONValue)]) -> [UInt8] {
        Array(JSONValue.object([("jsonrpc", .string("2.0"))] + members).serialized(pretty: false).utf8)
    }

    static func request(_ id: Int, _ method: String, _ params: JSONValue) -> [UInt8] {
        message([("id", .int(id)), ("method", .string(method)), ("params", params)])
    }

    static func notification(_ method: String, _ params: JSONValue) -> [UInt8] {
        message([("method", .string(method)), ("params", params)])
    }

    static func parsed(_ replies: [JSONValue]) throws -> [[String: Any]] {
        try replies.map {
            try JSONSerialization.jsonObject(with: Data($0.serialized(pretty: false).utf8)) as! [String: Any]
        }
    }

    /// The published diagnostics, by URI, as `CODE severity line:character-line:character message`.
    static func published(_ replies: [[String: Any]]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for r in replies where r["method"] as? String == "textDocument/publishDiagnostics" {
            let params = r["params"] as! [String: Any]
            out[params["uri"] as! String] = (params["diagnostics"] as! [[String: Any]]).map { d in
                let range = d["range"] as! [String: Any]
                let s = range["start"] as! [String: Int]
                let e = range["end"] as! [String: Int]
                return
                    "\(d["code"]!) \(d["severity"]!) \(s["line"]!):\(s["character"]!)-\(e["line"]!):\(e["character"]!) \(d["message"]!)"
            }
        }
        return out
    }

    func initialize(_ server: LanguageServer, utf8: Bool = false) throws {
        let general: JSONValue =
            utf8 ? .object([("positionEncodings", .array([.string("utf-8"), .string("utf-16")]))]) : .object([])
        let replies = try Self.parsed(
            server.handle(Self.request(1, "initialize", .object([("capabilities", .object([("general", general)]))]))))
        let capabilities = ((replies[0]["result"] as! [String: Any])["capabilities"] as! [String: Any])
        #expect(capabilities["positionEncoding"] as? String == (utf8 ? "utf-8" : "utf-16"))
    }

    func open(_ server: LanguageServer, _ uri: String, _ text: String) throws -> [[String: Any]] {
        try Self.parsed(
            server.handle(
                Self.notification(
                    "textDocument/didOpen",
                    .object([
                        (
                            "textDocument",
                            .object([
                                ("uri", .string(uri)), ("languageId", .string("javascript")), ("version", .int(1)),
                                ("text", .string(text)),
                            ])
                        )
                    ]))))
    }

    /// The quick fixes offered for a range of one line.
    func codeActions(_ server: LanguageServer, _ uri: String, line: Int, from: Int, to: Int) throws -> [[String: Any]] {
        func position(_ character: Int) -> JSONValue {
            .object([("line", .int(line)), ("character", .int(character))])
        }
        let replies = try Self.parsed(
            server.handle(
                Self.request(
                    2, "textDocument/codeAction",
                    .object([
                        ("textDocument", .object([("uri", .string(uri))])),
                        ("range", .object([("start", position(from)), ("end", position(to))])),
                        ("context", .object([("diagnostics", .array([]))])),
                    ]))))
        return replies[0]["result"] as! [[String: Any]]
    }

    @Test func theUnsavedTextIsCheckedAgainstTheProjectOnDisk() throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = LanguageServer()
        try initialize(server)
        let eco = "file://\(dir)/ecosystem.config.js"
        let cfg = "file://\(dir)/log4js.json"
        // Unsaved: four instances in cluster mode, loading log4js.json from disk.
        let text =
            "module.exports = { apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster', instances: 4, env: { LOG4JS_CONFIG: 'log4js.json' } }] };\n"
        let replies = try open(server, eco, text)
        let found = Self.published(replies)
        #expect(found[eco] == [])
        #expect(
            found[cfg] == [
                "LC101 1 0:0-0:110 log4js loses every log line of app \"api\": PM2 runs it in cluster mode (4 processes), where each process is a cluster worker, and this config sets neither \"pm2\" nor \"disableClustering\", so log4js sends every event to the cluster master (PM2's daemon), which never writes it\nhelp: set \"disableClustering\": true so each process writes its own appenders (best with stdout, which PM2 collects per process), or \"pm2\": true so instance 0 writes for all (with more than one instance this needs pm2-intercom, see LC103)"
            ])
        // The text as on disk again: the config's finding is withdrawn.
        let back = try Self.parsed(
            server.handle(
                Self.notification(
                    "textDocument/didChange",
                    .object([
                        ("textDocument", .object([("uri", .string(eco)), ("version", .int(2))])),
                        (
                            "contentChanges",
                            .array([
                                .object([
                                    (
                                        "text",
                                        .string("module.exports = { apps: [{ name: 'api', script: 'server.js' }] };\n")
                                    )
                                ])
                            ])
                        ),
                    ]))))
        #expect(Self.published(back) == [eco: [], cfg: []])
        // The file on disk never changed.
        #expect(
            try String(contentsOfFile: dir + "/ecosystem.config.js", encoding: .utf8)
                == "module.exports = { apps: [{ name: 'api', script: 'server.js' }] };\n")
    }

    @Test func aQuickFixIsTheFixWithItsEditsInTheBuffer() throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = LanguageServer()
        try initialize(server)
        let eco = "file://\(dir)/ecosystem.config.js"
        // `instances` without exec_mode: LC308, whose safe fix writes exec_mode: 'cluster'. The
        // name before it is not ASCII, so the edit's position is in UTF-16 units.
        let text = "module.exports = { apps: [{ name: 'café🚀', script: 'a.js', instances: 2 }] };\n"
        _ = try open(server, eco, text)
        let actions = try codeActions(server, eco, line: 0, from: 0, to: 80)
        #expect(actions.map { $0["title"] as! String } == ["LC308: write exec_mode: 'cluster'"])
        #expect(actions.map { $0["isPreferred"] as! Bool } == [true])
        let changes = (actions[0]["edit"] as! [String: Any])["changes"] as! [String: [[String: Any]]]
        #expect(Array(changes.keys) == [eco])
        // Applied as an editor applies it (UTF-16 positions), the buffer becomes:
        var result = text
        for edit in changes[eco]!.reversed() {
            let range = edit["range"] as! [String: [String: Int]]
            let units = Array(result.utf16)
            func index(_ p: [String: Int]) -> Int {
                var line = 0
                var i = 0
                while line < p["line"]! {
                    if units[i] == 10 { line += 1 }
                    i += 1
                }
                return i + p["character"]!
            }
            let a = index(range["start"]!)
            let b = index(range["end"]!)
            result =
                String(decoding: units[..<a], as: UTF16.self) + (edit["newText"] as! String)
                + String(decoding: units[b...], as: UTF16.self)
        }
        #expect(
            result
                == "module.exports = { apps: [{ name: 'café🚀', script: 'a.js', instances: 2, exec_mode: 'cluster' }] };\n"
        )
        // A range elsewhere in the file gets no action.
        #expect(try codeActions(server, eco, line: 1, from: 0, to: 0).isEmpty)
    }

    @Test func positionsCountUTF16UnitsOrBytesAsNegotiated() throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // "é" is 2 bytes and 1 UTF-16 unit, "🚀" 4 bytes and 2 units: the value 'Cluster' starts
        // at byte 71 and UTF-16 unit 68 of its line (code point 67).
        let text = "module.exports = { apps: [{ name: 'é🚀', script: 'a.js', exec_mode: 'Cluster' }] };\n"
        for utf8 in [false, true] {
            let server = LanguageServer()
            try initialize(server, utf8: utf8)
            let eco = "file://\(dir)/ecosystem.config.js"
            let found = Self.published(try open(server, eco, text))[eco] ?? []
            let start = utf8 ? 71 : 68
            #expect(found.map { String($0.prefix(while: { $0 != " " })) } == ["LC305"])
            #expect(found.first?.contains(" 1 0:\(start)-0:\(start + 9) ") == true, "\(found)")
        }
    }

    @Test func eachDocumentHasTheSettingsNearestAboveIt() throws {
        let quiet = try tree([".git/HEAD": "ref: refs/heads/main\n", ".logcheck.yml": "ignore: [LC305]\n"])
        let plain = try tree([".git/HEAD": "ref: refs/heads/main\n"])
        defer {
            try? FileManager.default.removeItem(atPath: quiet)
            try? FileManager.default.removeItem(atPath: plain)
        }
        let server = LanguageServer()
        try initialize(server)
        let text = "module.exports = { apps: [{ name: 'api', script: 'a.js', exec_mode: 'Cluster' }] };\n"
        _ = try open(server, "file://\(quiet)/ecosystem.config.js", text)
        let found = Self.published(try open(server, "file://\(plain)/ecosystem.config.js", text))
        #expect(found["file://\(quiet)/ecosystem.config.js"] == [])
        #expect(found["file://\(plain)/ecosystem.config.js"]?.map { String($0.prefix(5)) } == ["LC305"])
    }

    @Test func theLifecycleFollowsTheProtocol() throws {
        let server = LanguageServer()
        // Before initialize a request is refused, a notification ignored.
        let early = try Self.parsed(server.handle(Self.request(7, "textDocument/codeAction", .object([]))))
        #expect((early[0]["error"] as! [String: Any])["code"] as? Int == -32002)
        try initialize(server)
        let unknown = try Self.parsed(server.handle(Self.request(8, "textDocument/hover", .object([]))))
        #expect((unknown[0]["error"] as! [String: Any])["code"] as? Int == -32601)
        #expect(server.handle(Self.notification("workspace/didChangeWatchedFiles", .object([]))).isEmpty)
        let bad = try Self.parsed(server.handle(Array("{not json".utf8)))
        #expect((bad[0]["error"] as! [String: Any])["code"] as? Int == -32700)
        // A response from the client is not answered.
        #expect(server.handle(Self.message([("id", .int(3)), ("result", .null)])).isEmpty)
        _ = server.handle(Self.request(9, "shutdown", .null))
        _ = server.handle(Self.notification("exit", .null))
        #expect(server.exitCode == 0)
        // `exit` without `shutdown` is exit code 1.
        let abrupt = LanguageServer()
        _ = abrupt.handle(Self.notification("exit", .null))
        #expect(abrupt.exitCode == 1)
    }

    @Test func theFramerSplitsAndJoinsMessages() throws {
        var framer = MessageFramer()
        let one = MessageFramer.frame(.object([("a", .int(1))]))
        let two = MessageFramer.frame(.object([("b", .string("é"))]))
        let stream = one + two
        // Byte by byte: each message comes out whole, once.
        var bodies: [String] = []
        for b in stream {
            framer.append([b])
            while let body = try framer.next() { bodies.append(String(decoding: body, as: UTF8.self)) }
        }
        #expect(bodies == [#"{"a":1}"#, #"{"b":"é"}"#])
        var bad = MessageFramer()
        bad.append(Array("Content-Type: x\r\n\r\n{}".utf8))
        #expect(throws: MessageFramer.Malformed(reason: "no Content-Length header")) { try bad.next() }
        var long = MessageFramer()
        long.append([UInt8](repeating: UInt8(ascii: "x"), count: 9000))
        #expect(throws: MessageFramer.Malformed.self) { try long.next() }
    }

    @Test func theExecutableServesStandardInput() throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let eco = "file://\(dir)/ecosystem.config.js"
        let text = "module.exports = { apps: [{ name: 'api', script: 'a.js', exec_mode: 'Cluster' }] };\n"
        let session: [[UInt8]] = [
            Self.request(1, "initialize", .object([("capabilities", .object([]))])),
            Self.notification("initialized", .object([])),
            Self.notification(
                "textDocument/didOpen",
                .object([
                    (
                        "textDocument",
                        .object([
                            ("uri", .string(eco)), ("languageId", .string("javascript")), ("version", .int(1)),
                            ("text", .string(text)),
                        ])
                    )
                ])),
            Self.request(2, "shutdown", .null), Self.notification("exit", .null),
        ]
        let input = session.map { body in
            "Content-Length: \(body.count)\r\n\r\n" + String(decoding: body, as: UTF8.self)
        }
        .joined()
        let r = run(["lsp"], stdin: input)
        #expect(r.code == .clean, "\(r.err)")
        var framer = MessageFramer()
        framer.append(Array(r.out.utf8))
        var replies: [[String: Any]] = []
        while let body = try framer.next() {
            replies.append(try JSONSerialization.jsonObject(with: Data(body)) as! [String: Any])
        }
        #expect(
            replies.map { ($0["id"] as? Int).map(String.init) ?? ($0["method"] as! String) } == [
                "1", "textDocument/publishDiagnostics", "2",
            ])
        #expect(Self.published(replies)[eco]?.map { String($0.prefix(5)) } == ["LC305"])
        // Standard input that is not LSP is exit code 2.
        let garbage = run(["lsp"], stdin: "hello\r\n\r\n")
        #expect(garbage.code == .usage)
        #expect(garbage.err == "logcheck lsp: the input is not LSP messages: a header line without ':'\n")
    }
}
