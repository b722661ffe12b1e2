import LogCheckSyntax

/// How Node finds the file of a relative `require()` or of the main script it is given
/// (Node's modules documentation, "All together": LOAD_AS_FILE, then LOAD_AS_DIRECTORY).
enum NodeResolution {
    /// `./x`, `../x`, `/x`: a file on disk rather than a package in node_modules.
    static func isRelative(_ specifier: String) -> Bool {
        specifier.hasPrefix("./") || specifier.hasPrefix("../") || specifier == "." || specifier == ".."
            || specifier.hasPrefix("/")
    }

    /// Whether a resolved file is code to read (not JSON data or a compiled addon).
    static func isCode(_ path: String) -> Bool {
        let lower = path.lowercased()
        return !lower.hasSuffix(".json") && !lower.hasSuffix(".node")
    }

    /// The file Node loads for `path`: the exact file; then `.js`, `.json`, `.node` added; then,
    /// for a directory, its package.json `main` (as a file, then as a directory's index), then
    /// `index.js`, `index.json`, `index.node`. Nil when none exists.
    static func resolve(_ path: String, files: FileProvider) -> String? {
        if let f = asFile(path, files: files) { return f }
        return asDirectory(path, files: files, depth: 0)
    }

    private static func isFile(_ path: String, _ files: FileProvider) -> Bool {
        files.exists(path) && files.list(path) == nil
    }

    private static func asFile(_ path: String, files: FileProvider) -> String? {
        if isFile(path, files) { return path }
        for ext in [".js", ".json", ".node"] where isFile(path + ext, files) { return path + ext }
        return nil
    }

    private static func asDirectory(_ path: String, files: FileProvider, depth: Int) -> String? {
        guard depth < 4, files.list(path) != nil else { return nil }
        if case .success(let bytes) = files.read(FileSystem.join(path, "package.json")) {
            let manifest = JSONReader.read(SourceFile(path: FileSystem.join(path, "package.json"), bytes: bytes))
            if let main = manifest.root?["main"]?.string, !main.isEmpty {
                let target = Path.resolve(path, main)
                if let f = asFile(target, files: files) { return f }
                if let f = index(target, files) { return f }
            }
        }
        return index(path, files)
    }

    private static func index(_ dir: String, _ files: FileProvider) -> String? {
        for name in ["index.js", "index.json", "index.node"] where isFile(FileSystem.join(dir, name), files) {
            return FileSystem.join(dir, name)
        }
        return nil
    }
}

/// The file a `configure()` argument names, when it is built from known parts: a string (relative
/// to the app's working directory, as `fs.readFileSync` reads it), `require('./x')` (relative to
/// the calling file, resolved as Node does), `path.join` / `path.resolve` over strings,
/// `__dirname` and `process.cwd()`, and `+` or template literals over the same parts.
enum ConfigPath {
    /// A string built from known parts; `anchored` when it starts at `__dirname` or
    /// `process.cwd()`, whose values here are already paths as logcheck names them.
    struct Part {
        var text: String
        var anchored: Bool
    }

    static func of(_ arg: Node, file dir: String, cwd: String, files: FileProvider) -> String? {
        if arg.unknownKind == .call, let callee = arg.unknownDetail {
            let args = Array(arg.alternatives)
            if callee == "require", let spec = args.first?.string {
                let p = Path.resolve(dir, spec)
                return NodeResolution.resolve(p, files: files) ?? (Path.basename(p).contains(".") ? p : p + ".json")
            }
            if ["path.join", "path.resolve", "join", "resolve"].contains(callee) {
                var parts: [Part] = []
                for a in args {
                    guard let part = value(a, dir: dir, cwd: cwd) else { return nil }
                    parts.append(part)
                }
                guard !parts.isEmpty else { return nil }
                // path.resolve starts again at every absolute part; path.join only concatenates.
                let resolves = callee.hasSuffix("resolve")
                var result = Part(text: resolves ? cwd : "", anchored: resolves)
                for p in parts {
                    if resolves && (p.anchored || p.text.hasPrefix("/")) {
                        result = p
                    } else if result.text.isEmpty {
                        result = p
                    } else {
                        result.text += "/" + p.text
                    }
                }
                return result.anchored ? Path.normalize(result.text) : Path.resolve(cwd, result.text)
            }
            return nil
        }
        guard let part = value(arg, dir: dir, cwd: cwd) else { return nil }
        return part.anchored ? Path.normalize(part.text) : Path.resolve(cwd, part.text)
    }

    /// The string an expression evaluates to, when it is built only from known parts.
    static func value(_ node: Node, dir: String, cwd: String) -> Part? {
        if let s = node.string { return Part(text: s, anchored: false) }
        if node.unknownDetail == "__dirname" { return Part(text: dir, anchored: true) }
        if node.unknownKind == .call && node.unknownDetail == "process.cwd" { return Part(text: cwd, anchored: true) }
        guard node.kind == .unknown, node.unknownKind == .expression || node.unknownKind == .template else {
            return nil
        }
        return evaluate(Array(node.sourceText.utf8), dir: dir, cwd: cwd)
    }

    /// Evaluates `__dirname + '/x'`, `'a' + "b"` and `` `${__dirname}/x` `` from their bytes.
    static func evaluate(_ b: [UInt8], dir: String, cwd: String) -> Part? {
        var i = 0
        var out = ""
        var anchored: Bool? = nil
        var expectTerm = true
        func skipBlanks() {
            while i < b.count && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D) { i += 1 }
        }
        func isNameByte(_ c: UInt8) -> Bool {
            c == UInt8(ascii: "_") || c == UInt8(ascii: "$") || (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
                || c >= 0x30 && c <= 0x39
        }
        func word(_ w: String) -> Bool {
            let u = Array(w.utf8)
            guard i + u.count <= b.count, Array(b[i..<(i + u.count)]) == u else { return false }
            if i + u.count < b.count, isNameByte(b[i + u.count]) { return false }
            i += u.count
            return true
        }
        /// `__dirname` or `process.cwd()` at `i`, as their value.
        func anchor() -> String? {
            if word("__dirname") { return dir }
            if word("process.cwd()") { return cwd }
            return nil
        }
        func append(_ text: String, isAnchor: Bool) {
            if anchored == nil { anchored = isAnchor }
            out += text
        }
        while true {
            skipBlanks()
            if i >= b.count { return expectTerm ? nil : Part(text: out, anchored: anchored ?? false) }
            if !expectTerm {
                guard b[i] == UInt8(ascii: "+") else { return nil }
                i += 1
                expectTerm = true
                continue
            }
            let c = b[i]
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                i += 1
                var bytes: [UInt8] = []
                while i < b.count && b[i] != c {
                    if b[i] == UInt8(ascii: "\\") || b[i] == 0x0A { return nil }
                    bytes.append(b[i])
                    i += 1
                }
                guard i < b.count else { return nil }
                i += 1
                append(String(decoding: bytes, as: UTF8.self), isAnchor: false)
            } else if c == UInt8(ascii: "`") {
                i += 1
                var bytes: [UInt8] = []
                var first = true
                while i < b.count && b[i] != UInt8(ascii: "`") {
                    if b[i] == UInt8(ascii: "\\") { return nil }
                    if b[i] == UInt8(ascii: "$") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "{") {
                        i += 2
                        skipBlanks()
                        guard let inner = anchor() else { return nil }
                        skipBlanks()
                        guard i < b.count && b[i] == UInt8(ascii: "}") else { return nil }
                        i += 1
                        if first && bytes.isEmpty && anchored == nil { anchored = true }
                        bytes += Array(inner.utf8)
                        first = false
                        continue
                    }
                    first = false
                    bytes.append(b[i])
                    i += 1
                }
                guard i < b.count else { return nil }
                i += 1
                append(String(decoding: bytes, as: UTF8.self), isAnchor: false)
            } else if let value = anchor() {
                append(value, isAnchor: true)
            } else {
                return nil
            }
            expectTerm = false
        }
    }
}
