import LogCheckSyntax

/// Chooses the reader for a file and decides what it is: by name first, then by shape.
public enum DocumentLoader {
    /// The format from the file name. PM2 matches these names as substrings anywhere in the
    /// name, in this order (Common.js:242-271); other `.js` files are read as JavaScript too.
    public static func format(of path: String) -> InputFormat? {
        let name = Path.basename(path).lowercased()
        if name.containsBytes(".json") { return .json }
        if name.containsBytes(".yml") || name.containsBytes(".yaml") { return .yaml }
        if name.containsBytes(".config.js") || name.containsBytes(".config.cjs") || name.containsBytes(".config.mjs") {
            return .javascript
        }
        if name.hasSuffix(".js") || name.hasSuffix(".cjs") || name.hasSuffix(".mjs") { return .javascript }
        return nil
    }

    /// What a tree looks like: a PM2 ecosystem (apps / pm2 / deploy / a bare app or list of
    /// apps) or a log4js config (appenders / categories).
    public static func shape(of root: Node?) -> DocumentKind {
        guard let root else { return .unknown }
        if root.isMapping {
            if root.entry("appenders") != nil || root.entry("categories") != nil { return .log4js }
            for key in ["apps", "pm2", "deploy", "static", "script", "cmd", "command", "exec_mode", "instances"]
            where root.entry(key) != nil {
                return .ecosystem
            }
            return .unknown
        }
        if root.isSequence, !root.elements.isEmpty,
            root.elements.allSatisfy({ $0.isMapping || $0.isUnknown }),
            root.elements.contains(where: {
                $0.isMapping && ($0.entry("script") != nil || $0.entry("name") != nil || $0.entry("cmd") != nil)
            })
        {
            return .ecosystem
        }
        return .unknown
    }

    public static func load(_ source: SourceFile, input: InputFile, format declaredFormat: InputFormat? = nil)
        -> Document
    {
        if input.declaredKind == nil || input.declaredKind == .launch,
            let kind = launchKind(input.isStdin ? source.path : input.path, source)
        {
            let (sites, read) = LaunchSites.read(source, kind: kind)
            let format: InputFormat =
                switch kind {
                case .packageJSON: .json
                case .compose: .yaml
                default: .shell
                }
            return Document(
                source: source, format: format, kind: .launch, read: read, module: nil,
                strictJSON: kind == .packageJSON,
                input: input, launch: sites)
        }
        let format = declaredFormat ?? format(of: input.isStdin ? source.path : input.path) ?? guessFormat(source)
        let hint = input.declaredKind ?? InputCollector.nameHint(source.path)
        // Found in a directory, a file must look the part, unless its name says what it is as
        // surely as naming it does: the same file then gets the same answer either way.
        let mustLookThePart = input.fromDirectory && !InputCollector.hasTellingName(source.path)
        switch format {
        case .shell:
            let (sites, read) = LaunchSites.read(source, kind: .shellScript)
            return Document(
                source: source, format: .shell, kind: .launch, read: read, module: nil, strictJSON: false,
                input: input, launch: sites)
        case .yaml:
            let read = YAMLReader.read(source)
            let kind =
                input.declaredKind
                ?? classify(read.root, hint: hint, failed: read.tree == nil, fromDirectory: mustLookThePart)
            return Document(
                source: source, format: .yaml, kind: kind, read: read, module: nil, strictJSON: false, input: input)
        case .javascript:
            let result = ScriptReader.readModule(source, findConfigureCalls: true)
            // `*.config.js` alone is no hint: webpack, vite and jest configs share the suffix.
            var kind =
                input.declaredKind
                ?? classify(
                    result.read.root, hint: hint, failed: result.read.tree == nil, fromDirectory: mustLookThePart)
            // JavaScript that is not shaped like either kind is app code (webpack.config.js,
            // server.js), unless its name (ecosystem / pm2 / process) or its words say it is
            // meant to be an ecosystem file: then LC011 says it is not one.
            let shaped = shape(of: result.read.root)
            let lower = Path.basename(source.path).lowercased()
            // A file that writes `apps` and `script` without the shape of an ecosystem file (a
            // generator, a typo before module.exports) is one that failed, unless it uses log4js.
            let looksLikeApps = source.bytes.withUnsafeBufferPointer { b in
                func has(_ word: String) -> Bool {
                    var w = word
                    return w.withUTF8 { b.containsBytes($0) }
                }
                return has("apps") && has("script") && !has("log4js")
            }
            let ecosystemName = InputCollector.nameHint(lower) == .ecosystem || looksLikeApps
            if result.read.tree != nil && (kind == .unknown && !ecosystemName || kind == .log4js && shaped != .log4js) {
                kind = .appCode
            }
            return Document(
                source: source, format: .javascript, kind: kind, read: result.read, module: result.module,
                strictJSON: false, input: input)
        case .json:
            let strict = JSONReader.read(source)
            let strictKind = classify(
                strict.root, hint: hint, failed: strict.tree == nil, fromDirectory: mustLookThePart)
            if !strict.hasErrors && input.declaredKind != .log4js && strictKind != .log4js {
                return Document(
                    source: source, format: .json, kind: input.declaredKind ?? strictKind, read: strict, module: nil,
                    strictJSON: true, input: input)
            }
            if input.declaredKind == .log4js || strictKind == .log4js || (strict.tree == nil && hint == .log4js) {
                return Document(
                    source: source, format: .json, kind: input.declaredKind ?? .log4js, read: strict, module: nil,
                    strictJSON: true, input: input)
            }
            // PM2 evaluates `.json` files as a JavaScript expression (Common.js:279-306).
            let lenient = ScriptReader.readExpression(source)
            let kind =
                input.declaredKind
                ?? classify(
                    lenient.read.root, hint: hint, failed: lenient.read.tree == nil, fromDirectory: mustLookThePart)
            if kind == .ecosystem || lenient.read.tree != nil {
                let doc = Document(
                    source: source, format: .json, kind: kind, read: lenient.read, module: lenient.module,
                    strictJSON: false, input: input)
                doc.nonJSON = strict.diagnostics
                return doc
            }
            return Document(
                source: source, format: .json, kind: kind, read: strict, module: nil, strictJSON: true, input: input)
        }
    }

    /// The kind of launch file `path` is, by its name (and, for a file without an extension, the
    /// shebang of its first line).
    static func launchKind(_ path: String, _ source: SourceFile) -> LaunchFileKind? {
        LaunchReader.kind(ofPath: path, firstLine: source.bytes.prefix(256))
    }

    /// By shape first; otherwise an explicitly named file is what its name says, while a file found
    /// in a directory must look the part.
    static func classify(_ root: Node?, hint: DocumentKind?, failed: Bool, fromDirectory: Bool) -> DocumentKind {
        let byShape = shape(of: root)
        if byShape != .unknown { return byShape }
        if failed || root == nil { return hint ?? .unknown }
        if fromDirectory { return .unknown }
        return hint ?? .unknown
    }

    /// For stdin without a name: JSON if it starts with `{` or `[`, JavaScript if it mentions
    /// module.exports or export, YAML otherwise.
    static func guessFormat(_ source: SourceFile) -> InputFormat {
        var i = source.bomLength
        let b = source.bytes
        while i < b.count && (b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09) { i += 1 }
        if i < b.count && (b[i] == UInt8(ascii: "{") || b[i] == UInt8(ascii: "[")) { return .json }
        let head = source.text(Span(0, min(b.count, 4096)))
        if head.containsBytes("module.exports") || head.containsBytes("export ") || head.containsBytes("require(") {
            return .javascript
        }
        return .yaml
    }
}
