import LogCheckSyntax

/// What the command line named: files, and directories searched. The Link stage reads around
/// them as far as linking needs; a finding is reported only when its primary or a related
/// location is in scope, so the answer about a file does not depend on what else is named.
struct Scope {
    /// Normalised paths of the named files.
    private var files: Set<String> = []
    /// Absolute paths of the searched directories.
    private var directories: [String] = []
    private let provider: FileProvider

    init(documents: [Document], directories: [String], files provider: FileProvider) {
        self.provider = provider
        for d in documents { files.insert(Path.normalize(d.path)) }
        self.directories = directories.map { provider.absolute($0) }
    }

    mutating func add(_ paths: [String]) {
        for p in paths { files.insert(Path.normalize(p)) }
    }

    /// Whether a directory is one of the searched directories or inside one.
    func searched(_ directory: String) -> Bool {
        guard !directories.isEmpty else { return false }
        let abs = provider.absolute(directory)
        return directories.contains { $0 == "/" || abs == $0 || abs.hasPrefix($0 + "/") }
    }

    func contains(_ path: String) -> Bool {
        files.contains(Path.normalize(path)) || searched(Path.dirname(path))
    }
}
