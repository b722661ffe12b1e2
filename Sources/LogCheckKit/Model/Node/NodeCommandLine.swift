import LogCheckSyntax

/// A `node <file>` command line: the program a launch file runs when it starts an app without
/// PM2. Node's own options come before the file (`node --require ./tracing app.js`); an option
/// that runs no file (`-e`, `-p`, `--check`, `--test`, `-` for stdin) means none is started.
public struct NodeCommandLine: Sendable {
    public var programWord: ShellWord
    /// The file Node runs.
    public var script: ShellWord
    /// `NAME=value` before the command (and `env`'s).
    public var assignments: [ShellAssignment]

    /// `node app.js` as written, shortened.
    public var commandText: String {
        let text = ([programWord, script].map { $0.value ?? "$…" }).joined(separator: " ")
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    /// Node options that take the next word as their value (`node --help`, Node 20).
    static let optionsWithValue: Set<String> = [
        "-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions", "--env-file",
        "--title", "--input-type", "--disable-warning", "--watch-path", "--redirect-warnings", "--icu-data-dir",
        "--openssl-config", "--tls-cipher-list", "--diagnostic-dir", "--report-dir", "--report-directory",
        "--report-filename", "--heapsnapshot-signal", "--secure-heap", "--secure-heap-min", "--cpu-prof-dir",
        "--heap-prof-dir", "--unhandled-rejections", "--dns-result-order", "--experimental-policy",
        "--policy-integrity", "--trace-event-categories", "--trace-event-file-pattern", "--max-http-header-size",
    ]

    /// Options after which Node runs no file of the command line.
    static let runsNoFile: Set<String> = [
        "-e", "--eval", "-p", "--print", "-c", "--check", "-i", "--interactive", "-v", "--version", "-h", "--help",
        "--test", "--run", "-",
    ]

    /// The `node <file>` command line in a simple command, after the wrappers PM2's command lines
    /// are read through (`exec`, `env`, `dumb-init`, …); nil for any other program, for a file
    /// known only at run time, and for `node node_modules/pm2/bin/pm2` (a PM2 command line).
    public static func find(in command: ShellCommand) -> NodeCommandLine? {
        guard let (words, i, assignments) = PM2CommandLine.program(of: command), let name = words[i].value,
            ["node", "nodejs"].contains(PM2CommandLine.baseName(name))
        else { return nil }
        var k = i + 1
        while k < words.endIndex {
            guard let w = words[k].value else { return nil }
            if w == "--" {
                k += 1
                break
            }
            if runsNoFile.contains(w) { return nil }
            guard w.hasPrefix("-") else { break }
            k += optionsWithValue.contains(w) ? 2 : 1
        }
        guard k < words.endIndex, let file = words[k].value, !file.isEmpty,
            !file.hasSuffix("pm2/bin/pm2") && !file.contains("pm2/bin/pm2-")
        else { return nil }
        return NodeCommandLine(programWord: words[i], script: words[k], assignments: assignments)
    }
}
