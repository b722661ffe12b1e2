#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an input could not be read. Each becomes a one-line message naming the path, and exit code 2.
public enum ReadFailure: Error, Sendable, Equatable {
    case notFound
    case permissionDenied
    case isDirectory
    case notRegularFile
    case tooLarge(Int)
    case system(String)

    public func message(for path: String) -> String {
        switch self {
        case .notFound: return "\(path): no such file or directory"
        case .permissionDenied: return "\(path): permission denied"
        case .isDirectory: return "\(path): is a directory"
        case .notRegularFile:
            return "\(path): not a regular file (a device, FIFO or socket); logcheck reads only regular files"
        case .tooLarge(let size):
            return
                "\(path): the file is \(size) bytes, above logcheck's limit of \(FileSystem.maxFileSize) bytes (\(FileSystem.maxFileSize >> 20) MiB); no real config is this large"
        case .system(let text): return "\(path): \(text)"
        }
    }
}

/// Plain POSIX file access: no Foundation, so logcheck starts in milliseconds.
public enum FileSystem {
    /// Files above this size are refused.
    public static let maxFileSize = 128 << 20

    static func failure(_ code: Int32) -> ReadFailure {
        switch code {
        case ENOENT, ENOTDIR: return .notFound
        case EACCES, EPERM: return .permissionDenied
        case EISDIR: return .isDirectory
        default: return .system(String(cString: strerror(code)))
        }
    }

    public static func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { return .failure(failure(errno)) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { return .failure(failure(errno)) }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(.isDirectory) }
        if type != S_IFREG { return .failure(.notRegularFile) }
        let size = Int(st.st_size)
        if size > maxFileSize { return .failure(.tooLarge(size)) }
        return readAll(fd, expected: size)
    }

    /// Reads standard input (or any descriptor) up to the size limit. `expected` is the size the
    /// descriptor is believed to have: it is read straight into a buffer of that size, and only a
    /// file that grew meanwhile (or a pipe) goes through further chunks.
    public static func readAll(_ fd: Int32, expected: Int = 0) -> Result<[UInt8], ReadFailure> {
        var bytes = [UInt8]()
        var failed: ReadFailure? = nil
        if expected > 0 {
            bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
                count = 0
                while count < expected {
                    let n = read(fd, buffer.baseAddress! + count, expected - count)
                    if n < 0 {
                        if errno == EINTR || errno == EAGAIN { continue }
                        failed = failure(errno)
                        return
                    }
                    if n == 0 { break }
                    count += n
                }
            }
            if let failed { return .failure(failed) }
            if bytes.count < expected { return .success(bytes) }
        }
        var chunk = [UInt8](repeating: 0, count: expected > 0 ? 4096 : 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    // A non-blocking descriptor with nothing yet (stdin from a slow pipe): wait.
                    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&p, 1, -1)
                    continue
                }
                return .failure(failure(errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maxFileSize { return .failure(.tooLarge(bytes.count)) }
        }
        return .success(bytes)
    }

    public enum EntryType: Sendable {
        case file
        case directory
        case symlinkToDirectory
        case other
        case missing
    }

    /// The type of a path, following symlinks for files.
    public static func type(of path: String) -> EntryType {
        var st = stat()
        if lstat(path, &st) != 0 { return .missing }
        var type = st.st_mode & S_IFMT
        if type == S_IFLNK {
            if stat(path, &st) != 0 { return .missing }
            type = st.st_mode & S_IFMT
            if type == S_IFDIR { return .symlinkToDirectory }
        }
        if type == S_IFDIR { return .directory }
        if type == S_IFREG { return .file }
        return .other
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Names in a directory (without `.` and `..`), sorted; nil when it cannot be read.
    public static func listDirectory(_ path: String) -> Result<[(name: String, type: EntryType)], ReadFailure> {
        guard let dir = opendir(path) else { return .failure(failure(errno)) }
        defer { closedir(dir) }
        var result: [(name: String, type: EntryType)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let dtype = entry.pointee.d_type
            var type: EntryType
            switch Int32(dtype) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .directory
            default: type = FileSystem.type(of: join(path, name))
            }
            if type == .other && Int32(dtype) == Int32(DT_LNK) { type = FileSystem.type(of: join(path, name)) }
            result.append((name, type))
        }
        result.sort { $0.name < $1.name }
        return .success(result)
    }

    public static func join(_ dir: String, _ name: String) -> String {
        if dir.isEmpty || dir == "." { return name }
        if dir.hasSuffix("/") { return dir + name }
        return dir + "/" + name
    }

    public static func currentDirectory() -> String {
        var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buf, buf.count) != nil else { return "." }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Path arithmetic on strings.
public enum Path {
    /// A relative or absolute path as a URI reference (RFC 3986 percent-encoding); an absolute
    /// one is a `file://` URI.
    public static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~/".contains(c)
            {
                out.append(c)
            } else {
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }

    public static func basename(_ path: String) -> String {
        let p = withoutTrailingSlashes(path)
        if let slash = p.lastIndex(of: UInt8(ascii: "/")) {
            return String(decoding: p[p.index(after: slash)...], as: UTF8.self)
        }
        return String(decoding: p, as: UTF8.self)
    }

    public static func dirname(_ path: String) -> String {
        let p = withoutTrailingSlashes(path)
        guard let slash = p.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == p.startIndex { return "/" }
        return String(decoding: p[..<slash], as: UTF8.self)
    }

    /// The path's bytes without trailing slashes (but "/" stays "/"); slicing at a "/" byte keeps
    /// the UTF-8 valid.
    static func withoutTrailingSlashes(_ path: String) -> Substring.UTF8View {
        var p = Substring(path).utf8
        while p.count > 1 && p.last == UInt8(ascii: "/") { p = p.dropLast() }
        return p
    }

    /// Joins and normalises (`a/./b/../c` → `a/c`), keeping a relative path relative.
    public static func resolve(_ base: String, _ relative: String) -> String {
        if relative.utf8.first == UInt8(ascii: "/") || base.isEmpty { return normalize(relative) }
        var base = base
        var relative = relative
        return base.withUTF8 { b in relative.withUTF8 { r in normalized(b, r) } }
    }

    /// `path` relative to the directory `base`, both resolved against `cwd` first.
    public static func relative(_ path: String, to base: String, cwd: String) -> String {
        let target = resolve(cwd, path).split(separator: "/")
        let from = resolve(cwd, base).split(separator: "/")
        var common = 0
        while common < target.count && common < from.count && target[common] == from[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        let joined = (up + target[common...].map(String.init)).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    public static func normalize(_ path: String) -> String {
        if isNormal(path) { return path }
        var path = path
        return path.withUTF8 { normalized($0, UnsafeBufferPointer(start: nil, count: 0)) }
    }

    /// The normal form of `first` joined by a "/" to `second` (when it is not empty), built in
    /// one pass into the result's own storage: segments are byte ranges between "/" bytes, so
    /// the result is valid UTF-8 again. A `..` removes the segment before it unless that is a
    /// `..` too (a relative path keeps its leading `..`s); at the root it is dropped.
    static func normalized(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        let absolute = first.first == slash
        return String(unsafeUninitializedCapacity: max(first.count + 1 + second.count, 1)) { out in
            let root = absolute ? 1 : 0
            if absolute { out[0] = slash }
            var n = root
            func add(_ part: UnsafeBufferPointer<UInt8>) {
                var i = 0
                while i < part.count {
                    var end = i
                    while end < part.count && part[end] != slash { end += 1 }
                    let length = end - i
                    let start = i
                    i = end + 1
                    if length == 0 || (length == 1 && part[start] == dot) { continue }
                    if length == 2 && part[start] == dot && part[start + 1] == dot {
                        // The last segment written starts after the last "/" at or after the root.
                        var lastStart = n
                        while lastStart > root && out[lastStart - 1] != slash { lastStart -= 1 }
                        let lastIsDotDot = n - lastStart == 2 && out[lastStart] == dot && out[lastStart + 1] == dot
                        if n > root && !lastIsDotDot {
                            n = lastStart > root ? lastStart - 1 : root
                            continue
                        }
                        if absolute { continue }
                    }
                    if n > root {
                        out[n] = slash
                        n += 1
                    }
                    for k in start..<end {
                        out[n] = part[k]
                        n += 1
                    }
                }
            }
            add(first)
            add(second)
            if n == 0 {
                out[0] = dot
                n = 1
            }
            return n
        }
    }

    /// Whether `normalize` would return the path unchanged: no empty, `.` or `..` segment and no
    /// trailing slash (one pass over the bytes, no allocation).
    static func isNormal(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { isNormal($0) }
    }

    static func isNormal(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        guard !b.isEmpty else { return false }
        if b.count == 1 { return true }  // "/", "." and "a" are all their own normal form
        if b[b.count - 1] == slash { return false }
        var segmentStart = b[0] == slash ? 1 : 0
        var i = segmentStart
        while i <= b.count {
            if i == b.count || b[i] == slash {
                let length = i - segmentStart
                if length == 0 { return false }
                if length == 1 && b[segmentStart] == dot { return false }
                if length == 2 && b[segmentStart] == dot && b[segmentStart + 1] == dot { return false }
                segmentStart = i + 1
            }
            i += 1
        }
        return true
    }
}
