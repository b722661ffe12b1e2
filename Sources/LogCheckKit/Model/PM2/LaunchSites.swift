import LogCheckSyntax

/// One PM2 command line found in a project file: where it is, and what PM2 7.0.3's CLI makes of
/// it (docs/evidence/pm2.md, "The command line").
public struct LaunchSite: Sendable {
    /// Where the command comes from, for messages: `script "start"`, `CMD`, `ExecStart`.
    public var origin: String
    public var originSpan: Span
    /// package.json: the script's name.
    public var scriptName: String?
    public var command: ShellCommand
    public var line: PM2CommandLine
    /// The indices of the apps it starts among the launch file's apps: one for each script it
    /// starts (`pm2 start a.js b.js` starts two).
    public var apps: [Int] = []

    /// `pm2 start app.js -i 0` as written (the words of the command line, shortened).
    public var commandText: String {
        let words = line.words.map { $0.value ?? "$…" }
        let text = words.joined(separator: " ")
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}

/// A `node <file>` command found in a project file.
public struct NodeRun: Sendable {
    /// Where the command comes from, for messages: `script "start"`, `CMD`, `ExecStart`.
    public var origin: String
    public var originSpan: Span
    public var scriptName: String?
    public var line: NodeCommandLine
}

/// The PM2 command lines of a launch file (package.json scripts, a Dockerfile, a compose file, a
/// Procfile, a shell script, a systemd unit) and the apps they start. The apps are written as a
/// tree (`TreeWriter`) shaped like an ecosystem file's list of apps, with each value at the word
/// it comes from: every rule and the Link stage read them as they read an ecosystem file's.
public final class LaunchSites: @unchecked Sendable {
    public let kind: LaunchFileKind
    public let sites: [LaunchSite]
    /// package.json: the scripts by name (for `npm start` and `npm run X`).
    public let scripts: [String: LaunchScript]
    /// `pm2 install <module>` commands: the module word.
    public var installs: [(site: LaunchSite, module: ShellWord)] {
        sites.compactMap { s in s.line.action == .install ? s.line.target.map { (s, $0) } : nil }
    }

    /// The `node <file>` command lines: apps started without PM2.
    public let nodeRuns: [NodeRun]

    init(kind: LaunchFileKind, sites: [LaunchSite], scripts: [String: LaunchScript], nodeRuns: [NodeRun] = []) {
        self.kind = kind
        self.sites = sites
        self.scripts = scripts
        self.nodeRuns = nodeRuns
    }

    /// Whether a command line starts apps or installs a module, or is one PM2 rejects: the file
    /// is then checked like an ecosystem file (a package.json whose scripts only run `pm2 logs`,
    /// or no PM2 at all, is not).
    public var runsPM2: Bool {
        sites.contains { s in
            s.line.action != .other
                || s.line.problems.contains { if case .unknownCommand = $0.kind { true } else { false } }
        }
    }

    /// The site that starts app `index`.
    public func site(ofApp index: Int) -> LaunchSite? { sites.first { $0.apps.contains(index) } }

    /// The module a `pm2 install` names, when one of the commands installs it.
    public func installs(_ module: String) -> LaunchSite? {
        installs.first { $0.module.value == module }?.site
    }

    /// Reads a launch file: its commands, the PM2 command lines among them, and the tree of the
    /// apps they start.
    public static func read(_ source: SourceFile, kind: LaunchFileKind) -> (LaunchSites, ReadResult) {
        let file = LaunchReader.read(source, kind: kind)
        var sites: [LaunchSite] = []
        var writer = TreeWriter(source: source)
        var apps: [TreeWriter.Ref] = []
        var nodeRuns: [NodeRun] = []
        for c in file.commands {
            guard let line = PM2CommandLine.find(in: c.command) else {
                if let node = NodeCommandLine.find(in: c.command) {
                    nodeRuns.append(
                        NodeRun(origin: c.origin, originSpan: c.originSpan, scriptName: c.scriptName, line: node))
                }
                continue
            }
            var site = LaunchSite(
                origin: c.origin, originSpan: c.originSpan, scriptName: c.scriptName, command: c.command, line: line)
            if line.startsScript {
                for target in line.scriptTargets {
                    site.apps.append(apps.count)
                    apps.append(app(of: line, target: target, command: c.command, into: &writer))
                }
            }
            sites.append(site)
        }
        let tree = writer.finish(root: writer.sequence(apps, span: Span(0, source.bytes.count)))
        return (
            LaunchSites(kind: kind, sites: sites, scripts: file.scripts, nodeRuns: nodeRuns),
            ReadResult(tree: tree, diagnostics: file.diagnostics)
        )
    }

    /// The app a command line starts, as an ecosystem file would write it: `script` at the
    /// target, each option's field at its word, `args` after `--`, and the command's
    /// `NAME=value` assignments (and `env`'s) as `env` (PM2 passes the CLI's environment to the app,
    /// Common.js:154-185).
    static func app(of line: PM2CommandLine, target: ShellWord, command: ShellCommand, into w: inout TreeWriter)
        -> TreeWriter.Ref
    {
        var entries: [(key: String, keySpan: Span, value: TreeWriter.Ref)] = []
        entries.append(("script", target.span, word(target, into: &w)))
        for f in line.appFields {
            let span = f.valueWord?.span ?? f.flag.span
            let value: TreeWriter.Ref
            switch f.value {
            case .string(let s): value = w.string(s, span: span)
            case .number(let n): value = w.number(n, span: span)
            case .bool(let b): value = w.bool(b, span: span)
            case .unknown: value = w.unknown(span: span, detail: f.valueWord?.value)
            }
            entries.append((f.key, f.flag.span, value))
        }
        if !line.scriptArguments.isEmpty {
            let items = line.scriptArguments.map { word($0, into: &w) }
            let span = line.scriptArguments[0].span.union(line.scriptArguments[line.scriptArguments.count - 1].span)
            entries.append(("args", span, w.sequence(items, span: span)))
        }
        if !line.assignments.isEmpty {
            let env = line.assignments.map { a in
                (key: a.name, keySpan: a.span, value: word(a.value, into: &w))
            }
            let span = line.assignments[0].span.union(line.assignments[line.assignments.count - 1].span)
            entries.append(("env", span, w.mapping(env, span: span)))
        }
        return w.mapping(entries, span: line.span)
    }

    static func word(_ word: ShellWord, into w: inout TreeWriter) -> TreeWriter.Ref {
        if let v = word.value { return w.string(v, span: word.span) }
        return w.unknown(span: word.span)
    }
}

extension PM2CommandLine {
    /// Whether the command starts the apps its script targets name: `pm2 start <script>…` or
    /// `pm2-runtime <script>` (restart and reload of a script name operate on running processes
    /// only; an ecosystem file's apps are its own).
    var startsScript: Bool {
        guard action == .start, !scriptTargets.isEmpty else { return false }
        return actionWord == nil || actionWord?.value == "start"
    }

    /// Every word from the program to the last one read.
    var words: [ShellWord] {
        var all = [programWord]
        if let a = actionWord { all.append(a) }
        all += targets
        if targets.isEmpty, let t = target { all.append(t) }
        for o in options {
            all.append(o.flag)
            if let v = o.value { all.append(v) }
        }
        all += scriptArguments
        return all.sorted { $0.span.start < $1.span.start }
    }

    /// The span from the program word to the last word.
    var span: Span {
        words.reduce(programWord.span) { $0.union($1.span) }
    }
}
