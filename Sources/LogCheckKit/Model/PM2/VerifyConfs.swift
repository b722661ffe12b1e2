import LogCheckSyntax

/// What PM2 7.0.3's `verifyConfs` (Common.js:680-872) does to an app before `Config.validateJSON`
/// sees it (Common.js:862): the values it writes over the file's own, in its order, so that what
/// the file says there is never validated.
extension PM2App {
    /// The value `verifyConfs` has in `app.script` once `cmd` and `command` were moved there
    /// (Common.js:697-705): `script` when truthy, else `cmd` when truthy, else `command` when
    /// truthy; nil when none is. The `exec` alias is read only later, by validateJSON.
    public var scriptBeforeValidation: (spelling: String, value: Node)? {
        for key in ["script", "cmd", "command"] {
            if let e = node.entry(key), e.value.isTruthy != false { return (key, e.value) }
        }
        return nil
    }

    /// Whether `verifyConfs` writes `key` itself before validation (yes), so that the file's own
    /// value for it is never validated, or leaves it to the file (no); unknown when that depends
    /// on a value known only at run time.
    ///
    /// - `env`: a falsy `env` becomes `{}` (Common.js:707-709).
    /// - `exec_mode`: `execute_command == true` sets it to `'fork'` (Common.js:714-717).
    /// - `execute_command`: deleted when `== true` (Common.js:714-717); its camelCase alias, if
    ///   written, is what validateJSON then reads.
    /// - `username`: always the user running pm2 (Common.js:719).
    /// - `args`: `['-c', script]` when the script has a space, which runs it with bash or sh
    ///   (Common.js:725-745).
    /// - `log_date_format`: `'YYYY-MM-DDTHH:mm:ss'` when `time` is truthy (Common.js:750-752).
    /// - `pmx`: `false` when `automation == false` (Common.js:817-819).
    /// - `trace`, `disable_trace`: a truthy `disable_trace` sets `trace` to false and is deleted
    ///   (Common.js:821-824); its camelCase alias, if written, is then read instead.
    /// - `merge_logs`: see `mergeLogsPreset` (Common.js:846-850).
    public func setBeforeValidation(_ key: PM2Key) -> Truth {
        switch key.name {
        case "env":
            guard let e = node.entry("env") else { return node.hasUnknownEntries ? .unknown : .yes }
            return Truth(e.value.isTruthy.map { !$0 })
        case "exec_mode", "execute_command": return executeCommandForcesFork
        case "username": return .yes
        case "args":
            guard let s = scriptBeforeValidation else { return node.hasUnknownEntries ? .unknown : .no }
            if s.value.isUnknown { return .unknown }
            return Truth(s.value.string?.containsBytes(" ") == true)
        case "log_date_format": return truthyBeforeValidation("time") ?? (node.hasUnknownEntries ? .unknown : .no)
        case "pmx":
            guard let e = node.entry("automation") else { return node.hasUnknownEntries ? .unknown : .no }
            return Truth(PM2App.looseEquals(e.value, false))
        case "trace", "disable_trace":
            return truthyBeforeValidation("disable_trace") ?? (node.hasUnknownEntries ? .unknown : .no)
        case "merge_logs": return mergeLogsPreset
        default: return .no
        }
    }

    /// For keys whose canonical entry `verifyConfs` deletes (`execute_command`, `disable_trace`):
    /// the alias entry validateJSON reads instead, when the file has one.
    public func aliasReadAfterDeletion(_ key: PM2Key) -> Entry? {
        guard key.name == "execute_command" || key.name == "disable_trace" else { return nil }
        return key.aliases.lazy.compactMap { node.entry($0) }.first
    }

    /// `execute_command == true` (JavaScript's loose equality: true, 1, "1"), which makes the app
    /// fork mode whatever `exec_mode` says (Common.js:714-717).
    public var executeCommandForcesFork: Truth {
        guard let e = node.entry("execute_command") else { return node.hasUnknownEntries ? .unknown : .no }
        return Truth(PM2App.looseEquals(e.value, true))
    }

    /// Whether `verifyConfs` sets `merge_logs` to true itself (Common.js:846-850): when the app
    /// has no `merge_logs` (JavaScript `undefined`; `null` is not), the `exec_mode` key is not
    /// cluster once normalised (Common.js:693-694; `execute_command` makes it fork) and
    /// `instances` is falsy once normalised (`'max'` is 0, other strings `parseInt(...) || 0`,
    /// Common.js:838-844). Then validateJSON finds it truthy and reads none of its aliases
    /// (`combine_logs`, `mergeLogs`). Only the `exec_mode` key counts here, not its camelCase
    /// alias.
    public var mergeLogsPreset: Truth {
        if let e = node.entry("merge_logs") {
            if !e.value.isUndefined { return .no }
        } else if node.hasUnknownEntries {
            return .unknown
        }
        // exec_mode != 'cluster_mode'
        var cluster = Truth.no
        if let e = node.entry("exec_mode") {
            if e.value.isUnknown {
                cluster = .unknown
            } else if e.value.isString("cluster") || e.value.isString("cluster_mode") {
                cluster = .yes
            }
        } else if node.hasUnknownEntries {
            cluster = .unknown
        }
        if cluster != .no {
            switch executeCommandForcesFork {
            case .yes: cluster = .no
            case .unknown: cluster = .unknown
            case .no: break
            }
        }
        // !app.instances
        let instances = PM2App.instancesTruthyBeforeValidation(node.entry("instances")?.value)
        if cluster == .yes || instances == .yes { return .no }
        if cluster == .unknown || instances == .unknown { return .unknown }
        if node.entry("instances") == nil && node.hasUnknownEntries { return .unknown }
        return .yes
    }

    /// The truthiness of `instances` after `verifyConfs` normalised it (Common.js:838-844).
    static func instancesTruthyBeforeValidation(_ v: Node?) -> Truth {
        guard let v else { return .no }
        if v.isUnknown { return PM2Value.isDefinite(v) ? .yes : .unknown }
        if let s = v.string { return s == "max" ? .no : Truth((parseInt(s) ?? 0) != 0) }
        if v.isSequence, v.elements.count == 1, v.elements[0].isString("max") { return .no }  // ['max'] == 'max'
        return Truth(v.isTruthy)
    }

    /// A key's truthiness as `verifyConfs` tests it (the key itself, no alias); nil when absent.
    func truthyBeforeValidation(_ name: String) -> Truth? {
        guard let e = node.entry(name) else { return nil }
        return Truth(e.value.isTruthy)
    }

    /// JavaScript's `value == b` for a boolean `b`: both sides become numbers (ToPrimitive first
    /// for objects and arrays). nil when the value is only known at run time.
    public static func looseEquals(_ v: Node, _ b: Bool) -> Bool? {
        if v.kind == .scalar, v.scalarType == .bool { return v.bool == b }
        guard let n = toNumber(v) else { return nil }
        return n == (b ? 1 : 0)
    }

    /// JavaScript's `Number(value)` (for an object or array, of its string form); nil when only
    /// known at run time.
    static func toNumber(_ v: Node) -> Double? {
        switch v.kind {
        case .unknown:
            // A function's or a RegExp's string form is its source text: NaN.
            return PM2Value.isDefinite(v) ? .nan : nil
        case .mapping:
            return .nan  // "[object Object]"
        case .sequence:
            // [].join(): "" is 0; one element is that element's string form; two or more have a comma: NaN.
            let elements = v.elements
            if elements.isEmpty { return 0 }
            if elements.count > 1 { return .nan }
            let e = elements[0]
            if e.isNull || e.isUndefined { return 0 }
            if e.kind == .scalar, e.scalarType == .bool { return .nan }  // "true", "false"
            return toNumber(e)
        case .scalar:
            switch v.scalarType! {
            case .bool: return v.bool == true ? 1 : 0
            case .number: return v.number
            case .string: return JSNumber.parse(v.string ?? "")
            case .null: return 0
            case .undefined: return .nan
            }
        }
    }
}

/// Values of a `.config.js` whose JavaScript type is known although the reader does not model
/// them: functions (and classes) and regular-expression literals.
public enum PM2Value {
    /// True for a function, a class or a RegExp literal.
    public static func isDefinite(_ v: Node) -> Bool { objectTag(v) != nil }

    /// What `Object.prototype.toString` gives for such a value (PM2 prints it in its type errors,
    /// Config.js:171, 180): `[object Function]`, `[object AsyncFunction]`,
    /// `[object GeneratorFunction]`, `[object AsyncGeneratorFunction]` or `[object RegExp]`.
    public static func objectTag(_ v: Node) -> String? {
        guard v.isUnknown, let kind = v.unknownKind else { return nil }
        if kind == .expression, v.unknownDetail == "regex" { return "[object RegExp]" }
        guard kind == .function else { return nil }
        var text = Substring(v.sourceText)
        var async = false
        if text.hasPrefix("async"), let next = text.dropFirst(5).first,
            next == " " || next == "\t" || next == "\n" || next == "*"
        {
            async = true
            text = text.dropFirst(5).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        }
        var generator = text.hasPrefix("*")
        if text.hasPrefix("function") {
            generator = text.dropFirst(8).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.hasPrefix("*")
        }
        switch (async, generator) {
        case (false, false): return "[object Function]"
        case (true, false): return "[object AsyncFunction]"
        case (false, true): return "[object GeneratorFunction]"
        case (true, true): return "[object AsyncGeneratorFunction]"
        }
    }
}

extension PM2Key {
    public static let env = PM2Schema.key(named: "env")!
    public static let args = PM2Schema.key(named: "args")!
    public static let pmx = PM2Schema.key(named: "pmx")!
    public static let trace = PM2Schema.key(named: "trace")!
    public static let disableTrace = PM2Schema.key(named: "disable_trace")!
    public static let executeCommand = PM2Schema.key(named: "execute_command")!
}
