import LogCheckSyntax

/// Applies fixes until nothing changes (as ruff and ESLint do): each pass checks the current
/// content, applies every allowed fix whose edits do not overlap one already taken (the others
/// wait for the next pass), and checks again. A changed file is kept only if it still parses and
/// has no error the original did not have. Nothing is written here.
public struct FixEngine {
    public var settings: Settings
    public var files: FileProvider
    public var allowUnsafe: Bool
    public static let maxPasses = 10

    public init(settings: Settings = Settings(), files: FileProvider = DiskFiles(), allowUnsafe: Bool = false) {
        self.settings = settings
        self.files = files
        self.allowUnsafe = allowUnsafe
    }

    public struct Outcome {
        /// Content as first read, by path, for every file a fix touched.
        public var original: [String: [UInt8]] = [:]
        /// New content of the files that changed and passed validation.
        public var fixed: [String: [UInt8]] = [:]
        /// Files whose fixes were dropped, and why.
        public var rejected: [(path: String, reason: String)] = []
        /// Fixes applied, by rule id.
        public var applied: [String: Int] = [:]
        /// The check of the fixed content.
        public var result: CheckResult
        /// False when fixes kept changing the files for `maxPasses` passes.
        public var converged = true
        /// The rules whose fixes were still applying when the passes ran out.
        public var loopingRules: [String] = []

        public var appliedCount: Int { applied.values.reduce(0, +) }
    }

    /// One input as loaded for a pass.
    public struct Input {
        public var file: InputFile
        /// The name to report (the stdin name for "-").
        public var name: String
        public var bytes: [UInt8]

        public init(file: InputFile, name: String, bytes: [UInt8]) {
            self.file = file
            self.name = name
            self.bytes = bytes
        }
    }

    public func run(_ inputs: [Input], searched directories: [String] = []) -> Outcome {
        var overrides: [String: [UInt8]] = [:]
        var originals: [String: [UInt8]] = [:]
        for i in inputs { originals[Path.normalize(i.name)] = i.bytes }
        let allowed: Set<Applicability> = allowUnsafe ? [.safe, .unsafe] : [.safe]

        /// `touched`: files outside the named ones that are checked too (a fix edited them).
        func check(touched: [String] = [], original: Bool = false) -> CheckResult {
            let provider = OverlayFiles(base: files, overrides: original ? [:] : overrides)
            let docs = inputs.compactMap { input -> Document? in
                let key = Path.normalize(input.name)
                let bytes = original ? input.bytes : overrides[key] ?? input.bytes
                let doc = DocumentLoader.load(SourceFile(path: input.name, bytes: bytes), input: input.file)
                return input.file.fromDirectory
                    && (doc.kind == .unknown || doc.kind == .appCode && doc.inlineConfigs.isEmpty) ? nil : doc
            }
            return Checker(settings: settings, files: provider).run(docs, searched: directories, alsoChecking: touched)
        }

        let first = check()
        var result = first
        var outcome = Outcome(result: first)
        var pass = 0
        while true {
            var byFile: [ObjectIdentifier: (SourceFile, [(Fix, String)])] = [:]
            var order: [ObjectIdentifier] = []
            for d in result.diagnostics {
                guard let fix = d.fixes.first(where: { allowed.contains($0.applicability) }),
                    let file = fix.edits.first?.file
                else { continue }
                let key = ObjectIdentifier(file)
                if byFile[key] == nil {
                    order.append(key)
                    byFile[key] = (file, [])
                }
                byFile[key]!.1.append((fix, d.rule.id))
            }
            var appliedThisPass: [String] = []
            for key in order {
                let (file, fixes) = byFile[key]!
                let outcomeForFile = FixApplier.apply(fixes.map(\.0), to: file)
                guard !outcomeForFile.applied.isEmpty, outcomeForFile.bytes != file.bytes else { continue }
                let path = Path.normalize(file.path)
                if originals[path] == nil, case .success(let b) = files.read(file.path) { originals[path] = b }
                if outcome.original[path] == nil { outcome.original[path] = originals[path] ?? file.bytes }
                overrides[path] = outcomeForFile.bytes
                for index in outcomeForFile.appliedIndices {
                    outcome.applied[fixes[index].1, default: 0] += 1
                    appliedThisPass.append(fixes[index].1)
                }
            }
            if appliedThisPass.isEmpty { break }
            pass += 1
            result = check()
            if pass >= FixEngine.maxPasses {
                outcome.converged = false
                outcome.loopingRules = Array(Set(appliedThisPass)).sorted()
                break
            }
        }

        // Keep a changed file only if it still parses and has no new error. A fix may edit a file
        // that was not named (the log4js config of a named ecosystem file): its findings are
        // checked for this too.
        func errors(_ r: CheckResult, _ path: String) -> [String] {
            r.diagnostics.filter { $0.severity == .error && Path.normalize($0.file.path) == path }.map {
                "\($0.rule.id) \($0.message)"
            }.sorted()
        }
        let unnamed = overrides.keys.filter { key in !inputs.contains { Path.normalize($0.name) == key } }.sorted()
        let checkedBefore = unnamed.isEmpty ? first : check(touched: unnamed, original: true)
        let after = unnamed.isEmpty ? result : check(touched: unnamed)
        for path in overrides.keys.sorted() {
            let before = errors(checkedBefore, path)
            var remaining = before
            var newErrors: [String] = []
            for e in errors(after, path) {
                if let k = remaining.firstIndex(of: e) { remaining.remove(at: k) } else { newErrors.append(e) }
            }
            let parses = !newErrors.contains { $0.hasPrefix("LC0") }
            if !newErrors.isEmpty {
                outcome.rejected.append(
                    (
                        path,
                        !parses
                            ? "the fixed file would not parse"
                            : "the fix would introduce: \(newErrors.joined(separator: "; "))"
                    ))
                overrides[path] = nil
            }
        }
        if !outcome.rejected.isEmpty { result = check() }
        outcome.fixed = overrides.filter { outcome.original[$0.key] != $0.value }
        outcome.result = result
        return outcome
    }
}
