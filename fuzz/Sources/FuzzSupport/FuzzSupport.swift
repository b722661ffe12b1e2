// What each fuzz target checks on an input, shared by the libFuzzer targets (which trap on a
// problem) and FuzzRegressionTests (which replays fixtures/fuzz-regressions/ in `make test`).
import LogCheckKit
import LogCheckSyntax

public enum FuzzChecks {
    public static let targets = ["fuzz-yaml", "fuzz-json", "fuzz-script", "fuzz-check", "fuzz-shell", "fuzz-launch"]

    /// File names `fuzz-check` reads its input as: the first byte picks one (modulo the count).
    public static let checkNames = [
        "ecosystem.config.js", "ecosystem.json", "ecosystem.yml", "log4js.json", "log4js.yaml",
    ]

    /// The broken promises of `target` on `bytes`; empty when the input passes. A crash, a hang
    /// or a stack overflow shows itself instead.
    public static func run(_ target: String, _ bytes: [UInt8]) -> [String] {
        switch target {
        case "fuzz-yaml":
            let s = SourceFile(path: "ecosystem.yml", bytes: bytes)
            return treeProblems(YAMLReader.read(s), s)
        case "fuzz-json":
            let s = SourceFile(path: "log4js.json", bytes: bytes)
            return treeProblems(JSONReader.read(s), s)
        case "fuzz-script":
            let module = SourceFile(path: "ecosystem.config.js", bytes: bytes)
            let expression = SourceFile(path: "ecosystem.json", bytes: bytes)
            return treeProblems(ScriptReader.readModule(module).read, module)
                + treeProblems(ScriptReader.readExpression(expression).read, expression)
        case "fuzz-check":
            return checkProblems(bytes)
        case "fuzz-shell":
            let s = SourceFile(path: "run.sh", bytes: bytes)
            let r = ShellReader.read(ShellText(source: s, span: Span(0, bytes.count)))
            return commandProblems(r.commands.map { ($0, "") }, r.diagnostics, s)
        case "fuzz-launch":
            return launchProblems(bytes)
        default:
            return ["no fuzz target \(target)"]
        }
    }

    static func inside(_ span: Span, _ count: Int) -> Bool {
        span.start >= 0 && span.start <= span.end && span.end <= count
    }

    /// Every diagnostic and node span lies inside the file and has a line and column. The walk
    /// uses an explicit stack, so a deep tree cannot overflow it.
    static func treeProblems(_ result: ReadResult, _ source: SourceFile) -> [String] {
        var problems: [String] = []
        for d in result.diagnostics {
            if inside(d.span, source.bytes.count) {
                _ = source.lineColumn(of: d.span.start)
            } else {
                problems.append("\(source.path): diagnostic span \(d.span) outside the file: \(d.message)")
            }
        }
        guard let root = result.root else { return problems }
        var stack = [root]
        var visited = 0
        while let node = stack.popLast(), visited < 1_000_000 {
            visited += 1
            if !inside(node.span, source.bytes.count) {
                problems.append("\(source.path): node span \(node.span) outside the file")
            }
            _ = node.scalar
            for entry in node.entries {
                stack.append(entry.keyNode)
                stack.append(entry.value)
            }
            stack.append(contentsOf: node.elements)
            stack.append(contentsOf: node.alternatives)
        }
        return problems
    }

    /// Every command, word, assignment and diagnostic span lies inside the file.
    static func commandProblems(
        _ commands: [(ShellCommand, String)], _ diagnostics: [SyntaxDiagnostic], _ source: SourceFile
    ) -> [String] {
        let count = source.bytes.count
        var problems: [String] = []
        for d in diagnostics where !inside(d.span, count) {
            problems.append("\(source.path): diagnostic span \(d.span) outside the file: \(d.message)")
        }
        for (c, origin) in commands {
            let spans = [c.span] + c.words.map(\.span) + c.assignments.flatMap { [$0.span, $0.value.span] }
            for span in spans where !inside(span, count) {
                problems.append("\(source.path): \(origin) command span \(span) outside the file")
            }
        }
        return problems
    }

    /// Every launch file kind on the bytes: the commands' spans, and the tree of the apps their
    /// PM2 command lines start, lie inside the file.
    static func launchProblems(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        for kind in LaunchFileKind.allCases {
            let s = SourceFile(path: kind.rawValue, bytes: bytes)
            let file = LaunchReader.read(s, kind: kind)
            problems += commandProblems(file.commands.map { ($0.command, $0.origin) }, file.diagnostics, s)
            for c in file.commands where !inside(c.originSpan, bytes.count) {
                problems.append("\(kind): origin span \(c.originSpan) outside the file")
            }
            problems += treeProblems(LaunchSites.read(s, kind: kind).1, s)
        }
        return problems
    }

    /// The whole check and `--fix --unsafe-fixes`, in memory: every finding's span lies inside
    /// its file, and a fixed file still reads.
    static func checkProblems(_ bytes: [UInt8]) -> [String] {
        guard let first = bytes.first else { return [] }
        let name = checkNames[Int(first) % checkNames.count]
        let content = Array(bytes.dropFirst())
        let input = FixEngine.Input(file: InputFile(path: name), name: name, bytes: content)
        let outcome = FixEngine(files: MemoryFiles([name: content]), allowUnsafe: true).run([input])
        var problems: [String] = []
        for d in outcome.result.diagnostics {
            if inside(d.location.span, d.file.bytes.count) {
                _ = d.location.start
                _ = d.location.end
            } else {
                problems.append("\(d.rule.id): span \(d.location.span) outside \(d.file.path)")
            }
        }
        if let fixed = outcome.fixed[name],
            DocumentLoader.load(SourceFile(path: name, bytes: fixed), input: InputFile(path: name)).read.tree == nil
        {
            problems.append("a fix made \(name) unreadable")
        }
        return problems
    }
}
