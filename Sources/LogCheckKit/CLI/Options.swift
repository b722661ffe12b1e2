/// Command-line options. Parsed by a small table-driven parser that is linear in the number of
/// arguments: pre-commit passes thousands of file names at once.
public struct Options: Sendable, Equatable {
    public enum Subcommand: Sendable, Equatable {
        case check
        case rules
        case explain(String)
        /// `logcheck lsp`: a language server on standard input and output.
        case lsp
    }

    public enum ColorChoice: String, Sendable {
        case auto, always, never
    }

    public var subcommand: Subcommand = .check
    public var paths: [String] = []
    public var format: OutputFormat? = nil
    public var quiet = false
    public var verbose = false
    public var color: ColorChoice = .auto
    public var ecosystems: [String] = []
    public var log4jsConfigs: [String] = []
    public var stdinFilename: String? = nil
    public var showHelp = false
    public var showVersion = false
    public var fix = false
    public var unsafeFixes = false
    public var diff = false
    public var configPath: String? = nil
    public var noConfig = false
    public var select: [String] = []
    public var ignore: [String] = []
    public var failOn: Severity? = nil
    public var statistics = false
    public var baseline: String? = nil
    public var writeBaseline: String? = nil
    public var showSettings = false

    public init() {}
}

public struct UsageError: Error, Equatable, Sendable {
    public var message: String
}

struct OptionSpec: Sendable {
    var names: [String]
    var value: String?
    var help: String
}

enum OptionParser {
    static let specs: [OptionSpec] = [
        OptionSpec(
            names: ["--format"], value: "FORMAT",
            help: "output format: text, json, sarif or github (default: text; github when GITHUB_ACTIONS=true)"),
        OptionSpec(names: ["--fix"], value: nil, help: "apply safe fixes to the files, then report what is left"),
        OptionSpec(names: ["--unsafe-fixes"], value: nil, help: "with --fix or --diff: also apply unsafe fixes"),
        OptionSpec(
            names: ["--diff"], value: nil, help: "print what --fix would change as a unified diff; write nothing"),
        OptionSpec(
            names: ["--ecosystem"], value: "FILE",
            help: "check FILE as a PM2 ecosystem file, whatever its name (repeatable)"),
        OptionSpec(
            names: ["--log4js"], value: "FILE", help: "check FILE as a log4js config, whatever its name (repeatable)"),
        OptionSpec(
            names: ["--stdin-filename"], value: "NAME",
            help: "the name to report for input read from '-' (its extension picks the format)"),
        OptionSpec(
            names: ["--config"], value: "PATH",
            help: "settings file (default: the nearest .logcheck.yml upwards from the current directory)"),
        OptionSpec(names: ["--no-config"], value: nil, help: "ignore .logcheck.yml files"),
        OptionSpec(
            names: ["--select"], value: "RULES",
            help: "only report these rules: ids, slugs or prefixes, comma-separated (LC1,LC203)"),
        OptionSpec(names: ["--ignore"], value: "RULES", help: "do not report these rules (comma-separated)"),
        OptionSpec(
            names: ["--fail-on"], value: "SEVERITY",
            help: "exit 1 when a finding at or above SEVERITY remains: error (default), warning or info"),
        OptionSpec(
            names: ["--baseline"], value: "FILE", help: "hide the findings recorded in FILE; report only new ones"),
        OptionSpec(names: ["--write-baseline"], value: "FILE", help: "record the current findings in FILE"),
        OptionSpec(names: ["--statistics"], value: nil, help: "print the number of findings per rule"),
        OptionSpec(names: ["--show-settings"], value: nil, help: "print the effective settings and exit"),
        OptionSpec(names: ["-q", "--quiet"], value: nil, help: "print only findings (no summary)"),
        OptionSpec(
            names: ["-v", "--verbose"], value: nil,
            help: "also say which files were read and how apps were linked to log4js configs"),
        OptionSpec(
            names: ["--color"], value: "WHEN",
            help: "colour the text output: auto (default), always or never; NO_COLOR turns auto off"),
        OptionSpec(names: ["-h", "--help"], value: nil, help: "print this help"),
        OptionSpec(names: ["-V", "--version"], value: nil, help: "print the version"),
    ]

    /// The option named `name` (a command line has a few options: a search of the list costs
    /// less than building a dictionary of them at start-up).
    static func spec(named name: String) -> OptionSpec? {
        specs.first { $0.names.contains(name) }
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var o = Options()
        var positional: [String] = []
        positional.reserveCapacity(arguments.count)
        var k = 0
        var onlyPaths = false
        while k < arguments.count {
            let arg = arguments[k]
            k += 1
            if onlyPaths || arg == "-" || !arg.hasPrefix("-") {
                positional.append(arg)
                continue
            }
            if arg == "--" {
                onlyPaths = true
                continue
            }
            var name = arg
            var inline: String? = nil
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            }
            guard let spec = spec(named: name) else {
                let suggestion = Suggest.closest(name, among: specs.flatMap { $0.names }.filter { $0.hasPrefix("--") })
                throw UsageError(
                    message: "unknown option '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
            }
            var value: String? = nil
            if spec.value != nil {
                if let inline {
                    value = inline
                } else {
                    guard k < arguments.count else {
                        throw UsageError(message: "option '\(name)' needs a value (\(spec.value!))")
                    }
                    value = arguments[k]
                    k += 1
                }
            } else if inline != nil {
                throw UsageError(message: "option '\(name)' takes no value")
            }
            try apply(spec.names.last!, value, &o)
        }
        if let first = positional.first, o.subcommand == .check {
            if first == "rules" {
                o.subcommand = .rules
                positional.removeFirst()
            } else if first == "lsp" {
                o.subcommand = .lsp
                positional.removeFirst()
            } else if first == "explain" {
                guard positional.count >= 2 else {
                    throw UsageError(message: "'explain' needs a rule id or name, for example: logcheck explain LC102")
                }
                o.subcommand = .explain(positional[1])
                positional.removeFirst(2)
            }
        }
        o.paths = positional
        if o.writeBaseline != nil && (o.fix || o.diff || o.baseline != nil) {
            throw UsageError(
                message:
                    "--write-baseline records findings as they are; it cannot be combined with --fix, --diff or --baseline"
            )
        }
        if o.statistics, let f = o.format, f != .text {
            throw UsageError(
                message: "--statistics prints a text table; it cannot be combined with --format \(f.rawValue)")
        }
        return o
    }

    static func apply(_ name: String, _ value: String?, _ o: inout Options) throws {
        switch name {
        case "--format":
            guard let f = OutputFormat(rawValue: value!) else {
                throw UsageError(message: "unknown format '\(value!)'; use text, json, sarif or github")
            }
            o.format = f
        case "--fix": o.fix = true
        case "--unsafe-fixes": o.unsafeFixes = true
        case "--diff": o.diff = true
        case "--ecosystem": o.ecosystems.append(value!)
        case "--log4js": o.log4jsConfigs.append(value!)
        case "--stdin-filename": o.stdinFilename = value!
        case "--config": o.configPath = value!
        case "--no-config": o.noConfig = true
        case "--select": o.select += splitList(value!)
        case "--ignore": o.ignore += splitList(value!)
        case "--fail-on":
            guard let s = Severity(label: value!) else {
                throw UsageError(message: "unknown severity '\(value!)' for --fail-on; use error, warning or info")
            }
            o.failOn = s
        case "--baseline": o.baseline = value!
        case "--write-baseline": o.writeBaseline = value!
        case "--statistics": o.statistics = true
        case "--show-settings": o.showSettings = true
        case "--quiet": o.quiet = true
        case "--verbose": o.verbose = true
        case "--color":
            guard let c = Options.ColorChoice(rawValue: value!) else {
                throw UsageError(message: "unknown colour choice '\(value!)'; use auto, always or never")
            }
            o.color = c
        case "--help": o.showHelp = true
        case "--version": o.showVersion = true
        default: throw UsageError(message: "unknown option '\(name)'")
        }
    }

    static func splitList(_ s: String) -> [String] {
        s.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    static func help() -> String {
        var out = """
            logcheck \(LogCheck.version): check PM2 ecosystem files and log4js configs before they lose your logs

            USAGE:
                logcheck [OPTIONS] [PATH ...]      check files and directories (default: .)
                logcheck rules                     list every rule
                logcheck explain RULE              print a rule's documentation (LC102 or instance-var-mismatch)
                logcheck lsp                       run as a language server on standard input and output

            PATH may be a file, a directory (searched for ecosystem files and log4js configs, skipping
            node_modules and .git) or '-' for standard input. Each file is checked with the project on disk
            around it: every app is paired with the log4js configs it loads, whichever of the files are named.

            OPTIONS:

            """
        for s in specs {
            var left = s.names.joined(separator: ", ")
            if let v = s.value { left += " " + v }
            let pad = max(1, 26 - left.count)
            out += "    " + left + String(repeating: " ", count: pad) + s.help + "\n"
        }
        out += """

            EXIT CODES:
                0  no finding at or above the --fail-on severity (default: error)
                1  at least one such finding
                2  usage error, or an input could not be read
                3  internal failure

            """
        return out
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
