import LogCheckSyntax

public enum LogCheck {
    public static let version = "0.1.0"
}

/// Exit codes, documented in README and `--help`.
public enum ExitCode: Int32, Sendable {
    /// No finding at or above the fail-on severity.
    case clean = 0
    /// At least one finding at or above the fail-on severity.
    case findings = 1
    /// Usage error, or an input could not be read.
    case usage = 2
    /// logcheck itself failed.
    case internalFailure = 3
}

/// Where the command writes text.
public protocol TextSink: AnyObject {
    func write(_ text: String)
}

public final class StringSink: TextSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}

/// What the command needs from its process, so that tests run it in-process.
public struct CommandEnvironment: Sendable {
    /// The environment variables the command reads (`LOGCHECK_THREADS` is read where the
    /// threads start).
    public static let variablesRead = ["GITHUB_ACTIONS", "NO_COLOR"]

    /// Environment variables, of which the command reads `variablesRead`.
    public var variables: [String: String]
    public var stdoutIsTerminal: Bool
    public var readStdin: @Sendable () -> Result<[UInt8], ReadFailure>
    /// The next bytes standard input has (as many as have arrived), nil at its end: what
    /// `logcheck lsp` reads its messages with.
    public var readStdinChunk: @Sendable () -> [UInt8]?

    public init(
        variables: [String: String] = [:], stdoutIsTerminal: Bool = false,
        readStdin: @escaping @Sendable () -> Result<[UInt8], ReadFailure> = { .success([]) },
        readStdinChunk: (@Sendable () -> [UInt8]?)? = nil
    ) {
        self.variables = variables
        self.stdoutIsTerminal = stdoutIsTerminal
        self.readStdin = readStdin
        if let readStdinChunk {
            self.readStdinChunk = readStdinChunk
        } else {
            // Without a reader of its own, standard input arrives at once.
            let once = OnceBytes(readStdin)
            self.readStdinChunk = { once.take() }
        }
    }
}

/// Bytes read once, given out once.
final class OnceBytes: @unchecked Sendable {
    private var read: (() -> Result<[UInt8], ReadFailure>)?
    init(_ read: @escaping () -> Result<[UInt8], ReadFailure>) { self.read = read }
    func take() -> [UInt8]? {
        guard let r = read else { return nil }
        read = nil
        if case .success(let bytes) = r(), !bytes.isEmpty { return bytes }
        return nil
    }
}

/// The whole command line tool as a value: arguments in, text out, an exit code back.
public struct LogCheckCommand {
    public var arguments: [String]
    public var environment: CommandEnvironment
    public var stdout: TextSink
    public var stderr: TextSink

    public init(arguments: [String], environment: CommandEnvironment, stdout: TextSink, stderr: TextSink) {
        self.arguments = arguments
        self.environment = environment
        self.stdout = stdout
        self.stderr = stderr
    }

    public func run() -> ExitCode {
        let options: Options
        do {
            options = try OptionParser.parse(arguments)
        } catch let e as UsageError {
            stderr.write("logcheck: \(e.message)\nTry 'logcheck --help' for usage.\n")
            return .usage
        } catch {
            stderr.write("logcheck: \(error)\n")
            return .usage
        }
        if options.showHelp {
            stdout.write(OptionParser.help())
            return .clean
        }
        if options.showVersion {
            stdout.write("logcheck \(LogCheck.version)\n")
            return .clean
        }
        switch options.subcommand {
        case .rules:
            stdout.write(RuleDocs.list())
            return .clean
        case .explain(let name):
            guard let rule = RuleRegistry.find(name) else {
                let suggestion = Suggest.closest(name, among: RuleRegistry.all.map { $0.slug })
                stderr.write(
                    "logcheck: no rule named '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                        + "\nRun 'logcheck rules' to list them.\n")
                return .usage
            }
            stdout.write(RuleDocs.page(rule))
            return .clean
        case .check:
            return check(options)
        case .lsp:
            return serve()
        }
    }

    /// The settings: the nearest .logcheck.yml (or --config), then the command line on top.
    func loadSettings(_ options: Options) -> Result<SettingsLoader.Loaded, InputProblem> {
        var loaded = SettingsLoader.Loaded(settings: Settings(), diagnostics: [], source: nil)
        if !options.noConfig {
            let path =
                options.configPath
                ?? SettingsLoader.find(from: FileSystem.currentDirectory()).map { relativeToCurrentDirectory($0) }
            if let path {
                switch FileSystem.readFile(path) {
                case .success(let bytes):
                    loaded = SettingsLoader.load(SourceFile(path: path, bytes: bytes))
                    loaded.settings.root = Path.resolve(FileSystem.currentDirectory(), Path.dirname(path))
                case .failure(let f): return .failure(InputProblem(path: path, message: f.message(for: path)))
                }
            }
        }
        if !options.select.isEmpty { loaded.settings.select = options.select }
        loaded.settings.ignore += options.ignore
        if let f = options.failOn { loaded.settings.failOn = f }
        return .success(loaded)
    }

    func relativeToCurrentDirectory(_ path: String) -> String {
        let cwd = FileSystem.currentDirectory()
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }

    /// `logcheck lsp`: reads LSP messages from standard input until `exit` (or its end) and
    /// writes the replies to standard output.
    func serve() -> ExitCode {
        let server = LanguageServer()
        var framer = MessageFramer()
        while server.exitCode == nil, let chunk = environment.readStdinChunk() {
            framer.append(chunk)
            do {
                while server.exitCode == nil, let body = try framer.next() {
                    for reply in server.handle(body) {
                        stdout.write(String(decoding: MessageFramer.frame(reply), as: UTF8.self))
                    }
                }
            } catch let e as MessageFramer.Malformed {
                stderr.write("logcheck lsp: the input is not LSP messages: \(e.reason)\n")
                return .usage
            } catch {
                return .internalFailure
            }
        }
        return server.exitCode == 0 ? .clean : .findings
    }

    func check(_ options: Options) -> ExitCode {
        let loaded: SettingsLoader.Loaded
        switch loadSettings(options) {
        case .success(let l): loaded = l
        case .failure(let p):
            stderr.write("logcheck: \(p.message)\n")
            return .usage
        }
        if options.showSettings {
            stdout.write(SettingsPrinter.render(loaded.settings, source: loaded.source?.path))
            return .clean
        }
        var baseline: LoadedBaseline? = nil
        if let path = options.baseline {
            switch loadBaseline(path) {
            case .success(let b): baseline = b
            case .failure(let error):
                stderr.write("logcheck: \(error.message)\n")
                return .usage
            }
        }
        var paths = options.paths
        if paths.isEmpty && options.ecosystems.isEmpty && options.log4jsConfigs.isEmpty { paths = ["."] }
        var collected = InputCollector.collect(
            paths: paths, ecosystems: options.ecosystems, log4js: options.log4jsConfigs)
        var problems = collected.problems
        var inputs: [FixEngine.Input] = []
        // Files are read in parallel (most of the time is in the system calls), then kept in order.
        let environment = environment
        for read in Parallel.map(
            collected.files,
            { input -> Result<FixEngine.Input, InputProblem> in
                let bytes: Result<[UInt8], ReadFailure> =
                    input.isStdin ? environment.readStdin() : FileSystem.readFile(input.path)
                let name = input.isStdin ? (options.stdinFilename ?? "<stdin>") : input.path
                switch bytes {
                case .success(let b): return .success(FixEngine.Input(file: input, name: name, bytes: b))
                case .failure(let f): return .failure(InputProblem(path: name, message: f.message(for: name)))
                }
            })
        {
            switch read {
            case .success(let input): inputs.append(input)
            case .failure(let problem): problems.append(problem)
            }
        }
        collected.files = []
        for p in problems { stderr.write("logcheck: \(p.message)\n") }
        if options.fix || options.diff {
            return fix(
                inputs, loaded, options, baseline: baseline, searched: collected.directories,
                problems: !problems.isEmpty)
        }
        let documents = Parallel.map(inputs) { input -> Document? in
            let doc = DocumentLoader.load(SourceFile(path: input.name, bytes: input.bytes), input: input.file)
            return input.file.fromDirectory
                && (doc.kind == .unknown || doc.kind == .appCode && doc.inlineConfigs.isEmpty) ? nil : doc
        }.compactMap { $0 }
        // The documents hold the files now; the lists that led to them are not needed.
        inputs = []
        var checker = Checker(settings: loaded.settings, files: DiskFiles())
        checker.explainsLinks = options.verbose
        checker.keepsTrees = baseline != nil || options.writeBaseline != nil
        let result = checker.run(documents, searched: collected.directories)
        if let path = options.writeBaseline {
            return writeBaseline(result, loaded, to: path, problems: !problems.isEmpty)
        }
        let diagnostics = emitReport(result, loaded, options, baseline: baseline, to: stdout)
        if !problems.isEmpty { return .usage }
        return diagnostics.contains { $0.severity >= loaded.settings.failOn } ? .findings : .clean
    }

    /// Prints the report of a run (and the verbose lines); returns every finding reported.
    @discardableResult
    func emitReport(
        _ result: consuming CheckResult, _ loaded: SettingsLoader.Loaded, _ options: Options, baseline: LoadedBaseline?,
        to sink: TextSink, fixed: Int = 0
    ) -> [Diagnostic] {
        // Taken out of the result so that sorting and filtering work on the one copy.
        var diagnostics = result.diagnostics
        result.diagnostics = []
        if !loaded.diagnostics.isEmpty {
            diagnostics += loaded.diagnostics
            diagnostics.sortInReportOrder()
        }
        var hidden = 0
        if let baseline {
            (diagnostics, hidden) = baseline.baseline.filter(
                diagnostics, documents: result.documents, directory: baseline.directory,
                cwd: FileSystem.currentDirectory())
        }
        var report = Report(diagnostics: diagnostics, fileCount: result.documents.count)
        report.fixedCount = fixed
        report.baselineCount = hidden
        if options.verbose {
            report.verboseLines =
                result.documents.map { "read \($0.path) as \($0.label) (\($0.format.rawValue))" } + result.verbose
            if let s = loaded.source { stderr.write("logcheck: settings from \(s.path)\n") }
            for line in report.verboseLines { stderr.write("logcheck: \(line)\n") }
        }
        if options.statistics {
            sink.write(StatisticsReporter(summary: options.quiet ? nil : TextReporter(color: false)).render(report))
            return diagnostics
        }
        let format = options.format ?? (environment.variables["GITHUB_ACTIONS"] == "true" ? .github : .text)
        reporter(format, options).write(report, to: sink)
        return diagnostics
    }

    struct LoadedBaseline {
        var baseline: Baseline
        /// The baseline file's directory: the paths in it are relative to it.
        var directory: String
    }

    func loadBaseline(_ path: String) -> Result<LoadedBaseline, BaselineError> {
        switch FileSystem.readFile(path) {
        case .success(let bytes):
            return Baseline.parse(SourceFile(path: path, bytes: bytes)).map {
                LoadedBaseline(baseline: $0, directory: Path.dirname(path))
            }
        case .failure(let f):
            return .failure(BaselineError(message: f.message(for: path)))
        }
    }

    /// `--write-baseline FILE`: records every current finding; exit 0 unless an input could not be read.
    func writeBaseline(_ result: CheckResult, _ loaded: SettingsLoader.Loaded, to path: String, problems: Bool)
        -> ExitCode
    {
        let diagnostics = loaded.diagnostics + result.diagnostics
        let text = Baseline.render(
            diagnostics, documents: result.documents, directory: Path.dirname(path), cwd: FileSystem.currentDirectory())
        if let failure = AtomicWriter.create(Array(text.utf8), at: path) {
            switch failure {
            case .system(let message): stderr.write("logcheck: cannot write the baseline: \(message)\n")
            case .changedOnDisk, .interrupted: stderr.write("logcheck: cannot write the baseline \(path)\n")
            }
            return .usage
        }
        let n = diagnostics.count
        stderr.write("logcheck: recorded \(n) finding\(n == 1 ? "" : "s") in \(path)\n")
        return problems ? .usage : .clean
    }

    /// `--fix` and `--diff`.
    func fix(
        _ inputs: [FixEngine.Input], _ loaded: SettingsLoader.Loaded, _ options: Options, baseline: LoadedBaseline?,
        searched: [String], problems: Bool
    ) -> ExitCode {
        let engine = FixEngine(settings: loaded.settings, files: DiskFiles(), allowUnsafe: options.unsafeFixes)
        let outcome = engine.run(inputs, searched: searched)
        for (path, reason) in outcome.rejected {
            stderr.write("logcheck: \(path): fixes not applied: \(reason)\n")
        }
        if !outcome.converged {
            stderr.write(
                "logcheck: internal error: fixes kept changing the files after \(FixEngine.maxPasses) passes (rules: \(outcome.loopingRules.joined(separator: ", "))); nothing was written\n"
            )
            return .internalFailure
        }
        let stdinName = inputs.first { $0.file.isStdin }.map { Path.normalize($0.name) }
        if options.diff {
            var text = ""
            for path in outcome.fixed.keys.sorted() {
                text += UnifiedDiff.render(path: path, old: outcome.original[path] ?? [], new: outcome.fixed[path]!)
            }
            stdout.write(text)
            let n = outcome.appliedCount
            stderr.write(
                n == 0
                    ? "logcheck: nothing to fix\n"
                    : "logcheck: --fix would fix \(n) problem\(n == 1 ? "" : "s") in \(outcome.fixed.count) file\(outcome.fixed.count == 1 ? "" : "s")\n"
            )
            if problems { return .usage }
            return outcome.fixed.isEmpty ? .clean : .findings
        }
        var failed = false
        for path in outcome.fixed.keys.sorted() where path != stdinName {
            switch AtomicWriter.write(outcome.fixed[path]!, to: path, expecting: outcome.original[path] ?? []) {
            case nil: break
            case .changedOnDisk?:
                stderr.write("logcheck: \(path) changed on disk while logcheck was fixing it; it was not written\n")
                failed = true
            case .system(let message)?:
                stderr.write("logcheck: \(message)\n")
                failed = true
            case .interrupted?:
                failed = true
            }
        }
        // With stdin, the fixed text goes to stdout and the report to stderr.
        let reportSink: TextSink = stdinName != nil ? stderr : stdout
        if let stdinName, let input = inputs.first(where: { $0.file.isStdin }) {
            stdout.write(String(decoding: outcome.fixed[stdinName] ?? input.bytes, as: UTF8.self))
        }
        let diagnostics = emitReport(
            outcome.result, loaded, options, baseline: baseline, to: reportSink, fixed: outcome.appliedCount)
        if failed || problems { return .usage }
        return diagnostics.contains { $0.severity >= loaded.settings.failOn } ? .findings : .clean
    }

    func reporter(_ format: OutputFormat, _ options: Options) -> Reporter {
        switch format {
        case .text:
            let noColor = !(environment.variables["NO_COLOR"] ?? "").isEmpty
            let color: Bool
            switch options.color {
            case .always: color = true
            case .never: color = false
            case .auto: color = environment.stdoutIsTerminal && !noColor
            }
            return TextReporter(color: color, quiet: options.quiet)
        case .json:
            return JSONReporter()
        case .github:
            return GitHubReporter()
        case .sarif:
            return SARIFReporter()
        }
    }
}
