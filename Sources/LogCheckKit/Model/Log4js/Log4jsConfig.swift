import LogCheckSyntax

/// Three-valued truth: JavaScript truthiness of a value that may exist only at run time.
public enum Truth: Sendable, Equatable {
    case yes
    case no
    case unknown

    public init(_ b: Bool?) { self = b.map { $0 ? .yes : .no } ?? .unknown }
}

/// A log4js configuration (log4js 6.9.1) with every field's source position, read from a
/// JSON/YAML file or from a `configure({...})` argument in app code.
public final class Log4jsConfig: @unchecked Sendable {
    public let root: Node
    /// Layout types the code around an inline config registers with `log4js.addLayout()` in the
    /// same file (set by whoever reads the code; empty for a config file).
    public var addedLayouts: Set<String> = []
    public var source: SourceFile { root.source }

    public let appendersEntry: Entry?
    public let categoriesEntry: Entry?
    public let levelsEntry: Entry?
    public let pm2Entry: Entry?
    public let pm2InstanceVarEntry: Entry?
    public let disableClusteringEntry: Entry?

    /// Appenders in key order (empty when `appenders` is not a mapping).
    public let appenders: [Appender]
    /// Categories as written, in JavaScript key order.
    public let categories: [Category]
    /// Custom levels as written.
    public let customLevels: [CustomLevel]
    /// Categories after log4js' inheritance pre-processing (categories.js:18-70), including the
    /// parents it synthesises.
    public let resolved: [ResolvedCategory]
    /// TypeErrors the inheritance pre-processing itself would throw (C27, C28a, C28b).
    public let inheritanceFailures: [InheritanceFailure]
    /// Names of the appenders log4js builds: used by a category (after inheritance), reached
    /// through a filter or a multiprocess master, or of type tcp-server / multiprocess.
    public let builtAppenders: Set<String>

    public init(root: Node) {
        self.root = root
        appendersEntry = root.entry("appenders")
        categoriesEntry = root.entry("categories")
        levelsEntry = root.entry("levels")
        pm2Entry = root.entry("pm2")
        pm2InstanceVarEntry = root.entry("pm2InstanceVar")
        disableClusteringEntry = root.entry("disableClustering")

        var apps: [Appender] = []
        if let a = appendersEntry?.value, a.isMapping {
            for e in Log4jsConfig.jsOrder(a.entries) {
                guard let name = e.key else { continue }
                apps.append(Appender(name: name, entry: e))
            }
        }
        appenders = apps

        var cats: [Category] = []
        if let c = categoriesEntry?.value, c.isMapping {
            for e in Log4jsConfig.jsOrder(c.entries) {
                guard let name = e.key else { continue }
                cats.append(Category(name: name, entry: e))
            }
        }
        categories = cats

        var levels: [CustomLevel] = []
        if let l = levelsEntry?.value, l.isMapping {
            for e in l.entries {
                guard let name = e.key else { continue }
                levels.append(CustomLevel(name: name, entry: e))
            }
        }
        customLevels = levels

        let inheritance = CategoryInheritance.resolve(cats)
        resolved = inheritance.categories
        inheritanceFailures = inheritance.failures
        builtAppenders = Log4jsConfig.computeBuilt(apps, inheritance.categories)
    }

    /// The entries of a mapping, deduplicated (last wins) and in JavaScript key order: integer
    /// keys ascending first, then the others in insertion order.
    static func jsOrder(_ entries: EntryList) -> [Entry] {
        // Most objects have a few distinct keys, none of them an array index: as written.
        if entries.count <= 16 {
            let keys = entries.map(\.key)
            let plain = keys.allSatisfy { key in
                key.map { !($0.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false) } ?? false
            }
            if plain && !keys.indices.contains(where: { i in keys[..<i].contains(keys[i]) }) { return Array(entries) }
        }
        var lastIndex: [String: Int] = [:]
        for (k, e) in entries.enumerated() { if let key = e.key { lastIndex[key] = k } }
        var integers: [(UInt32, Entry)] = []
        var others: [Entry] = []
        var firstPosition: [String: Int] = [:]
        for (k, e) in entries.enumerated() {
            guard let key = e.key else { continue }
            if firstPosition[key] == nil { firstPosition[key] = k }
        }
        // A later duplicate keeps the first one's position (JavaScript object semantics).
        let ordered = firstPosition.sorted { $0.value < $1.value }
        for (key, _) in ordered {
            let e = entries[lastIndex[key]!]
            if let n = UInt32(key), String(n) == key, n < UInt32.max {
                integers.append((n, e))
            } else {
                others.append(e)
            }
        }
        return integers.sorted { $0.0 < $1.0 }.map(\.1) + others
    }

    static func computeBuilt(_ appenders: [Appender], _ categories: [ResolvedCategory]) -> Set<String> {
        var used = Set<String>()
        for c in categories {
            for ref in c.appenders { if let n = ref.name { used.insert(n) } }
        }
        var byName: [String: Appender] = [:]
        for a in appenders { byName[a.name] = a }
        var built = Set<String>()
        var queue: [String] = []
        for a in appenders where used.contains(a.name) || a.type == "tcp-server" || a.type == "multiprocess" {
            queue.append(a.name)
        }
        while let name = queue.popLast() {
            guard built.insert(name).inserted, let a = byName[name] else { continue }
            // Filters and a multiprocess master build their target on demand (findAppender).
            if let target = a.targetName,
                a.isFilter || (a.type == "multiprocess" && a.option("mode")?.isString("master") == true)
            {
                queue.append(target)
            }
        }
        return built
    }

    // MARK: lookups

    public func appender(named name: String) -> Appender? {
        appenders.last { $0.name == name }
    }

    public func resolvedCategory(named name: String) -> ResolvedCategory? {
        resolved.first { $0.name == name }
    }

    /// Names of the built-in levels, then of the custom ones, upper-cased (level names are
    /// case-insensitive), each once, in that order (suggestions prefer the first of equals).
    public var knownLevels: [String] {
        var list = Log4jsFacts.builtInLevels.map(\.name)
        for l in customLevels where !list.contains(l.name.uppercased()) { list.append(l.name.uppercased()) }
        return list
    }

    public var knownLevelList: String { knownLevels.joined(separator: ", ") }

    /// Whether log4js knows a level of this name (in any case).
    func isKnownLevelName(_ name: String) -> Bool {
        let upper = name.uppercased()
        return Log4jsFacts.builtInLevels.contains { $0.name == upper }
            || customLevels.contains { $0.name.uppercased() == upper }
    }

    /// Whether a category `level` value names a level log4js knows (getLevel, levels.js:32-47).
    public func isKnownLevel(_ node: Node) -> Truth {
        switch node.kind {
        case .unknown: return .unknown
        case .mapping: return node["levelStr"].map { $0.string.map(isKnownLevelName) ?? false }.map { Truth($0) } ?? .no
        case .sequence: return isKnownLevelText(of: node)
        case .scalar:
            guard let s = node.string else { return .no }
            return Truth(isKnownLevelName(s))
        }
    }

    /// getLevel looks up `sArg.toString()`: an array's is its elements' joined by commas, so a
    /// one-element array names its element's level (`["info"]` is INFO), and any longer one
    /// names none (no level name holds a comma). An object in an array is "[object Object]".
    private func isKnownLevelText(of array: Node) -> Truth {
        let elements = array.elements
        guard elements.count == 1, let only = elements.first else { return .no }
        switch only.kind {
        case .unknown: return .unknown
        case .mapping: return .no
        case .sequence: return isKnownLevelText(of: only)
        case .scalar: return only.string.map { Truth(isKnownLevelName($0)) } ?? .no
        }
    }

    // MARK: clustering flags

    /// `pm2` by JavaScript truthiness (clustering.js:50; the string "false" is true).
    public var pm2: Truth { pm2Entry.map { Truth($0.value.isTruthy) } ?? .no }
    /// `disableClustering` by JavaScript truthiness (clustering.js:51).
    public var disableClustering: Truth { disableClusteringEntry.map { Truth($0.value.isTruthy) } ?? .no }

    /// The effective `pm2InstanceVar`: the default applies only when the key is absent or
    /// undefined (destructuring default, clustering.js:52); `null` and `""` are used as given.
    public var pm2InstanceVar: InstanceVariable {
        guard let e = pm2InstanceVarEntry else { return .name(Log4jsFacts.defaultInstanceVar, defaulted: true) }
        let v = e.value
        if v.isUndefined { return .name(Log4jsFacts.defaultInstanceVar, defaulted: true) }
        if v.isNull { return .null }
        if let s = v.string { return s.isEmpty ? .empty : .name(s, defaulted: false) }
        if v.isUnknown { return .unknown }
        // A number or boolean becomes the property name String(value).
        return .name(v.text ?? v.sourceText, defaulted: false)
    }

    public enum InstanceVariable: Sendable, Equatable {
        case name(String, defaulted: Bool)
        case null
        case empty
        case unknown

        public var name: String? {
            if case .name(let n, _) = self { return n }
            return nil
        }
    }
}

public struct Appender: @unchecked Sendable {
    public let name: String
    public let entry: Entry
    public let typeNode: Node?
    /// The `type` when it is a string (looked up once: most rules ask for it).
    public let type: String?

    init(name: String, entry: Entry) {
        self.name = name
        self.entry = entry
        typeNode = entry.value["type"]
        type = typeNode?.string
    }

    public var node: Node { entry.value }

    public func option(_ key: String) -> Node? { node[key] }
    public func optionEntry(_ key: String) -> Entry? { node.entry(key) }

    public var isFilter: Bool { type.map { Log4jsFacts.filterTypes.contains($0) } ?? false }
    public var writesFiles: Bool { type.map { Log4jsFacts.fileTypes.contains($0) } ?? false }
    /// The `appender` option (filters, multiprocess master) when it is a string.
    public var targetName: String? { option("appender")?.string }
}

public struct Category: @unchecked Sendable {
    public let name: String
    public let entry: Entry
    public var node: Node { entry.value }
    public var appendersNode: Node? { node["appenders"] }
    public var levelNode: Node? { node["level"] }
}

public struct CustomLevel: @unchecked Sendable {
    public let name: String
    public let entry: Entry
    public var node: Node { entry.value }
}

/// One name in a category's `appenders` list.
public struct AppenderReference: @unchecked Sendable {
    /// The name, when the element is a string (nil for an element known only at run time).
    public let name: String?
    public let node: Node
    /// The category the reference was inherited from, when it was.
    public let inheritedFrom: String?
}

public struct ResolvedCategory: @unchecked Sendable {
    public let name: String
    /// The category as written (nil for a parent log4js synthesised).
    public let category: Category?
    /// The appenders after inheritance (own first, then inherited ones not already present).
    public var appenders: [AppenderReference]
    /// `appenders` is present but not an array (C19/C26), or only known at run time.
    public var appendersNotAList: Node?
    public var appendersKnown: Bool
    /// The level node after inheritance and where it came from.
    public var level: Node?
    public var levelInheritedFrom: String?
    public var synthesized: Bool { category == nil }
    /// `enableCallStack` (not inherited).
    public var enableCallStack: Node? { category?.node["enableCallStack"] }
}

public struct InheritanceFailure: @unchecked Sendable {
    public enum Kind: Sendable {
        /// C27: a category whose value is null.
        case nullCategory
        /// C28a: a parent whose `appenders` is not an array.
        case parentAppendersNotArray(parent: String)
        /// C28b: a child whose `appenders` is not an array while its parent adds appenders.
        case childAppendersString(parent: String)
    }

    public let category: String
    public let node: Node
    public let kind: Kind
}

/// log4js' category inheritance (categories.js:18-70), simulated on the written categories.
enum CategoryInheritance {
    final class Sim {
        var name: String
        var category: Category?
        var isNull = false
        var isObject = true
        var inheritFalse = false
        /// nil: absent (undefined); .some(list): an array; string/other: see flags.
        var appenders: [AppenderReference]? = nil
        var appendersString: Node? = nil
        var appendersOther: Node? = nil
        var appendersUnknown = false
        var level: Node? = nil
        var levelFrom: String? = nil

        init(name: String, category: Category?) {
            self.name = name
            self.category = category
        }
    }

    static func resolve(_ categories: [Category]) -> (categories: [ResolvedCategory], failures: [InheritanceFailure]) {
        var table: [String: Sim] = [:]
        var order: [String] = []
        for c in categories {
            let sim = Sim(name: c.name, category: c)
            let v = c.node
            if v.isNull { sim.isNull = true }
            if !v.isMapping { sim.isObject = false }
            if v.isMapping {
                sim.inheritFalse = v["inherit"]?.bool == false
                if let a = v["appenders"] {
                    if a.isSequence {
                        sim.appenders = a.elements.map {
                            AppenderReference(name: $0.string, node: $0, inheritedFrom: nil)
                        }
                    } else if a.isUnknown {
                        sim.appendersUnknown = true
                    } else if a.isUndefined || a.isTruthy == false {
                        sim.appenders = nil
                    } else if a.string != nil {
                        sim.appendersString = a
                    } else {
                        sim.appendersOther = a
                    }
                }
                if let l = v["level"], l.isTruthy != false { sim.level = l }
            }
            table[c.name] = sim
            order.append(c.name)
        }
        var failures: [InheritanceFailure] = []
        var added: [String] = []

        func inherit(_ sim: Sim, _ name: String, depth: Int) {
            guard depth < 64, !sim.isNull else { return }
            if sim.inheritFalse { return }
            guard let dot = name.lastIndex(of: ".") else { return }
            let parentName = String(name[..<dot])
            // A null parent is falsy too: log4js synthesises one in its place.
            let existing = table[parentName].flatMap { $0.isNull ? nil : $0 }
            let parent = existing ?? Sim(name: parentName, category: nil)
            if existing == nil { parent.appenders = [] }
            inherit(parent, parentName, depth: depth + 1)
            if existing == nil, let list = parent.appenders, !list.isEmpty, parent.level != nil {
                if table[parentName] == nil { added.append(parentName) }
                table[parentName] = parent
            }
            // category.appenders = category.appenders || []
            if sim.appenders == nil && sim.appendersString == nil && sim.appendersOther == nil && !sim.appendersUnknown
            {
                sim.appenders = []
            }
            if sim.level == nil, let l = parent.level {
                sim.level = l
                sim.levelFrom = parent.levelFrom ?? parentName
            }
            guard !parent.appendersUnknown, !sim.appendersUnknown else {
                sim.appendersUnknown = sim.appendersUnknown || parent.appendersUnknown
                return
            }
            guard let parentList = parent.appenders else {
                // parentCategory.appenders.forEach on a non-array (C28a).
                if let node = parent.category?.node ?? sim.category?.node {
                    failures.append(
                        InheritanceFailure(
                            category: name, node: parent.category?.node["appenders"] ?? node,
                            kind: .parentAppendersNotArray(parent: parentName)))
                }
                return
            }
            if let s = sim.appendersString {
                // `includes` on a string is a substring test; `push` on a string throws (C28b).
                let text = s.string ?? ""
                if parentList.contains(where: { ref in ref.name.map { !text.contains($0) } ?? false }) {
                    failures.append(
                        InheritanceFailure(category: name, node: s, kind: .childAppendersString(parent: parentName)))
                }
                return
            }
            if let other = sim.appendersOther {
                // `includes` is not a function on a number or an object (C28b).
                if !parentList.isEmpty {
                    failures.append(
                        InheritanceFailure(category: name, node: other, kind: .childAppendersString(parent: parentName))
                    )
                }
                return
            }
            guard var list = sim.appenders else { return }
            for ref in parentList {
                let present = list.contains { $0.name != nil && $0.name == ref.name }
                if !present {
                    list.append(
                        AppenderReference(
                            name: ref.name, node: ref.node, inheritedFrom: ref.inheritedFrom ?? parentName))
                }
            }
            sim.appenders = list
        }

        for name in order {
            let sim = table[name]!
            if sim.isNull {
                failures.append(InheritanceFailure(category: name, node: sim.category!.node, kind: .nullCategory))
                continue
            }
            inherit(sim, name, depth: 0)
        }

        var result: [ResolvedCategory] = []
        var seen = Set<String>()
        for name in order + added where seen.insert(name).inserted {
            let sim = table[name]!
            if sim.isNull { continue }
            result.append(
                ResolvedCategory(
                    name: name, category: sim.category, appenders: sim.appenders ?? [],
                    appendersNotAList: sim.appendersString ?? sim.appendersOther,
                    appendersKnown: !sim.appendersUnknown,
                    level: sim.level, levelInheritedFrom: sim.levelFrom))
        }
        return (result, failures)
    }
}
