import LogCheckSyntax

/// A PM2 ecosystem file with PM2 7.0.3's semantics: the top-level shapes `_startJson` accepts,
/// each app's fields resolved through aliases as `validateJSON` does, and the facts PM2 derives
/// (exec mode, interpreter, instance count, instance variable, log files), each traceable to the
/// spans it came from. Values known only at run time stay unknown.
public final class Ecosystem: @unchecked Sendable {
    public enum Shape: Equatable, Sendable {
        /// `{ apps: [...] }`
        case appsList
        /// `{ apps: {...} }`, wrapped into a list by PM2.
        case appsObject
        /// `{ pm2: [...] }` (legacy key, used only when `apps` is falsy).
        case legacyPM2
        /// The whole object is one app.
        case bareApp
        /// A top-level list of apps.
        case bareList
        /// The top-level value is only known at run time.
        case unknown
        /// Something PM2 cannot use (a string, a number, null).
        case unusable
    }

    public let document: Document
    public let root: Node
    public let shape: Shape
    /// The `apps` (or `pm2`) entry the apps come from.
    public let appsEntry: Entry?
    public let apps: [PM2App]
    public let deployEntry: Entry?
    public let staticEntry: Entry?

    public var source: SourceFile { root.source }

    public init(document: Document, root: Node) {
        self.document = document
        self.root = root
        var shape = Shape.unusable
        var appsEntry: Entry? = nil
        var appNodes: [Node] = []
        switch root.kind {
        case .unknown:
            shape = .unknown
        case .scalar:
            shape = .unusable
        case .sequence:
            shape = .bareList
            appNodes = Array(root.elements)
        case .mapping:
            let apps = root.entry("apps")
            let pm2 = root.entry("pm2")
            if let apps, apps.value.isTruthy != false {
                appsEntry = apps
                if apps.value.isSequence {
                    shape = .appsList
                    appNodes = Array(apps.value.elements)
                } else if apps.value.isUnknown {
                    shape = .unknown
                } else {
                    shape = .appsObject
                    appNodes = [apps.value]
                }
            } else if let pm2, pm2.value.isTruthy != false {
                appsEntry = pm2
                shape = .legacyPM2
                appNodes = pm2.value.isSequence ? Array(pm2.value.elements) : [pm2.value]
                if pm2.value.isUnknown {
                    shape = .unknown
                    appNodes = []
                }
            } else if root.hasUnknownEntries && apps == nil && pm2 == nil {
                shape = .unknown
            } else {
                shape = .bareApp
                appNodes = [root]
            }
        }
        self.shape = shape
        self.appsEntry = appsEntry
        self.deployEntry = root.isMapping ? root.entry("deploy") : nil
        self.staticEntry = root.isMapping ? root.entry("static") : nil
        var apps: [PM2App] = []
        apps.reserveCapacity(appNodes.count)
        for (index, node) in appNodes.enumerated() where node.isMapping {
            apps.append(PM2App(node: node, index: index, bare: shape == .bareApp))
        }
        self.apps = apps
    }

    /// Whether `apps` holds every app the file gives PM2: false when the list, or one of its
    /// items, is known only at run time (`apps: [...shared, { … }]`).
    public var appsKnown: Bool {
        switch shape {
        case .unknown, .unusable: return false
        case .bareList: return root.elements.allSatisfy(\.isMapping)
        case .appsList, .legacyPM2, .appsObject:
            guard let value = appsEntry?.value else { return false }
            return value.isSequence ? value.elements.allSatisfy(\.isMapping) : value.isMapping
        case .bareApp: return true
        }
    }

    /// The deploy environment `name`, when the file has one.
    public func deployEnvironment(_ name: String) -> Node? {
        deployEntry?.value[name]
    }
}

/// One app of an ecosystem file.
public struct PM2App: @unchecked Sendable {
    public let node: Node
    /// Position in the app list.
    public var index: Int { Int(storedIndex) }
    private let storedIndex: Int32
    /// True when the whole file is the app (no `apps`).
    public let bare: Bool
    /// Every entry whose key is a schema key or alias, ordered by the key's schema position and
    /// then by file order.
    private let written: [KeyEntry]
    /// The schema fields PM2 ends up with, resolved once (see `field`), in the schema's order;
    /// nil when they are exactly `written` (no alias, repeated key or null among them), as in
    /// most apps.
    private let resolvedFields: [KeyEntry]?
    /// The `env` and `env_<name>` entries, in file order (`spellingIndex` 0 for `env`, 1 for
    /// `env_<name>`).
    private let environmentEntries: [KeyEntry]
    /// The mode PM2 runs the app in (`execMode.mode`), found once: most rules ask for it, and
    /// finding it resolves the interpreter. Why it is that mode (`execMode`) is found again when
    /// a finding needs it.
    public private(set) var mode: Mode = .unknown

    private var resolved: [KeyEntry] { resolvedFields ?? written }

    /// A schema key and one of the app's entries, in 8 bytes: a 50 MB file has over a hundred
    /// thousand apps, and the entry is found again through the app's node.
    struct KeyEntry {
        /// The key's position in the schema.
        let position: UInt16
        /// The index of the spelling used in the key's `spellings`.
        let spellingIndex: UInt16
        /// The entry's index among the app's entries.
        let entry: Int32
    }

    /// A written entry with its spelling (see `forEachWrittenKey`).
    struct Written {
        let spellingIndex: Int
        let entry: Entry
    }

    /// The entries written for one schema key, in file order.
    struct WrittenGroup: RandomAccessCollection {
        let entries: EntryList
        let keyEntries: ArraySlice<KeyEntry>
        var startIndex: Int { keyEntries.startIndex }
        var endIndex: Int { keyEntries.endIndex }
        subscript(i: Int) -> Written {
            Written(spellingIndex: Int(keyEntries[i].spellingIndex), entry: entries[Int(keyEntries[i].entry)])
        }
    }

    init(node: Node, index: Int, bare: Bool) {
        self.node = node
        self.storedIndex = Int32(truncatingIfNeeded: index)
        self.bare = bare
        let entries = node.entries
        var written: [KeyEntry] = []
        written.reserveCapacity(entries.count)
        var environments: [KeyEntry] = []
        for i in entries.indices {
            // environment: 0 for `env`, 1 for `env_<name>`, nil for other keys.
            let (code, environment) = entries[i].withKeyBytes { b -> (Int?, UInt16?) in
                guard let b else { return (nil, nil) }
                let isEnv =
                    b.count == 3 && b[0] == UInt8(ascii: "e") && b[1] == UInt8(ascii: "n") && b[2] == UInt8(ascii: "v")
                return (PM2Schema.spellingTable.value(b), isEnv ? 0 : PM2Schema.isEnvironmentKey(b) ? 1 : nil)
            }
            if let code {
                written.append(
                    KeyEntry(position: UInt16(code >> 8), spellingIndex: UInt16(code & 0xFF), entry: Int32(i)))
            }
            if let environment {
                environments.append(KeyEntry(position: 0, spellingIndex: environment, entry: Int32(i)))
            }
        }
        // Stable: entries of one key stay in file order.
        written.sort { $0.position != $1.position ? $0.position < $1.position : $0.entry < $1.entry }
        var fields: [KeyEntry] = []
        var start = 0
        while start < written.count {
            let position = written[start].position
            var end = start + 1
            while end < written.count && written[end].position == position { end += 1 }
            let group = written[start..<end]
            let key = PM2Schema.keys[Int(position)]
            /// The last entry spelled `spellings[index]` (a repeated key keeps its last value).
            func last(_ index: Int) -> KeyEntry? { group.last { Int($0.spellingIndex) == index } }
            // validateJSON (Config.js:97-101): the canonical key first, then each alias in order;
            // the first truthy value wins, and a falsy value is replaced by the next alias's
            // value even when that is absent.
            var current = last(0)
            for index in key.aliasSpellingIndices {
                if let c = current, entries[Int(c.entry)].value.isTruthy != false { break }
                current = last(index)
            }
            if let c = current {
                let value = entries[Int(c.entry)].value
                if !value.isNull && !value.isUndefined { fields.append(c) }
            }
            start = end
        }
        let same = fields.count == written.count && zip(fields, written).allSatisfy { $0.entry == $1.entry }
        self.written = written
        self.resolvedFields = same ? nil : fields
        self.environmentEntries = environments
        self.mode = execMode.mode
    }

    public var source: SourceFile { node.source }

    // MARK: fields

    public struct Field: @unchecked Sendable {
        public let key: PM2Key
        /// The entry whose value PM2 uses.
        public let entry: Entry
        public var value: Node { entry.value }
        /// The spelling PM2 took it from (the canonical name or an alias).
        public var spelling: String { entry.key ?? key.name }
        public var viaAlias: Bool { spelling != key.name }

        init(key: PM2Key, entry: Entry) {
            self.key = key
            self.entry = entry
        }

        /// The field a key entry of the app names.
        init(_ keyEntry: KeyEntry, _ entries: EntryList) {
            self.init(key: PM2Schema.keys[Int(keyEntry.position)], entry: entries[Int(keyEntry.entry)])
        }
    }

    /// The schema fields PM2 ends up with, in the schema's order.
    public var fields: Fields { Fields(entries: node.entries, keyEntries: resolved[...]) }

    /// A view of the resolved fields (no array is built for them).
    public struct Fields: RandomAccessCollection, @unchecked Sendable {
        let entries: EntryList
        let keyEntries: ArraySlice<KeyEntry>
        public var startIndex: Int { keyEntries.startIndex }
        public var endIndex: Int { keyEntries.endIndex }
        public subscript(i: Int) -> Field { Field(keyEntries[i], entries) }
    }

    /// The value PM2 uses for a schema key, resolved as `validateJSON` does (Config.js:97-101): the
    /// canonical key first, then each alias in order, and the first truthy value wins; a falsy
    /// canonical value is replaced by the next alias's value even when that is absent.
    /// nil when PM2 ends up with no value (absent, null or dropped).
    public func field(_ key: PM2Key) -> Field? {
        let position = key.position
        // Few fields, in schema order: a linear scan beats hashing them.
        for f in resolved where Int(f.position) >= position {
            return Int(f.position) == position ? Field(f, node.entries) : nil
        }
        return nil
    }

    /// The entries written for each schema key under any of its spellings: one call per key
    /// written, in schema order, with its entries in file order.
    func forEachWrittenKey(_ body: (PM2Key, WrittenGroup) -> Void) {
        let entries = node.entries
        var start = 0
        while start < written.count {
            let position = written[start].position
            var end = start + 1
            while end < written.count && written[end].position == position { end += 1 }
            body(PM2Schema.keys[Int(position)], WrittenGroup(entries: entries, keyEntries: written[start..<end]))
            start = end
        }
    }

    /// Every entry of the app spelled as `key`'s name or one of its aliases.
    public func spellings(_ key: PM2Key) -> [Entry] {
        let position = key.position
        let entries = node.entries
        return written.filter { Int($0.position) == position }.map { entries[Int($0.entry)] }
    }

    /// "app "api"" or "app #2", for messages.
    public var label: String { name.map { "app \"\($0)\"" } ?? "app #\(index + 1)" }

    /// `script`, or `cmd`/`command` when `script` is absent (verifyConfs, Common.js:697-705).
    public var script: Node? {
        if let s = field(.script)?.value { return s }
        return node["cmd"] ?? node["command"]
    }

    /// The package manager PM2 runs as the app's process, when `script` is `npm`, `yarn`, `pnpm`
    /// or `npx` (`pm2 start npm -- start`). The app's own code then runs in a child of that
    /// process, and Node never makes such a child a cluster worker: a worker deletes
    /// `NODE_UNIQUE_ID` from its environment before its code runs (lib/internal/process/
    /// pre_execution.js, `initializeClusterIPC`), so the child's `cluster.isMaster` is true.
    public var packageManager: String? {
        guard let s = script?.string, !s.containsBytes(" ") else { return nil }
        let base = Path.basename(s)
        return ["npm", "yarn", "pnpm", "npx"].contains(base) ? base : nil
    }

    /// The mode of the process the app's own code runs in: the app's mode, except that an app
    /// whose script is a package manager runs its code in a child of it, never a cluster worker,
    /// so each of its processes is its own cluster master (`.fork`).
    public var codeMode: Mode { packageManager != nil ? .fork : mode }

    /// The name PM2 gives the app: `name`, else the script's basename without its extension.
    public var name: String? {
        if let n = field(.name)?.value {
            return n.string
        }
        // `renderApplicationName` (Common.js:903-911), which runs before a script with a space
        // becomes `bash -c` (Common.js:712, 725-739): the script's basename without its last
        // extension (`node ./bin/www` is "www", `npm start` is "npm start").
        guard let s = script?.string else { return nil }
        let base = Path.basename(s)
        if let dot = base.lastIndex(of: "."), dot > base.startIndex { return String(base[..<dot]) }
        return base
    }

    // MARK: environments

    public struct Environment: @unchecked Sendable {
        /// nil for `env`, `production` for `env_production`.
        public let name: String?
        public let entry: Entry
        public var values: Node { entry.value }
        public var label: String { name.map { "env_\($0)" } ?? "env" }
    }

    /// `env` and every `env_<name>` section, in file order.
    public var environments: Environments { Environments(entries: node.entries, keyEntries: environmentEntries[...]) }

    public struct Environments: RandomAccessCollection, @unchecked Sendable {
        let entries: EntryList
        let keyEntries: ArraySlice<KeyEntry>
        public var startIndex: Int { keyEntries.startIndex }
        public var endIndex: Int { keyEntries.endIndex }
        public subscript(i: Int) -> Environment {
            let entry = entries[Int(keyEntries[i].entry)]
            guard keyEntries[i].spellingIndex == 1 else { return Environment(name: nil, entry: entry) }
            return Environment(
                name: entry.withKeyBytes { b in b.map { String(decoding: $0[4...], as: UTF8.self) } }, entry: entry)
        }
    }

    // MARK: derived facts

    public enum Mode: String, Sendable {
        case cluster, fork, unknown
    }

    public enum ModeReason: Sendable {
        /// `exec_mode` says so.
        case explicit(Field)
        /// `execute_command: true` forces fork.
        case executeCommand(Entry)
        /// `instances` is set and the interpreter is node or bun (Common.js:339-357).
        case implicitCluster(instances: Field, interpreter: Interpreter)
        /// Nothing makes it cluster.
        case defaultFork
        /// A value it depends on is only known at run time.
        case runtime(Node)
    }

    public struct ExecMode: Sendable {
        public let mode: Mode
        public let reason: ModeReason

        /// Where the mode comes from (for related locations).
        public var sourceNode: Node? {
            switch reason {
            case .explicit(let f): return f.value
            case .executeCommand(let e): return e.value
            case .implicitCluster(let f, _): return f.value
            case .runtime(let n): return n
            case .defaultFork: return nil
            }
        }
    }

    /// The mode PM2 runs the app in, and why.
    public var execMode: ExecMode {
        // `execute_command == true` overwrites exec_mode with 'fork' before validation
        // (Common.js:714-717), whatever exec_mode (or its alias execMode) says.
        if let e = node.entry("execute_command") {
            switch PM2App.looseEquals(e.value, true) {
            case true?: return ExecMode(mode: .fork, reason: .executeCommand(e))
            case nil:
                // Fork either way when exec_mode says fork.
                if let f = field(.execMode), f.value.isString("fork") || f.value.isString("fork_mode") {
                    return ExecMode(mode: .fork, reason: .explicit(f))
                }
                return ExecMode(mode: .unknown, reason: .runtime(e.value))
            case false?: break
            }
        }
        if let f = field(.execMode) {
            if f.value.isUnknown { return ExecMode(mode: .unknown, reason: .runtime(f.value)) }
            let v = f.value
            if v.isString("cluster") || v.isString("cluster_mode") {
                return ExecMode(mode: .cluster, reason: .explicit(f))
            }
            if v.isString("fork") || v.isString("fork_mode") { return ExecMode(mode: .fork, reason: .explicit(f)) }
        }
        guard let f = field(.instances) ?? node.entry("instances").map({ Field(key: .instances, entry: $0) }),
            !f.value.isNull, !f.value.isUndefined
        else {
            return ExecMode(mode: .fork, reason: .defaultFork)
        }
        let interpreter = self.interpreter
        // instances >= 1, 0 or exactly -1 (Common.js:339-357).
        let impliesCluster: Bool
        switch instances {
        case .unknown: return ExecMode(mode: .unknown, reason: .runtime(f.value))
        case .notSet: impliesCluster = false
        case .count, .allCPUs: impliesCluster = true
        case .cpusMinus(let n): impliesCluster = n == 1
        }
        guard impliesCluster else { return ExecMode(mode: .fork, reason: .defaultFork) }
        switch interpreter.kind {
        case .node, .bun:
            return ExecMode(mode: .cluster, reason: .implicitCluster(instances: f, interpreter: interpreter))
        case .unknown: return ExecMode(mode: .unknown, reason: .runtime(interpreter.node ?? f.value))
        default: return ExecMode(mode: .fork, reason: .defaultFork)
        }
    }

    public struct Interpreter: Sendable {
        public enum Kind: Equatable, Sendable {
            case node, bun, none
            case other(String)
            case unknown
        }

        public let kind: Kind
        /// The node that decides it: `exec_interpreter`, or the script.
        public let node: Node?
        public let explicit: Bool

        public var name: String {
            switch kind {
            case .node: return "node"
            case .bun: return "bun"
            case .none: return "none"
            case .other(let s): return s
            case .unknown: return "unknown"
            }
        }
    }

    /// The interpreter PM2 resolves (Common.js:415-468): `exec_interpreter` when set, else by the
    /// script's extension, else node (a `script` with a space runs through bash, a binary).
    public var interpreter: Interpreter {
        if let f = field(.execInterpreter) {
            guard let s = f.value.string else { return Interpreter(kind: .unknown, node: f.value, explicit: true) }
            let base = Path.basename(s.split(separator: "@").first.map(String.init) ?? s)
            if base == "node" || base.hasSuffix("node") {
                return Interpreter(kind: .node, node: f.value, explicit: true)
            }
            if base == "bun" || base.hasSuffix("bun") { return Interpreter(kind: .bun, node: f.value, explicit: true) }
            if base == "none" { return Interpreter(kind: .none, node: f.value, explicit: true) }
            return Interpreter(kind: .other(s), node: f.value, explicit: true)
        }
        guard let script = script else { return Interpreter(kind: .node, node: nil, explicit: false) }
        guard let s = script.string else { return Interpreter(kind: .unknown, node: script, explicit: false) }
        if s.containsBytes(" ") { return Interpreter(kind: .none, node: script, explicit: false) }
        let base = Path.basename(s)
        if let dot = base.lastIndex(of: "."), dot > base.startIndex {
            let ext = String(base[dot...]).lowercased()
            if let i = PM2Schema.interpreterByExtension[ext] {
                return Interpreter(kind: i == "bun" ? .bun : .other(i), node: script, explicit: false)
            }
        }
        return Interpreter(kind: .node, node: script, explicit: false)
    }

    public enum Instances: Equatable, Sendable {
        case notSet
        case count(Int)
        /// 0, "max", or a string that is not a number: one per CPU.
        case allCPUs
        /// A negative n: CPUs + n (at least 1).
        case cpusMinus(Int)
        case unknown
    }

    /// `instances` as PM2 normalises it (Common.js:838-844, God.js:137-146).
    public var instances: Instances {
        guard let e = field(.instances)?.entry ?? node.entry("instances") else { return .notSet }
        return PM2App.instances(of: e.value)
    }

    /// A value of `instances` as PM2 normalises it (Common.js:838-844, God.js:137-146).
    public static func instances(of v: Node) -> Instances {
        if v.isUnknown { return .unknown }
        if v.isNull || v.isUndefined { return .notSet }
        var n: Double
        if let s = v.string {
            if s == "max" { return .allCPUs }
            n = Double(PM2App.parseInt(s) ?? 0)
        } else if let d = v.number {
            n = d
        } else if v.bool == false {
            return .notSet
        } else {
            return .unknown
        }
        // YAML's `.nan` and `.inf` and numbers past Int's range are possible here; what PM2's
        // loops do with them is not documented, so NaN is unknown and the rest are clamped.
        if n.isNaN { return .unknown }
        let i = Int(min(max(n, -1e9), 1e9).rounded(.towardZero))
        if i == 0 { return .allCPUs }
        if i < 0 { return .cpusMinus(-i) }
        return .count(i)
    }

    /// JavaScript's parseInt for base 10: leading whitespace, sign, digits.
    static func parseInt(_ s: String) -> Int? {
        var body = Substring(s)
        while let f = body.first, f == " " || f == "\t" || f == "\n" { body.removeFirst() }
        var sign = 1
        if body.hasPrefix("-") {
            sign = -1
            body.removeFirst()
        } else if body.hasPrefix("+") {
            body.removeFirst()
        }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let v = Int(digits.prefix(15)) else { return nil }
        return sign * v
    }

    /// A human description of the instance count.
    public var instancesDescription: String {
        switch instances {
        case .notSet: return "1 process"
        case .count(let n): return n == 1 ? "1 process" : "\(n) processes"
        case .allCPUs: return "one process per CPU"
        case .cpusMinus(let n): return "one process per CPU minus \(n)"
        case .unknown: return "a number of processes known only at run time"
        }
    }

    /// "4 processes", "the processes (one per CPU)": for "all … write the same file".
    public var processesPhrase: String {
        switch instances {
        case .count(let n): return n == 1 ? "1 process" : "\(n) processes"
        case .allCPUs: return "the processes (one per CPU)"
        case .cpusMinus(let n): return "the processes (one per CPU minus \(n))"
        case .notSet, .unknown: return "the processes"
        }
    }

    /// More than one process (true), one (false), or unknown.
    public var multipleProcesses: Truth {
        switch instances {
        case .notSet: return .no
        case .count(let n): return Truth(n > 1)
        case .allCPUs, .cpusMinus: return .unknown
        case .unknown: return .unknown
        }
    }

    /// The name of the per-instance variable PM2 sets (`instance_var`, default NODE_APP_INSTANCE;
    /// God.js:585). nil when only known at run time.
    public var instanceVariable: (name: String?, field: Field?) {
        guard let f = field(.instanceVar) else { return ("NODE_APP_INSTANCE", nil) }
        if f.value.isUnknown { return (nil, f) }
        return (f.value.string ?? f.value.text, f)
    }

    /// Whether PM2 merges the instances' log files into one (no `-<pm_id>` suffix): true when
    /// verifyConfs sets `merge_logs` itself, which it does unless the file has `merge_logs`, says
    /// cluster in `exec_mode` or sets instances (Common.js:846-850, `mergeLogsPreset`); else
    /// `merge_logs` (or its alias) as validateJSON resolves it.
    public var mergesLogs: Truth {
        switch mergeLogsPreset {
        case .yes: return .yes
        case .unknown: return .unknown
        case .no:
            guard let f = field(.mergeLogs) else { return .no }
            return Truth(f.value.isTruthy)
        }
    }
}
