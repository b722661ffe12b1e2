/// What a script hands to `require()` and what it loads: `module.exports`, `exports.x`,
/// `export` and `import` statements, the modules it requires, and `configure(...)` calls.
extension ScriptParser {
    // MARK: imports and exports

    /// Modules the file loads, wherever the code is: require('x'), import('x'), import … from 'x'.
    mutating func collectDependencies() {
        for k in 0..<tokens.count where tokens[k].kind == .string {
            if k >= 2 && isPunct(tokens[k - 1], "(")
                && (isWord(tokens[k - 2], "require") || isWord(tokens[k - 2], "import"))
                && (k < 3 || !isPunct(tokens[k - 3], ".")) && isPunct(token(k + 1), ")")
            {
                module.dependencies.append(decodeString(tokens[k]))
                module.dependencySpans.append(tokens[k].span)
            } else if k >= 1
                && (isWord(tokens[k - 1], "from")
                    || (isWord(tokens[k - 1], "import") && (k < 2 || !isPunct(tokens[k - 2], "."))))
            {
                module.dependencies.append(decodeString(tokens[k]))
                module.dependencySpans.append(tokens[k].span)
            }
        }
    }

    mutating func importStatement() {
        let start = peek.span
        module.esmSyntax.append(start)
        // import x from 'm'; import * as x from 'm'; import { a, b as c } from 'm'; import 'm'
        var names: [String] = []
        var k = i + 1
        var specifier: String? = nil
        while k < tokens.count && tokens[k].kind != .eof {
            let t = tokens[k]
            if t.kind == .string {
                specifier = decodeString(t)
                k += 1
                break
            }
            if t.kind == .identifier && !isWord(t, "from") && !isWord(t, "as") && !isWord(t, "type") {
                let next = token(k + 1)
                if !isWord(next, "as") { names.append(text(t)) }
            }
            if isPunct(t, ";") { break }
            k += 1
        }
        if let specifier {
            for n in names {
                module.imports[n] = specifier
                bindings[n] = builder.unknown(.expression, span: start, detail: n)
                bindingHasInitializer[n] = true
            }
        }
        i = k
        if isPunct(peek, ";") { i += 1 }
    }

    mutating func exportStatement() throws {
        let exportToken = peek
        module.esmSyntax.append(exportToken.span)
        i += 1
        if isWord(peek, "default") {
            let defaultToken = peek
            i += 1
            let value = try assignment()
            if module.style == .none || module.style == .esmNamed {
                module.style = .esmDefault
                module.exportSpan = exportToken.span.union(defaultToken.span)
            }
            // PM2 sees the namespace `{ default: value }`.
            let key = builder.scalar(.string, style: .plain, span: defaultToken.span, textSpan: defaultToken.span)
            namedExports.append(
                RawEntry(key: key, value: value, start: Int32(exportToken.start), end: builder.raw(value).end))
            defaultExport = value
            try endOfStatement()
            return
        }
        if isWord(peek, "const") || isWord(peek, "let") || isWord(peek, "var") {
            try declaration(exported: true, exportStart: exportToken.span.start)
            return
        }
        if isPunct(peek, "{") {
            let close = Int(partner[i])
            var k = i + 1
            while k < close {
                if tokens[k].kind == .identifier {
                    let local = tokens[k]
                    var exported = local
                    if isWord(token(k + 1), "as") && token(k + 2).kind == .identifier {
                        exported = tokens[k + 2]
                        k += 2
                    }
                    let value = reference(text(local), span: local.span)
                    let key = builder.scalar(.string, style: .plain, span: exported.span, textSpan: exported.span)
                    namedExports.append(RawEntry(key: key, value: value, start: local.start, end: exported.end))
                }
                k += 1
            }
            i = close + 1
            if isWord(peek, "from") { i += 2 }
            if isPunct(peek, ";") { i += 1 }
            return
        }
        // export function / class / * from ...
        skipStatement()
    }

    /// `require('x')` → "x".
    func requireSpecifier(_ id: Int32) -> String? {
        let node = Node(tree: builder.tree, id: id)
        guard node.unknownKind == .call, node.unknownDetail == "require", let arg = node.alternatives.first else {
            return nil
        }
        return arg.string
    }

    mutating func moduleExportsStatement() throws {
        let start = peek.span
        let exportsSpan = start.union(token(i + 2).span)
        module.commonJSSyntax.append(exportsSpan)
        if isPunct(token(i + 3), "=") {
            module.exportSpan = exportsSpan
            i += 4
            let value = try assignment()
            moduleExports = value
            exportEntries.removeAll()
            module.style = .moduleExports
            try endOfStatement()
        } else if isPunct(token(i + 3), ".") && token(i + 4).kind == .identifier && isPunct(token(i + 5), "=") {
            try exportsProperty(keyIndex: i + 4, statementStart: start.start)
        } else {
            skipStatement()
        }
    }

    mutating func exportsProperty(keyIndex: Int, statementStart: Int) throws {
        let keyToken = tokens[keyIndex]
        i = keyIndex + 2
        let value = try assignment()
        let key = builder.scalar(.string, style: .plain, span: keyToken.span, textSpan: keyToken.span)
        exportEntries.append(
            RawEntry(key: key, value: value, start: Int32(statementStart), end: builder.raw(value).end))
        if module.style == .none { module.style = .exportsProperties }
        if module.exportSpan == nil { module.exportSpan = Span(statementStart, Int(keyToken.end)) }
        try endOfStatement()
    }

    mutating func finishExports() {
        if let value = moduleExports {
            if exportEntries.isEmpty {
                root = value
            } else {
                let raw = builder.raw(value)
                if raw.kind == .mapping {
                    var all = (Int(raw.a)..<Int(raw.a + raw.b)).map { builder.entry($0) }
                    all.append(contentsOf: exportEntries)
                    root = builder.mapping(
                        style: .flow, span: Span(Int(raw.start), Int(raw.end)), entries: all[...],
                        unknownEntries: raw.flags & RawNode.hasUnknownEntries != 0)
                } else {
                    root = value
                }
            }
        } else if !exportEntries.isEmpty {
            let span = Span(Int(exportEntries.first!.start), Int(exportEntries.last!.end))
            root = builder.mapping(style: .flow, span: span, entries: exportEntries[...])
        } else if !namedExports.isEmpty {
            if module.style == .none { module.style = .esmNamed }
            if module.style == .esmDefault, let d = defaultExport, namedExports.count == 1 {
                root = d
            } else {
                if module.style == .esmDefault { module.style = .esmNamed }
                let span = Span(Int(namedExports.first!.start), Int(namedExports.last!.end))
                root = builder.mapping(style: .flow, span: span, entries: namedExports[...])
                if module.exportSpan == nil {
                    module.exportSpan = Span(Int(namedExports.first!.start), Int(namedExports.first!.start) + 6)
                }
            }
        }
    }

    // MARK: configure() calls in app code

    mutating func collectConfigureCalls() {
        for k in 1..<max(1, tokens.count - 1) where isWord(tokens[k], "configure") && isPunct(tokens[k + 1], "(") {
            var receiver: String? = nil
            var callStart = tokens[k].span.start
            var requiredModule: String? = nil
            if isPunct(tokens[k - 1], "."), k >= 2, isPunct(tokens[k - 2], ")"), partner[k - 2] >= 1,
                isWord(tokens[Int(partner[k - 2]) - 1], "require"), tokens[Int(partner[k - 2]) + 1].kind == .string
            {
                // require('log4js').configure(...)
                let open = Int(partner[k - 2])
                requiredModule = decodeString(tokens[open + 1])
                callStart = tokens[open - 1].span.start
            } else if isPunct(tokens[k - 1], ".") {
                guard k >= 2, tokens[k - 2].kind == .identifier else { continue }
                if k >= 3 && isPunct(tokens[k - 3], ".") { continue }
                receiver = text(tokens[k - 2])
                callStart = tokens[k - 2].span.start
            } else if k >= 1
                && (tokens[k - 1].kind == .identifier && !isWord(tokens[k - 1], "return")
                    && !isWord(tokens[k - 1], "await") || isWord(tokens[k - 1], "function"))
            {
                continue
            }
            let close = Int(partner[k + 1])
            guard close > k + 1 else { continue }
            let module =
                requiredModule ?? receiver.flatMap { self.module.imports[$0] }
                ?? (receiver == nil ? self.module.imports["configure"] : nil)
            var argument: Node? = nil
            if close > k + 2 {
                let saved = i
                let savedDiagnostics = diagnostics.count
                i = k + 2
                depth = 0
                if let id = try? assignment() { argument = Node(tree: builder.tree, id: id) }
                diagnostics.removeSubrange(savedDiagnostics...)
                i = saved
            }
            self.module.configureCalls.append(
                ScriptReader.CallSite(
                    receiver: receiver, module: module, span: Span(callStart, Int(tokens[close].end)),
                    argument: argument))
        }
    }

    /// The file's use of Node's `cluster` module (`ScriptReader.ClusterUse`): the names bound to
    /// `require('cluster')` (or `node:cluster`), their `cluster.fork()` calls, the `if` branches whose
    /// condition is `[!]name.isMaster`, `isPrimary` or `isWorker`, and the code after such an
    /// `if` whose branch ends in `return` or `process.exit()` (the rest of the block then runs
    /// only in the other role).
    mutating func collectClusterUse() {
        let names = Set(module.imports.filter { $0.value == "cluster" || $0.value == "node:cluster" }.keys)
        guard !names.isEmpty else { return }
        func isCluster(_ t: Token) -> Bool { t.kind == .identifier && names.contains(text(t)) }
        let count = tokens.count
        for k in 0..<max(0, count - 2) where isCluster(tokens[k]) && isPunct(tokens[k + 1], ".") {
            if isWord(tokens[k + 2], "fork"), k + 3 < count, isPunct(tokens[k + 3], "(") {
                let close = Int(partner[k + 3])
                module.cluster.forks.append(Span(tokens[k].span.start, Int(tokens[max(close, k + 3)].end)))
            }
        }
        func add(_ span: Span, primary: Bool) {
            if primary {
                module.cluster.primaryBranches.append(span)
            } else {
                module.cluster.workerBranches.append(span)
            }
        }
        // if ( [!] cluster.isMaster ) { … } [else { … }]
        for k in 0..<max(0, count - 1) where isWord(tokens[k], "if") && isPunct(tokens[k + 1], "(") {
            let open = k + 1
            let close = Int(partner[open])
            guard close > open else { continue }
            var j = open + 1
            var negated = false
            while j < close && isPunct(tokens[j], "!") {
                negated.toggle()
                j += 1
            }
            guard j + 3 == close, isCluster(tokens[j]), isPunct(tokens[j + 1], ".") else { continue }
            let property = text(tokens[j + 2])
            let primary: Bool
            switch property {
            case "isMaster", "isPrimary": primary = !negated
            case "isWorker": primary = negated
            default: continue
            }
            guard close + 1 < count, isPunct(tokens[close + 1], "{") else { continue }
            let thenEnd = Int(partner[close + 1])
            guard thenEnd > close + 1 else { continue }
            add(Span(tokens[close + 1].span.start, Int(tokens[thenEnd].end)), primary: primary)
            var last = thenEnd
            var bothLeave = false
            let thenLeaves = leaves(from: close + 2, to: thenEnd)
            if thenEnd + 2 < count, isWord(tokens[thenEnd + 1], "else"), isPunct(tokens[thenEnd + 2], "{") {
                let elseEnd = Int(partner[thenEnd + 2])
                guard elseEnd > thenEnd + 2 else { continue }
                add(Span(tokens[thenEnd + 2].span.start, Int(tokens[elseEnd].end)), primary: !primary)
                bothLeave = thenLeaves && leaves(from: thenEnd + 3, to: elseEnd)
                last = elseEnd
            }
            // `if (cluster.isMaster) { …fork…; return; }` then the workers' code.
            guard thenLeaves, !bothLeave, last + 1 < count else { continue }
            let end = enclosingBlockEnd(of: k)
            guard end > last + 1 else { continue }
            add(Span(Int(tokens[last].end), end), primary: !primary)
        }
    }

    /// Whether the statements of a block (tokens `from..<to`, the braces outside) include a
    /// `return` or a `process.exit(…)` of their own (not one inside a nested block or function).
    func leaves(from: Int, to end: Int) -> Bool {
        var m = from
        while m < end {
            let t = tokens[m]
            if t.kind == .punctuator && partner[m] > m {
                m = Int(partner[m]) + 1
                continue
            }
            if isWord(t, "return") { return true }
            if isWord(t, "process"), m + 3 < end, isPunct(tokens[m + 1], "."), isWord(tokens[m + 2], "exit"),
                isPunct(tokens[m + 3], "(")
            {
                return true
            }
            m += 1
        }
        return false
    }

    /// The byte offset where the block holding token `k` ends: its closing brace, or the end of
    /// the file at the top level.
    func enclosingBlockEnd(of k: Int) -> Int {
        var j = k - 1
        while j >= 0 {
            let t = tokens[j]
            if t.kind == .punctuator && partner[j] >= 0 && partner[j] < j {
                j = Int(partner[j]) - 1
                continue
            }
            if isPunct(t, "{") { return Int(tokens[Int(partner[j])].span.start) }
            if isPunct(t, "(") || isPunct(t, "[") { return -1 }
            j -= 1
        }
        return source.bytes.count
    }

    /// `x.getLogger(…)` and `require('m').getLogger(…)` calls (`ScriptReader.Module.loggerCalls`).
    mutating func collectLoggerCalls() {
        for k in 2..<max(2, tokens.count - 1)
        where isWord(tokens[k], "getLogger") && isPunct(tokens[k + 1], "(") && isPunct(tokens[k - 1], ".") {
            let close = Int(partner[k + 1])
            guard close > k + 1 else { continue }
            var receiver: String? = nil
            var module: String? = nil
            var start = tokens[k - 2].span.start
            if isPunct(tokens[k - 2], ")"), partner[k - 2] >= 1, isWord(tokens[Int(partner[k - 2]) - 1], "require"),
                tokens[Int(partner[k - 2]) + 1].kind == .string
            {
                let open = Int(partner[k - 2])
                module = decodeString(tokens[open + 1])
                start = tokens[open - 1].span.start
            } else if tokens[k - 2].kind == .identifier, k < 3 || !isPunct(tokens[k - 3], ".") {
                receiver = text(tokens[k - 2])
                module = self.module.imports[receiver!]
            } else {
                continue
            }
            self.module.loggerCalls.append(
                ScriptReader.CallSite(
                    receiver: receiver, module: module, span: Span(start, Int(tokens[close].end)), argument: nil))
        }
    }

    /// `x.addLayout('name', …)` calls: the layout types the code registers (log4js.js:128-130).
    mutating func collectAddedLayouts() {
        for k in 2..<max(2, tokens.count - 2)
        where isWord(tokens[k], "addLayout") && isPunct(tokens[k + 1], "(") && isPunct(tokens[k - 1], ".")
            && tokens[k + 2].kind == .string
        {
            let receiverToken = tokens[k - 2]
            let receiver: String?
            if receiverToken.kind == .identifier {
                receiver = text(receiverToken)
            } else if isPunct(receiverToken, ")"), partner[k - 2] >= 1,
                isWord(tokens[Int(partner[k - 2]) - 1], "require"),
                tokens[Int(partner[k - 2]) + 1].kind == .string
            {
                // require('log4js').addLayout(...)
                receiver = decodeString(tokens[Int(partner[k - 2]) + 1])
            } else {
                continue
            }
            let module = receiver.flatMap { self.module.imports[$0] } ?? receiver
            self.module.addedLayouts.append(
                ScriptReader.AddedLayout(receiver: receiver, module: module, name: decodeString(tokens[k + 2])))
        }
    }
}
