import CYAML

// The reading floor for `make bench`: reads every file logcheck would read (the same paths, or
// the same directory search for .yml/.yaml/.json files) and scans it without building anything:
// YAML with libyaml's event parser, JSON with a byte-level tokenizer. logcheck cannot be faster
// than reading its input; this program measures that cost.
#if canImport(Glibc)
    import Glibc
#endif

func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, $0.count - offset) }
        if n <= 0 { break }
        offset += n
    }
    return bytes
}

/// Number of libyaml events in the file (nil on a syntax error).
func scanYAML(_ bytes: [UInt8]) -> Int? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeBufferPointer { buf -> Int? in
        yaml_parser_set_input_string(&parser, buf.baseAddress, buf.count)
        var events = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            events += 1
            if done { return events }
        }
    }
}

/// Number of JSON tokens (strings, numbers, literals, punctuation).
func scanJSON(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { b in
        var i = 0
        var tokens = 0
        while i < b.count {
            let c = b[i]
            switch c {
            case 0x20, 0x0A, 0x0D, 0x09:
                i += 1
            case UInt8(ascii: "\""):
                i += 1
                while i < b.count && b[i] != UInt8(ascii: "\"") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
                i += 1
                tokens += 1
            default:
                if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || (c >= 0x61 && c <= 0x7A) {
                    while i < b.count
                        && ((b[i] >= 0x30 && b[i] <= 0x39) || (b[i] >= 0x61 && b[i] <= 0x7A)
                            || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")
                            || b[i] == UInt8(ascii: "E"))
                    { i += 1 }
                } else {
                    i += 1
                }
                tokens += 1
            }
        }
        return tokens
    }
}

func walk(_ dir: String, into paths: inout [String]) {
    guard let d = opendir(dir) else { return }
    defer { closedir(d) }
    while let entry = readdir(d) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        // package.json files mark the corpus's packages; logcheck's directory search does not read them.
        if name == "." || name == ".." || name == "node_modules" || name == ".git" || name == "package.json" {
            continue
        }
        let path = dir + "/" + name
        var st = stat()
        guard lstat(path, &st) == 0 else { continue }
        if st.st_mode & S_IFMT == S_IFDIR {
            walk(path, into: &paths)
        } else if st.st_mode & S_IFMT == S_IFREG {
            paths.append(path)
        }
    }
}

var paths: [String] = []
for argument in CommandLine.arguments.dropFirst() {
    var st = stat()
    if stat(argument, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR {
        walk(argument, into: &paths)
    } else {
        paths.append(argument)
    }
}
var files = 0
var bytesRead = 0
var units = 0
var failures = 0
for path in paths {
    let isYAML = path.hasSuffix(".yml") || path.hasSuffix(".yaml")
    let isJSON = path.hasSuffix(".json")
    guard isYAML || isJSON, let bytes = readFile(path) else { continue }
    files += 1
    bytesRead += bytes.count
    if isYAML {
        if let n = scanYAML(bytes) { units += n } else { failures += 1 }
    } else {
        units += scanJSON(bytes)
    }
}
print("scanned \(files) files, \(bytesRead) bytes, \(units) events/tokens, \(failures) YAML errors")
