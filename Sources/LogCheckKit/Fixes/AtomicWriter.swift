#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that it is either entirely the old content or entirely the new one: a
/// temporary file in the same directory, fsync, the original's permissions, then rename over the
/// original. A symlink is followed to its target, which is edited in place of the link.
public enum AtomicWriter {
    public enum Failure: Error, Equatable, Sendable {
        /// The file is not what logcheck read: someone changed it meanwhile.
        case changedOnDisk
        case system(String)
        /// Injected by tests between writing the temporary file and renaming it.
        case interrupted
    }

    /// The real path of `path`, following symlinks (nil when it cannot be resolved).
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Replaces the file at `path` with `bytes`, provided it still holds `expected`; nil on success.
    public static func write(
        _ bytes: [UInt8], to path: String, expecting expected: [UInt8], interruptBeforeRename: Bool = false
    ) -> Failure? {
        replace(path, with: bytes, expecting: expected, interruptBeforeRename: interruptBeforeRename)
    }

    /// Writes a file logcheck owns (a baseline): replaces it whatever it holds, or creates it
    /// (mode 0644) when it does not exist.
    public static func create(_ bytes: [UInt8], at path: String) -> Failure? {
        replace(path, with: bytes, expecting: nil, interruptBeforeRename: false)
    }

    static func replace(_ path: String, with bytes: [UInt8], expecting expected: [UInt8]?, interruptBeforeRename: Bool)
        -> Failure?
    {
        let target = realPath(path) ?? path
        if let expected {
            switch FileSystem.readFile(target) {
            case .success(let current) where current == expected: break
            case .success: return .changedOnDisk
            case .failure(let f): return .system(f.message(for: target))
            }
        }
        // The new file keeps the old one's permissions; a file that does not exist yet (only
        // when nothing is expected) gets 0644.
        var mode: mode_t = 0o644
        var st = stat()
        if stat(target, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFREG else { return .system("\(target): not a regular file") }
            mode = st.st_mode & 0o7777
        } else if expected != nil {
            return .system("\(target): \(String(cString: strerror(errno)))")
        }
        let dir = Path.dirname(target)
        var template = Array((FileSystem.join(dir, "." + Path.basename(target) + ".logcheck-XXXXXX")).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            return .system("\(dir): cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = true
        bytes.withUnsafeBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += n
            }
        }
        if ok { ok = fchmod(fd, mode) == 0 }
        if ok { ok = fsync(fd) == 0 }
        close(fd)
        guard ok else {
            let message = String(cString: strerror(errno))
            unlink(tempPath)
            return .system("\(target): cannot write: \(message)")
        }
        if interruptBeforeRename {
            unlink(tempPath)
            return .interrupted
        }
        // A last check: the file must not have changed while the new content was being written.
        if let expected, case .success(let current) = FileSystem.readFile(target), current != expected {
            unlink(tempPath)
            return .changedOnDisk
        }
        guard rename(tempPath, target) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(tempPath)
            return .system("\(target): cannot replace: \(message)")
        }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
        return nil
    }
}
