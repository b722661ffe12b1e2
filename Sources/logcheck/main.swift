import LogCheckKit

// The executable: process plumbing only. Everything else is LogCheckKit's LogCheckCommand.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes through a buffer to a file descriptor.
final class DescriptorSink: TextSink {
    let fd: Int32
    init(_ fd: Int32) { self.fd = fd }
    func write(_ text: String) {
        var t = text
        t.withUTF8 { buf in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}

// Only the variables the command reads (copying the whole environment was 5% of the
// instructions of a run on one pair of small files).
var variables: [String: String] = [:]
for name in CommandEnvironment.variablesRead {
    if let value = getenv(name) { variables[name] = String(cString: value) }
}
signal(SIGPIPE, SIG_IGN)

let command = LogCheckCommand(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: CommandEnvironment(
        variables: variables,
        stdoutIsTerminal: isatty(1) == 1,
        readStdin: { FileSystem.readAll(0) },
        readStdinChunk: {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if n > 0 { return Array(chunk[..<n]) }
                if n < 0 && errno == EINTR { continue }
                return nil
            }
        }),
    stdout: DescriptorSink(1),
    stderr: DescriptorSink(2))
exit(command.run().rawValue)
