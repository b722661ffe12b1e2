import LogCheckSyntax

/// Runs every check over a set of documents: what each reader found, then the rules on the
/// models. Rules never read files; they see documents and models only.
public struct Checker: Sendable {
    public init() {}

    /// Findings for one document on its own (reader findings, file rules).
    public func checkDocument(_ doc: Document) -> [Diagnostic] {
        var sink = DiagnosticSink()
        for s in doc.read.diagnostics {
            sink.emit(Checker.diagnostic(from: s, in: doc))
        }
        if doc.kind == .unknown && !doc.input.fromDirectory && doc.read.tree != nil && !doc.read.hasErrors {
            sink.emit(
                LC011UnrecognisedFile.description,
                "logcheck does not recognise this file: it has none of the top-level keys of a PM2 ecosystem file (apps, pm2, deploy, script) or of a log4js config (appenders, categories), so nothing in it was checked",
                at: Location(doc.source, doc.root?.span ?? Span(0, 0)),
                help: "name its kind with --ecosystem \(doc.path) or --log4js \(doc.path)")
        }
        if doc.kind == .log4js, let root = doc.root {
            sink.append(contentsOf: Checker.checkLog4js(Log4jsConfig(root: root)))
        }
        return sink.diagnostics
    }

    /// Findings of every log4js rule on one config.
    public static func checkLog4js(_ config: Log4jsConfig) -> [Diagnostic] {
        var context = Log4jsContext(config: config)
        for rule in RuleRegistry.log4jsRules { rule.check(&context) }
        return context.diagnostics
    }

    /// Findings for all documents, ordered.
    public func check(_ documents: [Document]) -> [Diagnostic] {
        var all: [Diagnostic] = []
        for doc in documents {
            all.append(contentsOf: checkDocument(doc))
        }
        all.sort(by: Diagnostic.ordered)
        return all
    }

    static func diagnostic(from s: SyntaxDiagnostic, in doc: Document) -> Diagnostic {
        let rule = RuleRegistry.description(for: s.code)
        let severity: Severity = s.severity == .error ? .error : (s.severity == .warning ? .warning : .info)
        var notes = Array(s.notes.dropFirst())
        switch (doc.kind, s.code) {
        case (.log4js, .jsonSyntax), (.log4js, .empty) where doc.strictJSON:
            notes.append("log4js reads this file with JSON.parse, so configure() throws \"Problem reading config from file\" at start-up (log4js.js:47-57)")
        case (.ecosystem, .scriptSyntax), (.ecosystem, .yamlSyntax), (.ecosystem, .empty), (.ecosystem, .multipleDocuments):
            notes.append("`pm2 start` stops with \"[PM2][ERROR] File \(Path.basename(doc.path)) malformated\" and starts no app (API.js:924-937)")
        default:
            break
        }
        return Diagnostic(
            rule: rule, severity: severity, message: s.message, location: Location(doc.source, s.span),
            related: s.related.map { RelatedLocation(Location(doc.source, $0.span), $0.message) },
            notes: notes, help: s.notes.first)
    }
}
