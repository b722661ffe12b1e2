/// The kinds of file that launch a Node app, whose commands logcheck reads.
public enum LaunchFileKind: String, Sendable, CaseIterable {
    case packageJSON, dockerfile, compose, procfile, shellScript, systemdUnit
}

/// One command a launch file runs, and where the file says to run it.
public struct LaunchCommand: Sendable {
    public var command: ShellCommand
    /// What runs it, for people: `script "start"`, `CMD`, `service "api" command`,
    /// `process "web"`, `ExecStart`, `line 12`.
    public var origin: String
    /// Where that is written: the script's key, the instruction keyword, the `command` key…
    public var originSpan: Span
    /// For a package.json script: its name.
    public var scriptName: String?

    public init(command: ShellCommand, origin: String, originSpan: Span, scriptName: String? = nil) {
        self.command = command
        self.origin = origin
        self.originSpan = originSpan
        self.scriptName = scriptName
    }
}

/// A package.json script: its name, its value and the commands it runs.
public struct LaunchScript: Sendable {
    public var name: String
    public var nameSpan: Span
    public var valueSpan: Span
    public var commands: [ShellCommand]

    public init(name: String, nameSpan: Span, valueSpan: Span, commands: [ShellCommand]) {
        self.name = name
        self.nameSpan = nameSpan
        self.valueSpan = valueSpan
        self.commands = commands
    }
}

/// What `LaunchReader` found in one launch file.
public struct LaunchFile: Sendable {
    public var kind: LaunchFileKind
    /// Every command, in source order.
    public var commands: [LaunchCommand]
    /// For package.json: each script by name (the one `JSON.parse` keeps when a name repeats).
    public var scripts: [String: LaunchScript]
    public var diagnostics: [SyntaxDiagnostic]

    public init(
        kind: LaunchFileKind, commands: [LaunchCommand], scripts: [String: LaunchScript],
        diagnostics: [SyntaxDiagnostic]
    ) {
        self.kind = kind
        self.commands = commands
        self.scripts = scripts
        self.diagnostics = diagnostics
    }
}

/// Reads the commands of the files that start a Node app: package.json scripts, a Dockerfile's
/// `RUN`, `CMD` and `ENTRYPOINT`, a compose file's `command` and `entrypoint`, a Procfile, a
/// shell script, a systemd unit's `Exec…=` lines.
///
/// Each kind's text is split into words as the program that runs it does: sh for scripts,
/// Procfiles and Dockerfile shell forms; JSON for Dockerfile exec forms; compose's own word
/// splitting (go-shellwords, no shell) for compose strings; systemd's quoting for units. A
/// command that runs `sh -c STRING` has STRING's commands too. Every word keeps its exact source
/// span, through JSON escapes, YAML quoting and joined continuation lines.
///
/// Any input gives a result: a file that is not UTF-8 or has a NUL byte gives the encoding
/// diagnostic and no commands; nesting is bounded by `ReaderLimits.maxDepth`.
public enum LaunchReader {
    /// Which launch file a path is (basename or path), from its name, or its first bytes (a `#!`
    /// shell shebang) when given.
    public static func kind(ofPath path: String, firstLine: ArraySlice<UInt8>?) -> LaunchFileKind? {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.index(after: $0)...]) } ?? path
        if name == "package.json" { return .packageJSON }
        if name == "Dockerfile" || name == "dockerfile" || name == "Containerfile" || name == "containerfile"
            || name.hasSuffix(".Dockerfile") || name.hasSuffix(".dockerfile") || name.hasPrefix("Dockerfile.")
            || name.hasPrefix("dockerfile.") || name.hasPrefix("Containerfile.") || name.hasSuffix(".Containerfile")
        {
            return .dockerfile
        }
        for ext in [".yml", ".yaml"] where name.hasSuffix(ext) {
            let stem = String(name.dropLast(ext.count))
            if stem == "docker-compose" || stem == "compose" || stem.hasPrefix("docker-compose.")
                || stem.hasPrefix("compose.")
            {
                return .compose
            }
        }
        if name == "Procfile" || name.hasPrefix("Procfile.") { return .procfile }
        if name.hasSuffix(".sh") || name.hasSuffix(".bash") { return .shellScript }
        if name.hasSuffix(".service") { return .systemdUnit }
        if let firstLine, isShellShebang(firstLine) { return .shellScript }
        return nil
    }

    /// Whether `bytes` start with `#!` naming a POSIX-like shell (`/bin/sh`, `/bin/bash -e`,
    /// `/usr/bin/env bash`, `/usr/bin/env -S bash -x`).
    static func isShellShebang(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let words = shebangWords(bytes) else { return false }
        var i = 0
        guard i < words.count else { return false }
        var program = ShellReader.baseName(words[i])
        if program == "env" {
            i += 1
            while i < words.count, words[i].hasPrefix("-") || words[i].contains("=") { i += 1 }
            guard i < words.count else { return false }
            program = ShellReader.baseName(words[i])
        }
        return ["sh", "bash", "dash", "zsh", "ash", "ksh"].contains(program)
    }

    /// The words of a `#!` line, split at blanks; nil when the bytes do not start with `#!`.
    static func shebangWords(_ bytes: ArraySlice<UInt8>) -> [String]? {
        let b = Array(bytes.prefix(512))
        guard b.count >= 2, b[0] == UInt8(ascii: "#"), b[1] == UInt8(ascii: "!") else { return nil }
        var end = 2
        while end < b.count && b[end] != 0x0A && b[end] != 0x0D { end += 1 }
        return b[2..<end].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    public static func read(_ source: SourceFile, kind: LaunchFileKind) -> LaunchFile {
        var c = LaunchCollector()
        if let d = EncodingCheck.diagnose(source) {
            c.diagnostics.append(d)
        } else {
            switch kind {
            case .packageJSON: PackageScripts.read(source, into: &c)
            case .dockerfile: DockerfileReader.read(source, into: &c)
            case .compose: ComposeCommands.read(source, into: &c)
            case .procfile: ProcfileReader.read(source, into: &c)
            case .shellScript: readShellScript(source, into: &c)
            case .systemdUnit: SystemdUnitReader.read(source, into: &c)
            }
        }
        return LaunchFile(kind: kind, commands: c.commands, scripts: c.scripts, diagnostics: c.diagnostics)
    }

    /// A shell script: every command, its origin the line it starts on.
    static func readShellScript(_ source: SourceFile, into c: inout LaunchCollector) {
        let r = ShellReader.read(ShellText(source: source, span: Span(source.bomLength, source.bytes.count)))
        c.diagnostics += r.diagnostics
        for command in r.commands {
            let line = source.lineColumn(of: command.span.start).line
            c.commands.append(LaunchCommand(command: command, origin: "line \(line)", originSpan: command.span))
        }
    }
}

/// A word decoded outside the shell (a JSON string, a YAML item, a systemd argument) and its
/// text, each byte where it is written, for reading it again when it is a `sh -c` string.
struct DecodedWord {
    var word: ShellWord
    var text: ShellText
}

/// Commands and diagnostics as a launch file is read.
struct LaunchCollector {
    var commands: [LaunchCommand] = []
    var scripts: [String: LaunchScript] = [:]
    var diagnostics: [SyntaxDiagnostic] = []

    /// Reads `text` as shell; its commands run from `origin`. Returns them.
    @discardableResult
    mutating func shell(_ text: ShellText, origin: String, originSpan: Span, scriptName: String? = nil)
        -> [ShellCommand]
    {
        let r = ShellReader.read(text)
        diagnostics += r.diagnostics
        for command in r.commands {
            commands.append(
                LaunchCommand(command: command, origin: origin, originSpan: originSpan, scriptName: scriptName))
        }
        return r.commands
    }

    /// A command given as words, run without a shell (exec form, a list); when it runs
    /// `sh -c STRING`, STRING's commands too. Returns them all.
    @discardableResult
    mutating func words(
        _ words: [DecodedWord], span: Span, origin: String, originSpan: Span, readShellStringFrom first: Int = 0
    ) -> [ShellCommand] {
        guard !words.isEmpty else { return [] }
        var out = [ShellCommand(assignments: [], words: words.map(\.word), span: span)]
        if let k = ShellReader.commandStringIndex(out[0].words), k >= first {
            let r = ShellReader.read(shellString: words[k].text)
            diagnostics += r.diagnostics
            out += r.commands
        }
        for command in out {
            commands.append(LaunchCommand(command: command, origin: origin, originSpan: originSpan))
        }
        return out
    }
}

/// package.json: each string of `scripts` is a shell command line (npm runs it with `sh -c`).
enum PackageScripts {
    static func read(_ source: SourceFile, into c: inout LaunchCollector) {
        let r = JSONReader.read(source)
        // npm strips a byte order mark before it parses package.json.
        c.diagnostics += r.diagnostics.filter {
            !(source.bomLength > 0 && $0.code == .jsonSyntax && $0.span == Span(0, source.bomLength))
        }
        guard let root = r.root, root.isMapping, let entry = root.entry("scripts") else { return }
        let scripts = entry.value
        guard scripts.isMapping else {
            c.diagnostics.append(
                SyntaxDiagnostic(
                    .launchShape, .warning,
                    "\"scripts\" is not an object; npm runs no script from it", at: scripts.span))
            return
        }
        for script in scripts.entries {
            guard let name = script.key else { continue }
            // When a name repeats, JSON.parse keeps the last one.
            guard scripts.entry(name)?.span == script.span else { continue }
            let value = script.value
            guard let text = ShellText.scalar(value) else {
                c.diagnostics.append(
                    SyntaxDiagnostic(
                        .launchShape, .warning,
                        "script \"\(name)\" is not a string; npm cannot run it", at: value.span))
                continue
            }
            let commands = c.shell(text, origin: "script \"\(name)\"", originSpan: script.keySpan, scriptName: name)
            c.scripts[name] = LaunchScript(
                name: name, nameSpan: script.keySpan, valueSpan: value.span, commands: commands)
        }
    }
}

/// Procfile: `name: command` lines (Heroku, foreman, honcho); each command runs in a shell.
enum ProcfileReader {
    static func read(_ source: SourceFile, into c: inout LaunchCollector) {
        let b = source.bytes
        source.forEachLineSpan { _, line in
            var i = line.start
            while i < line.end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
            guard i < line.end, b[i] != UInt8(ascii: "#") else { return }
            var k = line.start
            while k < line.end && isNameByte(b[k]) { k += 1 }
            guard k > line.start, k < line.end, b[k] == UInt8(ascii: ":") else {
                c.diagnostics.append(
                    SyntaxDiagnostic(
                        .procfileSyntax, .warning,
                        "this line is not \"name: command\" (a name of letters, digits, '_' or '-' at the start of the line, then ':'); Heroku and foreman ignore it",
                        at: line))
                return
            }
            let nameSpan = Span(line.start, k)
            var start = k + 1
            while start < line.end && (b[start] == 0x20 || b[start] == 0x09) { start += 1 }
            guard start < line.end else {
                c.diagnostics.append(
                    SyntaxDiagnostic(
                        .procfileSyntax, .warning,
                        "process \"\(source.text(nameSpan))\" has no command; Heroku and foreman ignore the line",
                        at: line))
                return
            }
            c.shell(
                ShellText(source: source, span: Span(start, line.end)),
                origin: "process \"\(source.text(nameSpan))\"", originSpan: nameSpan)
        }
    }

    static func isNameByte(_ c: UInt8) -> Bool {
        (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }
}
