import Foundation
import LogCheckKit
import LogCheckSyntax
import Testing

/// An example's files with the `«»` markers removed, and where the markers were.
struct PreparedExample {
    var sources: [SourceFile] = []
    /// (file name, span) of each marked region, in report order.
    var marks: [(file: String, span: Span)] = []

    init(_ files: [ExampleFile]) {
        for f in files {
            var bytes: [UInt8] = []
            var open: Int? = nil
            for scalar in f.content.unicodeScalars {
                if scalar == "«" {
                    open = bytes.count
                    continue
                }
                if scalar == "»" {
                    marks.append((f.name, Span(open ?? bytes.count, bytes.count)))
                    open = nil
                    continue
                }
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
            sources.append(SourceFile(path: f.name, bytes: bytes))
        }
        marks.sort { $0.file != $1.file ? $0.file < $1.file : $0.span.start < $1.span.start }
    }
}

/// Checks in-memory files as logcheck checks files named together on the command line; a file
/// named .logcheck.yml is the settings, and files the linker looks for are found among them.
func check(_ sources: [SourceFile], settings: String? = nil) -> [Diagnostic] {
    var loaded = SettingsLoader.Loaded(settings: Settings(), diagnostics: [], source: nil)
    if let settings { loaded = SettingsLoader.load(SourceFile(path: ".logcheck.yml", text: settings)) }
    var inputs: [SourceFile] = []
    for s in sources {
        if Path.basename(s.path) == ".logcheck.yml" { loaded = SettingsLoader.load(s) } else { inputs.append(s) }
    }
    let documents = inputs.map { DocumentLoader.load($0, input: InputFile(path: $0.path)) }
    let files = MemoryFiles(Dictionary(sources.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a }))
    let result = Checker(settings: loaded.settings, files: files).run(documents)
    return (loaded.diagnostics + result.diagnostics).sorted(by: Diagnostic.ordered)
}

func check(_ files: [ExampleFile], settings: String? = nil) -> [Diagnostic] {
    check(PreparedExample(files).sources, settings: settings)
}

/// Runs the command in-process.
func run(_ arguments: [String], stdin: String = "", variables: [String: String] = [:], terminal: Bool = false) -> (
    code: ExitCode, out: String, err: String
) {
    let out = StringSink()
    let err = StringSink()
    let bytes = Array(stdin.utf8)
    let command = LogCheckCommand(
        arguments: arguments,
        environment: CommandEnvironment(
            variables: variables, stdoutIsTerminal: terminal, readStdin: { .success(bytes) }),
        stdout: out, stderr: err)
    let code = command.run()
    return (code, out.text, err.text)
}

/// The repository's top directory.
let repositoryRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = Path.dirname(path) }
    return path
}()

/// One directory per test process for every scratch directory the tests make, removed when the
/// process exits.
let scratchRoot: String = {
    let root = NSTemporaryDirectory() + "logcheck-tests-\(getpid())"
    try? FileManager.default.removeItem(atPath: root)
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: scratchRoot) }
    return root
}()

/// A fresh, empty directory (inside `scratchRoot`) whose name starts with `prefix`.
func scratchDirectory(_ prefix: String = "test") throws -> String {
    let dir = scratchRoot + "/" + prefix + "-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// A fresh directory with the given files (path → content).
func tree(_ files: [String: String]) throws -> String {
    let dir = try scratchDirectory()
    for (path, content) in files {
        let full = dir + "/" + path
        try FileManager.default.createDirectory(atPath: Path.dirname(full), withIntermediateDirectories: true)
        try content.write(toFile: full, atomically: false, encoding: .utf8)
    }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func readText(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}

/// The `logcheck` executable of the build the tests belong to (beside the test bundle, so a
/// sanitizer build in another scratch path runs its own).
let logcheckExecutable: String = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let beside = bundle.appendingPathComponent("logcheck").path
    return FileManager.default.isExecutableFile(atPath: beside) ? beside : repositoryRoot + "/.build/debug/logcheck"
}()

/// Every finding on one file, in report order: its rule, severity and message, and its span
/// is the next «» marker of the content.
func expectFindings(
    _ name: String, _ content: String, _ expected: [(rule: String, severity: Severity, message: String)],
    settings: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    let prepared = PreparedExample([ExampleFile(name, content)])
    let found = check(prepared.sources, settings: settings)
    #expect(
        found.map { "\($0.rule.id) \($0.severity.label): \($0.message)" }
            == expected.map { "\($0.rule) \($0.severity.label): \($0.message)" },
        sourceLocation: sourceLocation)
    #expect(
        prepared.marks.count == expected.count, "one «» marker per expected finding", sourceLocation: sourceLocation
    )
    for (d, mark) in zip(found, prepared.marks) {
        #expect(
            d.file.path == mark.file && d.location.span == mark.span,
            "\(d.rule.id) points at \(d.location.file.text(d.location.span))", sourceLocation: sourceLocation)
    }
}
