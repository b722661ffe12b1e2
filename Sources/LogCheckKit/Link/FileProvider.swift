import LogCheckSyntax

/// Where the Link stage reads the project around the inputs: app code, the log4js configs it
/// names, the ecosystem files and package.json files of a project. Paths are as the user would
/// see them (relative to the current directory, or absolute); `absolute(_:)` places them.
public protocol FileProvider: Sendable {
    func read(_ path: String) -> Result<[UInt8], ReadFailure>
    /// The entries of a directory, sorted by name; nil when it is not a readable directory.
    func list(_ directory: String) -> [(name: String, type: FileSystem.EntryType)]?
    /// Whether a file or directory exists at the path.
    func exists(_ path: String) -> Bool
    /// The path made absolute (resolved against the current directory) and normalised.
    func absolute(_ path: String) -> String
}

extension FileProvider {
    /// The directory above `directory`, in the same form (`services/api` → `services` → `.` →
    /// `..`); nil at the filesystem root.
    func parent(of directory: String) -> String? {
        let dir = Path.normalize(directory)
        if absolute(dir) == "/" { return nil }
        let dotsOnly = dir.split(separator: "/").allSatisfy { $0 == ".." }
        if dir == "." { return ".." }
        if dotsOnly { return dir + "/.." }
        return Path.dirname(dir)
    }
}

public struct DiskFiles: FileProvider {
    /// The current directory when the provider was made: relative paths are relative to it.
    let currentDirectory: String

    public init() { currentDirectory = FileSystem.currentDirectory() }

    public func read(_ path: String) -> Result<[UInt8], ReadFailure> { FileSystem.readFile(path) }

    public func list(_ directory: String) -> [(name: String, type: FileSystem.EntryType)]? {
        if case .success(let entries) = FileSystem.listDirectory(directory) { return entries }
        return nil
    }

    public func exists(_ path: String) -> Bool { FileSystem.exists(path) }

    public func absolute(_ path: String) -> String { Path.resolve(currentDirectory, path) }
}

/// Files in memory, keyed by normalised path (for tests, stdin-only runs and editor buffers).
/// Relative paths are relative to a current directory of `/memory`.
public struct MemoryFiles: FileProvider {
    public private(set) var files: [String: [UInt8]]
    /// Each directory's entries, derived from the file paths.
    private var directories: [String: [(name: String, type: FileSystem.EntryType)]] = [:]

    public init(_ files: [String: [UInt8]] = [:]) {
        var normalised: [String: [UInt8]] = [:]
        for (k, v) in files { normalised[Path.normalize(k)] = v }
        self.files = normalised
        var entries: [String: [String: FileSystem.EntryType]] = [:]
        for path in normalised.keys {
            var child = path
            var type = FileSystem.EntryType.file
            while true {
                let dir = Path.dirname(child)
                if dir == child { break }
                let name = Path.basename(child)
                let known = entries[dir]?[name] != nil
                entries[dir, default: [:]][name] = type
                if known || dir == "." || dir == "/" { break }
                child = dir
                type = .directory
            }
        }
        for (dir, names) in entries {
            directories[dir] = names.map { ($0.key, $0.value) }.sorted { $0.name < $1.name }
        }
    }

    public func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        files[Path.normalize(path)].map { .success($0) } ?? .failure(.notFound)
    }

    public func list(_ directory: String) -> [(name: String, type: FileSystem.EntryType)]? {
        directories[Path.normalize(directory)]
    }

    public func exists(_ path: String) -> Bool {
        let key = Path.normalize(path)
        return files[key] != nil || directories[key] != nil
    }

    public func absolute(_ path: String) -> String { Path.resolve("/memory", path) }
}

/// Files in memory over another provider: the fixed content of files during `--fix`, or an
/// editor's unsaved buffers; every other file as the base provider has it.
public struct OverlayFiles: FileProvider {
    public var base: FileProvider
    public var overrides: [String: [UInt8]]

    public init(base: FileProvider, overrides: [String: [UInt8]]) {
        self.base = base
        var normalised: [String: [UInt8]] = [:]
        for (k, v) in overrides { normalised[Path.normalize(k)] = v }
        self.overrides = normalised
    }

    public func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        if let b = overrides[Path.normalize(path)] { return .success(b) }
        return base.read(path)
    }

    public func list(_ directory: String) -> [(name: String, type: FileSystem.EntryType)]? {
        let dir = Path.normalize(directory)
        let extra = overrides.keys.filter { Path.dirname($0) == dir }.map { Path.basename($0) }
        guard var entries = base.list(dir) else {
            return extra.isEmpty ? nil : extra.sorted().map { ($0, .file) }
        }
        for name in extra where !entries.contains(where: { $0.name == name }) { entries.append((name, .file)) }
        return entries.sorted { $0.name < $1.name }
    }

    public func exists(_ path: String) -> Bool { overrides[Path.normalize(path)] != nil || base.exists(path) }

    public func absolute(_ path: String) -> String { base.absolute(path) }
}
