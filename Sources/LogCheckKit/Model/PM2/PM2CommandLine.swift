import LogCheckSyntax

/// A PM2 command line (`pm2 start app.js -i 0`, `pm2-runtime ecosystem.config.js`), read as
/// PM2 7.0.3's CLI reads its arguments: commander 2.15.1 (its `normalize` and `parseOptions`),
/// the option tables of lib/binaries/CLI.js, Runtime4Docker.js and DevCLI.js, and
/// `Config.filterOptions`, which turns the options into the app's fields (docs/evidence/pm2.md,
/// "The command line").
public struct PM2CommandLine: Sendable {
    public enum Program: String, Sendable {
        case pm2
        case pm2Runtime = "pm2-runtime"
        case pm2Docker = "pm2-docker"
        case pm2Dev = "pm2-dev"
    }

    public enum Action: Sendable, Equatable {
        /// `start`, or a command that starts or restarts the apps of a file (`startOrRestart`,
        /// `startOrReload`, `startOrGracefulReload`, `restart` and `reload` of a file), or
        /// pm2-runtime / pm2-dev, which start their target.
        case start
        /// `pm2 install <module>`.
        case install
        /// Any other PM2 command (`pm2 save`, `pm2 logs`): nothing logcheck reads.
        case other
    }

    /// An option as written: its canonical long name (`--instances` for `-i`), the word of the
    /// flag and the word of its value.
    public struct Option: Sendable {
        public var name: String
        public var flag: ShellWord
        public var value: ShellWord?
    }

    public struct Problem: Sendable {
        public enum Kind: Sendable, Equatable {
            /// An option the program does not define, with the closest one it does.
            case unknownOption(suggestion: String?)
            /// An option that takes a value at the end of the command line: commander exits 1.
            case missingValue(option: String)
            /// An option PM2 does not apply to the apps of an ecosystem file (API.js:985-1026).
            case ignoredWithEcosystemFile(option: String)
            /// A `pm2` command that does not exist: PM2 prints "Command not found" and exits 1.
            case unknownCommand(suggestion: String?)
        }
        public var kind: Kind
        public var word: ShellWord
    }

    /// One field of the app the command line defines, as `Config.filterOptions` gives it.
    public struct AppField: Sendable {
        public enum Value: Sendable, Equatable {
            case string(String)
            case number(Double)
            case bool(Bool)
            /// Known only at run time (`-i $INSTANCES`).
            case unknown
        }
        public var key: String
        public var value: Value
        public var flag: ShellWord
        public var valueWord: ShellWord?
    }

    public var program: Program
    public var programWord: ShellWord
    public var action: Action
    /// The command word (`start`, `install`); nil for `pm2-runtime app.js`.
    public var actionWord: ShellWord?
    /// The script, ecosystem file or module the command names (the first one: `pm2 start a.js
    /// b.js` starts both with the same options).
    public var target: ShellWord?
    /// Whether PM2 reads the target as an ecosystem file (`Common.isConfigFile`, Common.js:242-267:
    /// the name contains `.json`, `.yml`, `.yaml`, `.config.js`, `.config.cjs` or `.config.mjs`);
    /// `pm2 start` with no target reads `ecosystem.config.js`.
    public var targetIsEcosystemFile: Bool
    public var options: [Option]
    /// The words after `--`, which PM2 passes to the script (API.js:688-693).
    public var scriptArguments: [ShellWord]
    public var problems: [Problem]
    /// The fields of the app a script target defines.
    public var appFields: [AppField]
    /// `--env <name>`: the `env_<name>` block PM2 merges into the apps.
    public var environment: ShellWord?
    /// What PM2 applies to the apps of the ecosystem files the command starts.
    public var overrides = EcosystemOverrides()
    /// Every target of `pm2 start a.js b.js` (PM2 starts each with the same options, CLI.js:289-297);
    /// `target` is the first.
    public var targets: [ShellWord] = []
    /// The environment the command sets: its leading `NAME=value` words and those of `env`.
    public var assignments: [ShellAssignment]
    /// Whether the program exits on an option it does not define: `pm2` does (commander's
    /// `unknownOption`), `pm2-runtime` allows them (`allowUnknownOption()`, Runtime4Docker.js:45)
    /// and pm2-dev only checks them under `start`.
    public var rejectsUnknownOptions: Bool

    /// The ecosystem file name the command reads, when it reads one.
    public var ecosystemFile: String? { ecosystemFiles.first }

    /// The ecosystem files the command reads: each target PM2 reads as one, and
    /// `ecosystem.config.js` for `pm2 start` without a target (set by `parse`).
    public internal(set) var ecosystemFiles: [String] = []

    /// The targets PM2 starts as scripts (each one app, with the options as its fields).
    public var scriptTargets: [ShellWord] {
        targets.filter { t in !(t.value.map(PM2CommandLine.isConfigFile) ?? false) }
    }
}

/// What PM2 applies from the command line to the apps of an ecosystem file it starts
/// (`_startJson`, API.js:985-1026; docs/evidence/pm2.md, "The command line").
public struct EcosystemOverrides: Sendable {
    /// The word that turns `watch` on for every app whose own `watch` is falsy: `--watch` without
    /// paths (commander leaves `[]`, which `start` turns into `true`, API.js:324-325), or the
    /// program word of pm2-dev, which always watches (DevCLI.js:67).
    public var watch: ShellWord?
    /// pm2-dev's `--ignore a,b`: `ignore_watch` `[a, b, node_modules]` for every app without its own
    /// (DevCLI.js:74-77). (`pm2 --ignore-watch` never reaches them: commander stores it as
    /// `ignoreWatch`, and `_startJson` reads `ignore_watch`.)
    public var ignoreWatch: [String]?
    /// `--only a,b`: the names of the apps started, split as API.js:991 splits it; nil for every app.
    public var only: [String]?
    public var onlyWord: ShellWord?

    /// Whether PM2 starts the app named `name` (an app `--only` leaves out gets nothing).
    public func starts(_ name: String?) -> Truth {
        guard let only else { return .yes }
        guard let name else { return .unknown }
        return Truth(only.contains(name))
    }
}

extension PM2CommandLine {
    /// The PM2 command line in a simple command, after the wrappers that run the rest of it
    /// (`exec`, `env`, `nohup`, `sudo`, `time`, `nice`, `dumb-init`, `tini`, `gosu`, `su-exec`,
    /// `npx`, `yarn`, `pnpm exec`, `npm exec`, `node node_modules/pm2/bin/pm2`) and with the
    /// program named by any path (`./node_modules/.bin/pm2`, `/usr/local/bin/pm2-runtime`).
    public static func find(in command: ShellCommand) -> PM2CommandLine? {
        guard let (words, i, assignments) = program(of: command), let name = words[i].value,
            let program = Program(rawValue: baseName(name))
        else { return nil }
        var line = parse(words[(i + 1)...], program: program, programWord: words[i])
        line.assignments = assignments
        return line
    }

    /// The program a simple command runs after its wrappers (those `find` lists): the words, the
    /// index of the program word, and the `NAME=value` assignments before it and `env`'s. nil
    /// when the program is known only at run time or a wrapper runs no program.
    static func program(of command: ShellCommand) -> (ArraySlice<ShellWord>, Int, [ShellAssignment])? {
        let words = command.words[...]
        var assignments = command.assignments
        var i = words.startIndex
        func skip(_ n: Int) { i = min(words.endIndex, i + n) }
        while i < words.endIndex, let v = words[i].value {
            let name = baseName(v)
            switch name {
            case "exec", "nohup", "time", "command", "builtin":
                skip(1)
                while i < words.endIndex, let o = words[i].value, o.hasPrefix("-") { skip(1) }
            case "env":
                skip(1)
                while i < words.endIndex, let o = words[i].value {
                    if o == "-u" || o == "-C" || o == "-S" || o == "--unset" || o == "--chdir" {
                        skip(2)
                    } else if o.hasPrefix("-") {
                        skip(1)
                    } else if let eq = o.firstIndex(of: "="), eq != o.startIndex {
                        let valueText = String(o[o.index(after: eq)...])
                        assignments.append(
                            ShellAssignment(
                                name: String(o[..<eq]), value: ShellWord(valueText, span: words[i].span),
                                span: words[i].span))
                        skip(1)
                    } else {
                        break
                    }
                }
            case "sudo":
                skip(1)
                while i < words.endIndex, let o = words[i].value, o.hasPrefix("-") {
                    skip(["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U"].contains(o) ? 2 : 1)
                }
            case "nice", "ionice":
                skip(1)
                while i < words.endIndex, let o = words[i].value, o.hasPrefix("-") {
                    skip(o == "-n" || o == "-c" ? 2 : 1)
                }
            case "dumb-init", "tini", "tini-static":
                skip(1)
                while i < words.endIndex, let o = words[i].value, o.hasPrefix("-") {
                    skip(1)
                    if o == "--" { break }
                }
            case "gosu", "su-exec", "chpst", "setpriv":
                skip(2)
            case "npx":
                skip(1)
                while i < words.endIndex, let o = words[i].value, o.hasPrefix("-") {
                    skip(o == "-p" || o == "--package" ? 2 : 1)
                }
            case "npm":
                // `npm exec pm2 …`, `npm x -- pm2 …` (`npm run X` runs a script, not a binary).
                skip(1)
                guard i < words.endIndex, words[i].is("exec") || words[i].is("x") else { return nil }
                skip(1)
                if i < words.endIndex, words[i].is("--") { skip(1) }
            case "yarn", "pnpm", "bunx":
                skip(1)
                if i < words.endIndex, words[i].is("exec") || words[i].is("run") || words[i].is("dlx") { skip(1) }
                if i < words.endIndex, words[i].is("--") { skip(1) }
            case "node", "nodejs", "bun":
                // `node node_modules/pm2/bin/pm2 start …`
                guard i + 1 < words.endIndex, let script = words[i + 1].value,
                    script.hasSuffix("pm2/bin/pm2") || script.hasSuffix("pm2/bin/pm2-runtime")
                        || script.hasSuffix("pm2/bin/pm2-docker") || script.hasSuffix("pm2/bin/pm2-dev")
                else { return (words, i, assignments) }
                skip(1)
            default:
                return (words, i, assignments)
            }
        }
        return nil
    }

    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The targets of one `pm2 start` read (real command lines name a few).
    static let maxTargets = 32

    /// Reads the arguments after the program word.
    public static func parse(_ arguments: ArraySlice<ShellWord>, program: Program, programWord: ShellWord)
        -> PM2CommandLine
    {
        let pieces = normalize(Array(arguments), program: program)
        var line = PM2CommandLine(
            program: program, programWord: programWord, action: .start, actionWord: nil, target: nil,
            targetIsEcosystemFile: false, options: [], scriptArguments: [], problems: [], appFields: [],
            environment: nil, assignments: [], rejectsUnknownOptions: program == .pm2)
        let table = PM2Options.table(for: program)
        var positional: [ShellWord] = []
        var unknown: [(flag: ShellWord, name: String)] = []
        var i = 0
        while i < pieces.count {
            let word = pieces[i]
            i += 1
            guard let v = word.value else {
                positional.append(word)
                continue
            }
            if v == "--" {
                line.scriptArguments = Array(pieces[i...])
                break
            }
            if let spec = table.option(v) {
                var option = Option(name: spec.long, flag: word, value: nil)
                switch spec.argument {
                case .required:
                    if i < pieces.count {
                        option.value = pieces[i]
                        i += 1
                    } else {
                        line.problems.append(Problem(kind: .missingValue(option: spec.long), word: word))
                    }
                case .optional:
                    if i < pieces.count, !takesNoValue(pieces[i]) {
                        option.value = pieces[i]
                        i += 1
                    }
                case .none:
                    break
                }
                line.options.append(option)
                continue
            }
            if v.count > 1, v.hasPrefix("-") {
                unknown.append((word, v))
                // commander passes a following non-option word on with the unknown option.
                if i < pieces.count, let next = pieces[i].value, !next.hasPrefix("-") { i += 1 }
                continue
            }
            positional.append(word)
        }

        // The command word and the targets.
        switch program {
        case .pm2:
            guard let first = positional.first else {
                line.action = .other
                break
            }
            line.actionWord = first
            let command = first.value ?? ""
            switch command {
            case "start", "restart", "reload", "startOrRestart", "startOrReload", "startOrGracefulReload":
                line.action = .start
            case "install", "module:install":
                line.action = .install
            default:
                line.action = .other
                if first.value != nil, !PM2Options.commands.contains(command) {
                    line.problems.append(
                        Problem(
                            kind: .unknownCommand(suggestion: PM2Options.commandIndex.closest(command, maxDistance: 2)),
                            word: first))
                }
            }
            line.target = positional.dropFirst().first
            // `start` takes every word after it; the others take one (CLI.js:265, 325-359). Past
            // `maxTargets`, the rest are not read.
            line.targets =
                command == "start"
                ? Array(positional.dropFirst().prefix(maxTargets)) : line.target.map { [$0] } ?? []
            if line.action == .start, command != "start", line.target == nil { line.action = .other }
        case .pm2Runtime, .pm2Docker, .pm2Dev:
            if let first = positional.first, first.is("start") {
                line.actionWord = first
                line.target = positional.dropFirst().first
                if program == .pm2Dev { line.rejectsUnknownOptions = true }
            } else {
                line.target = positional.first
            }
            line.targets = line.target.map { [$0] } ?? []
        }
        if line.action == .start {
            if let t = line.target {
                line.targetIsEcosystemFile = t.value.map(isConfigFile) ?? false
                line.ecosystemFiles = line.targets.compactMap { t in t.value.flatMap { isConfigFile($0) ? $0 : nil } }
            } else {
                line.targetIsEcosystemFile = line.actionWord?.is("start") ?? false
                if line.targetIsEcosystemFile { line.ecosystemFiles = ["ecosystem.config.js"] }
            }
        }

        // What is wrong with the options, and the app's fields.
        guard line.action == .start || line.action == .install else { return line }
        for u in unknown {
            let bare = u.name.split(separator: "=", maxSplits: 1).first.map(String.init) ?? u.name
            line.problems.append(Problem(kind: .unknownOption(suggestion: table.suggestion(bare)), word: u.flag))
        }
        guard line.action == .start else { return line }
        // pm2-dev always watches (DevCLI.js:67).
        if program == .pm2Dev { line.overrides.watch = programWord }
        for option in line.options {
            switch option.name {
            case "--env":
                line.environment = option.value
                continue
            case "--only":
                line.overrides.onlyWord = option.value
                line.overrides.only = option.value?.value.map { o in
                    o.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                }
                continue
            case "--ignore" where program == .pm2Dev:
                // Set as `ignore_watch`, which only `_startJson` reads (DevCLI.js:74-77).
                line.overrides.ignoreWatch = option.value?.value.map { v in
                    v.split(separator: ",", omittingEmptySubsequences: false).map(String.init) + ["node_modules"]
                }
                continue
            case "--watch" where option.value == nil:
                line.overrides.watch = option.flag
            default:
                break
            }
            guard let spec = table.option(option.name), let key = spec.field else { continue }
            if line.targetIsEcosystemFile {
                if !PM2Options.appliedToEcosystemApps(option) {
                    line.problems.append(Problem(kind: .ignoredWithEcosystemFile(option: spec.long), word: option.flag))
                }
                continue
            }
            line.appFields.append(
                AppField(key: key, value: value(of: option, spec: spec), flag: option.flag, valueWord: option.value))
        }
        if !line.targetIsEcosystemFile { line.appFields += defaults(of: line) }
        return line
    }

    /// The fields a program sets on a script's app unless an option does: pm2-dev's `watch: true`
    /// (DevCLI.js:67), pm2-runtime's `out_file` and `error_file` `/dev/null` (the defaults of its
    /// `--output` and `--error`, Runtime4Docker.js:42-43). Each is at the program word.
    static func defaults(of line: PM2CommandLine) -> [AppField] {
        func set(_ key: String) -> Bool { line.appFields.contains { $0.key == key } }
        var fields: [AppField] = []
        switch line.program {
        case .pm2Dev:
            if !set("watch") {
                fields.append(AppField(key: "watch", value: .bool(true), flag: line.programWord, valueWord: nil))
            }
        case .pm2Runtime, .pm2Docker:
            for key in ["out_file", "error_file"] where !set(key) {
                fields.append(AppField(key: key, value: .string("/dev/null"), flag: line.programWord, valueWord: nil))
            }
        case .pm2:
            break
        }
        return fields
    }

    /// commander's `optional` argument: the next word unless it looks like an option.
    static func takesNoValue(_ word: ShellWord) -> Bool {
        guard let v = word.value else { return false }
        return v.hasPrefix("-") && v != "-"
    }

    /// The field value `Config.filterOptions` passes on: commander's string, `true` for a flag,
    /// `false` for `--no-…`; a string that is a number where the field's schema takes a number,
    /// as PM2's validation parses it (Config.js:173-176).
    static func value(of option: Option, spec: PM2Options.Spec) -> AppField.Value {
        if spec.negated { return .bool(false) }
        switch spec.argument {
        case .none:
            return .bool(true)
        case .optional, .required:
            guard let word = option.value else { return .bool(true) }
            guard let text = word.value else { return .unknown }
            if spec.numeric, let n = decimal(text) { return .number(n) }
            return .string(text)
        }
    }

    /// A plain decimal number (`4`, `-1`, `1.5`, `3e3`), which `!isNaN(value)` accepts and
    /// `parseFloat` reads to the same number.
    static func decimal(_ text: String) -> Double? {
        let b = Array(text.utf8)
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        let digitsStart = i
        while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
        }
        guard i > digitsStart, i - digitsStart > 1 || b[digitsStart] != UInt8(ascii: ".") else { return nil }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            let e = i
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            guard i > e else { return nil }
        }
        guard i == b.count else { return nil }
        return Double(text)
    }

    /// `Common.isConfigFile`: the name contains one of the config extensions anywhere.
    static func isConfigFile(_ name: String) -> Bool {
        [".json", ".yml", ".yaml", ".config.js", ".config.cjs", ".config.mjs"].contains { name.containsBytes($0) }
    }

    /// commander's `normalize` (commander 2.15.1 index.js:601-630): `-abc` is `-a -b -c` unless
    /// the word before is an option that takes a value; `--name=value` is two words; nothing
    /// after `--` changes.
    static func normalize(_ words: [ShellWord], program: PM2CommandLine.Program) -> [ShellWord] {
        let table = PM2Options.table(for: program)
        var out: [ShellWord] = []
        out.reserveCapacity(words.count)
        for (i, word) in words.enumerated() {
            guard let v = word.value else {
                out.append(word)
                continue
            }
            if v == "--" {
                out.append(contentsOf: words[i...])
                break
            }
            if i > 0, let previous = words[i - 1].value, let spec = table.option(previous), spec.argument == .required {
                out.append(word)
            } else if v.count > 1, v.hasPrefix("-"), !v.hasPrefix("--") {
                for c in v.dropFirst() { out.append(ShellWord("-" + String(c), span: word.span)) }
            } else if v.hasPrefix("--"), let eq = v.firstIndex(of: "=") {
                out.append(ShellWord(String(v[..<eq]), span: word.span))
                out.append(ShellWord(String(v[v.index(after: eq)...]), span: word.span))
            } else {
                out.append(word)
            }
        }
        return out
    }
}
