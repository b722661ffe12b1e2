import LogCheckSyntax

/// Where the linker reads files it was not given: app code and the log4js configs it names.
public protocol FileProvider: Sendable {
    func read(_ path: String) -> Result<[UInt8], ReadFailure>
}

public struct DiskFiles: FileProvider {
    public init() {}
    public func read(_ path: String) -> Result<[UInt8], ReadFailure> { FileSystem.readFile(path) }
}

/// Files in memory, keyed by normalised path (for tests and stdin-only runs).
public struct MemoryFiles: FileProvider {
    public var files: [String: [UInt8]]

    public init(_ files: [String: [UInt8]] = [:]) {
        var normalised: [String: [UInt8]] = [:]
        for (k, v) in files { normalised[Path.normalize(k)] = v }
        self.files = normalised
    }

    public func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        files[Path.normalize(path)].map { .success($0) } ?? .failure(.notFound)
    }
}

/// Files in memory over another provider: the fixed content of files, the rest as on disk.
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
}
