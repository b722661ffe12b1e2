/// Reads the values of JavaScript config files (`ecosystem.config.js`, PM2's `.json` files) and
/// `configure(...)` arguments in app code, without executing anything.
///
/// It understands what real ecosystem files use: `module.exports =`, `exports.x =`,
/// `export default`, `export const`, top-level `const/let/var` bindings used later (including
/// spreads), object and array literals in every JavaScript form, and it keeps everything that
/// exists only at run time (`process.env.X`, `a || b`, calls, functions) as `unknown` values with
/// their source text. Statements it does not model are skipped token by token; a binding that such
/// code assigns or mutates becomes `unknown`.
public enum ScriptReader {
    /// How the file hands its value to `require()`.
    public enum ExportStyle: String, Sendable {
        /// No export found.
        case none
        /// `module.exports = value`.
        case moduleExports
        /// `module.exports.x = …` / `exports.x = …` only.
        case exportsProperties
        /// ESM named exports (`export const apps = …`): PM2 sees the module namespace.
        case esmNamed
        /// `export default value`: PM2 never unwraps `.default`, so it does not see the value.
        case esmDefault
        /// A whole-file expression (PM2's `.json` files).
        case expression
    }

    public struct Module: Sendable {
        public var style: ExportStyle = .none
        /// The `module.exports` / `export default` / `export` keyword span of the main export.
        public var exportSpan: Span? = nil
        /// `import` and `export` statements (ESM syntax).
        public var esmSyntax: [Span] = []
        /// `module.exports`, `exports.x` and `require(` uses (CommonJS syntax).
        public var commonJSSyntax: [Span] = []
        /// Local names bound to a module: `const log4js = require('log4js')`, `import x from 'y'`.
        public var imports: [String: String] = [:]
        public var comments: [Comment] = []
        /// `x.configure(...)` calls, when requested.
        public var configureCalls: [CallSite] = []
        /// `x.addLayout('name', …)` calls, when configure calls are requested.
        public var addedLayouts: [AddedLayout] = []
        /// Modules the file loads: the string arguments of `require()` and the sources of `import`.
        public var dependencies: [String] = []
        /// Where each of `dependencies` is written (its string literal).
        public var dependencySpans: [Span] = []
        /// How the file uses Node's `cluster` module, when configure calls are requested.
        public var cluster = ClusterUse()
        /// `x.getLogger(…)` calls, when configure calls are requested.
        public var loggerCalls: [CallSite] = []
    }

    /// An app that clusters itself: `cluster.fork()` calls, and the branches that run only in
    /// the cluster primary (`if (cluster.isMaster)`, `isPrimary`, the `else` of `isWorker`) or
    /// only in its workers, and the rest of a block after such a branch that returns. Only
    /// conditions that are exactly such a test (or its negation with `!`) are read; any other
    /// condition is neither.
    public struct ClusterUse: Sendable {
        public var forks: [Span] = []
        public var primaryBranches: [Span] = []
        public var workerBranches: [Span] = []

        /// Whether `span` is inside a branch that only the workers run.
        public func inWorkerBranch(_ span: Span) -> Bool { workerBranches.contains { $0.contains(span) } }
        /// Whether `span` is inside a branch that only the primary runs.
        public func inPrimaryBranch(_ span: Span) -> Bool { primaryBranches.contains { $0.contains(span) } }
    }

    /// A layout type registered with `addLayout('name', …)`.
    public struct AddedLayout: Sendable {
        /// The receiver's name (`log4js`), or the module of `require('log4js').addLayout`.
        public var receiver: String?
        /// The module the receiver was bound to, when known.
        public var module: String?
        public var name: String
    }

    public struct CallSite: Sendable {
        /// The receiver's name (`log4js` in `log4js.configure(...)`), nil for a bare call.
        public var receiver: String?
        /// The module the receiver (or the bare `configure`) was bound to, when known.
        public var module: String?
        public var span: Span
        /// The first argument, when there is one and it could be read.
        public var argument: Node?
    }

    public struct Result: Sendable {
        public var read: ReadResult
        public var module: Module

        public init(read: ReadResult, module: Module) {
            self.read = read
            self.module = module
        }
    }

    /// Reads a CommonJS or ES module (`.config.js`, `.cjs`, `.mjs`, app code).
    public static func readModule(_ source: SourceFile, findConfigureCalls: Bool = false) -> Result {
        run(source) { p in
            try p.program()
            if findConfigureCalls {
                p.collectConfigureCalls()
                p.collectAddedLayouts()
                p.collectClusterUse()
                p.collectLoggerCalls()
            }
        }
    }

    /// Reads a file that PM2 evaluates as one JavaScript expression (its `.json` files).
    public static func readExpression(_ source: SourceFile) -> Result {
        run(source) { p in
            p.module.style = .expression
            if p.peek.kind == .eof {
                p.diagnostics.append(
                    SyntaxDiagnostic(
                        .empty, .error,
                        "the file is empty; PM2 evaluates it as \"()\" and fails with a SyntaxError (\"File ... malformated\")",
                        at: Span(0, p.source.bytes.count)))
                return
            }
            p.root = try p.expression()
            if p.peek.kind != .eof {
                throw p.fail("unexpected \(p.describe(p.peek)) after the end of the value")
            }
        }
    }

    /// Lexes `source` and runs `body` on a `ScriptParser` (ScriptParser.swift, with its extensions in
    /// ScriptLiterals.swift and ScriptModuleShape.swift), then finishes the tree.
    static func run(_ source: SourceFile, _ body: (inout ScriptParser) throws -> Void) -> Result {
        if let d = EncodingCheck.diagnose(source) {
            return Result(read: ReadResult(tree: nil, diagnostics: [d]), module: Module())
        }
        let lexed = ScriptLexer.tokenize(source)
        var module = Module()
        module.comments = lexed.comments
        if let e = lexed.error {
            let d =
                lexed.errorCode == .tooDeep
                ? SyntaxDiagnostic(.tooDeep, .error, e.message, at: e.span)
                : SyntaxDiagnostic(.scriptSyntax, .error, "cannot read this JavaScript: \(e.message)", at: e.span)
            return Result(read: ReadResult(tree: nil, diagnostics: [d]), module: module)
        }
        return source.bytes.withUnsafeBufferPointer { buf in
            var p = ScriptParser(source: source, buf: buf, tokens: lexed.tokens)
            p.module = module
            do {
                try p.prepare()
                try body(&p)
            } catch {
                return Result(read: ReadResult(tree: nil, diagnostics: p.diagnostics), module: p.module)
            }
            // configure() arguments are nodes of the tree that nothing else refers to.
            var arguments = p.module.configureCalls.map { $0.argument?.id ?? -1 }
            let tree = p.builder.finish(root: p.root, others: &arguments)
            for (i, id) in arguments.enumerated() where id >= 0 {
                p.module.configureCalls[i].argument = Node(tree: tree, id: id)
            }
            return Result(read: ReadResult(tree: tree, diagnostics: p.diagnostics), module: p.module)
        }
    }
}
