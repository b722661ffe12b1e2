import LogCheckSyntax

public enum DocumentKind: String, Sendable {
    case ecosystem
    case log4js
    /// JavaScript that is neither an ecosystem file nor a config: an app's code. Its
    /// `log4js.configure({...})` calls are log4js configs in their own right.
    case appCode
    /// A file that starts PM2 from a command line (package.json scripts, a Dockerfile, a
    /// compose file, a Procfile, a shell script, a systemd unit): its apps are checked like an
    /// ecosystem file's.
    case launch
    case unknown

    /// How `--verbose` names the kind.
    public var label: String {
        switch self {
        case .ecosystem: return "a PM2 ecosystem file"
        case .log4js: return "a log4js config"
        case .appCode: return "app code"
        case .launch: return "a file that starts PM2"
        case .unknown: return "an unrecognised file"
        }
    }
}

/// What the user asked to check, expanded into files.
public struct InputFile: Sendable, Equatable {
    /// The path as given, or as found under a directory that was given; "-" for stdin.
    public var path: String
    /// Set by `--ecosystem FILE` / `--log4js FILE`.
    public var declaredKind: DocumentKind?
    /// Found while searching a directory: unrecognised files are then skipped silently.
    public var fromDirectory: Bool
    public var isStdin: Bool { path == "-" }

    public init(path: String, declaredKind: DocumentKind? = nil, fromDirectory: Bool = false) {
        self.path = path
        self.declaredKind = declaredKind
        self.fromDirectory = fromDirectory
    }
}

public struct InputProblem: Error, Sendable, Equatable {
    public var path: String
    public var message: String
}

public enum InputCollector {
    /// Directories never searched.
    public static let skippedDirectories: Set<String> = ["node_modules", ".git", ".hg", ".svn", "bower_components"]
    /// Whether a directory search (and the Link stage's package walk) passes a directory by:
    /// dependencies, version control, and hidden directories (build outputs and caches such as
    /// `.build`, `.next`, `.cache`).
    public static func isSkipped(directory name: String) -> Bool {
        skippedDirectories.contains(name) || name.hasPrefix(".")
    }

    /// Directory trees deeper than this are not searched further.
    public static let maxDirectoryDepth = 64

    /// Expands paths (files, directories, `-`) into input files, in a stable order, each once.
    public static func collect(
        paths: [String], ecosystems: [String] = [], log4js: [String] = []
    ) -> (files: [InputFile], directories: [String], problems: [InputProblem]) {
        var files: [InputFile] = []
        var directories: [String] = []
        var problems: [InputProblem] = []
        var seen = Set<String>()
        func add(_ f: InputFile) {
            let key = Path.normalize(f.path)
            if f.isStdin || seen.insert(key).inserted { files.append(f) }
        }
        for p in ecosystems { add(InputFile(path: p, declaredKind: .ecosystem)) }
        for p in log4js { add(InputFile(path: p, declaredKind: .log4js)) }
        for p in paths {
            if p == "-" {
                add(InputFile(path: p))
                continue
            }
            switch FileSystem.type(of: p) {
            case .directory, .symlinkToDirectory:
                directories.append(p)
                walk(p, depth: 0, add: add, problems: &problems)
            case .missing:
                problems.append(InputProblem(path: p, message: ReadFailure.notFound.message(for: p)))
            default:
                add(InputFile(path: p))
            }
        }
        return (files, directories, problems)
    }

    static func walk(_ root: String, depth: Int, add: (InputFile) -> Void, problems: inout [InputProblem]) {
        // Iterative, so a very deep tree cannot overflow the stack.
        var stack: [(path: String, depth: Int)] = [(root, 0)]
        while let (dir, level) = stack.popLast() {
            let listing: [(name: String, type: FileSystem.EntryType)]
            switch FileSystem.listDirectory(dir) {
            case .success(let l): listing = l
            case .failure(let f):
                problems.append(InputProblem(path: dir, message: f.message(for: dir)))
                continue
            }
            var subdirectories: [String] = []
            for (name, type) in listing {
                let path = FileSystem.join(dir, name)
                switch type {
                case .directory:
                    if isSkipped(directory: name) { continue }
                    if level + 1 > maxDirectoryDepth {
                        problems.append(
                            InputProblem(
                                path: path,
                                message: "\(path): not searched, deeper than \(maxDirectoryDepth) directory levels"))
                        continue
                    }
                    subdirectories.append(path)
                case .file:
                    if isCandidate(name) { add(InputFile(path: path, fromDirectory: true)) }
                default:
                    // Symlinked directories are not followed (no loops); devices, FIFOs skipped.
                    continue
                }
            }
            for d in subdirectories.reversed() { stack.append((d, level + 1)) }
        }
    }

    /// Whether a file found in a directory may be an ecosystem file or a log4js config.
    /// Its content decides afterwards; these are only the names worth reading.
    public static func isCandidate(_ name: String) -> Bool {
        // Files that start PM2 from a command line: package.json, Dockerfiles, compose files,
        // Procfiles, `*.sh`, systemd units (an extensionless shell script is read when named).
        if LaunchReader.kind(ofPath: name, firstLine: nil) != nil { return true }
        let lower = name.lowercased()
        if lower.hasSuffix(".config.js") || lower.hasSuffix(".config.cjs") || lower.hasSuffix(".config.mjs") {
            return true
        }
        let data =
            lower.hasSuffix(".json") || lower.hasSuffix(".json5") || lower.hasSuffix(".yml") || lower.hasSuffix(".yaml")
        guard data else { return false }
        if lower == "package.json" || lower == "package-lock.json" || lower.hasPrefix("tsconfig") { return false }
        return nameHint(lower) != nil
    }

    /// Whether the name alone says what the file is: `ecosystem` (PM2's own name for its files,
    /// `ecosystem.config.js`) or `log4js` in it. Such a file is read as its name says wherever it
    /// is found; a weaker name (`process.json`, `logging.yml`) must also have the shape.
    public static func hasTellingName(_ name: String) -> Bool {
        let lower = Path.basename(name).lowercased()
        return lower.containsBytes("ecosystem") || lower.containsBytes("log4js")
    }

    /// What a file name suggests it is.
    public static func nameHint(_ name: String) -> DocumentKind? {
        let lower = Path.basename(name).lowercased()
        if lower.containsBytes("log4js") || lower.hasPrefix("log.") || lower.hasPrefix("logs.")
            || lower.hasPrefix("logging")
            || lower.hasPrefix("logger") || lower.hasPrefix("log-") || lower.hasPrefix("log_")
        {
            return .log4js
        }
        if lower.containsBytes("ecosystem") || lower.containsBytes("pm2") || lower.hasPrefix("process.")
            || lower.hasPrefix("process-")
        {
            return .ecosystem
        }
        return nil
    }
}
