import LogCheckSyntax

public enum LC305InvalidAppValue: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC305", slug: "invalid-app-value", family: .pm2, severity: .error,
        summary: "A value of the wrong type, format or range, which makes `pm2 start` abort the whole file.",
        rationale: """
            PM2 validates every app against its schema (Config.js:160-216): the type (numeric strings are \
            accepted for numbers), the format of `exec_mode` (`^(cluster|fork)(_mode)?$`, case-sensitive), \
            `max_memory_restart` (`^\\d+(G|M|K)?$`: `"1.5G"`, `"512MB"` and `"1g"` fail) and `min_uptime` \
            (`^\\d+(h|m|s)?$`), and the minimums (`min_uptime` 100, `max_restarts` 0). It prints the problem as a \
            `[PM2][WARN]` line, but then **aborts every app in the file** and exits 1 (Common.js:862-866, R4). \
            In YAML, PM2 uses js-yaml (YAML 1.2), where `yes`, `no`, `on` and `off` are strings, not booleans, \
            and so is a number with underscores such as `3_000` (js-yaml 4.2 and later). A function or a \
            regular expression in a `.config.js` matches no type (`[object Function]`, `[object RegExp]`); \
            `env_<name>: null` is rejected too, while a falsy `env` becomes `{}` (Common.js:707-709).

            Before validating, `verifyConfs` overwrites some values, and what the file says there is never \
            checked (Common.js:693-850, in this order): `exec_mode` is normalised, and a non-string one \
            crashes PM2; `cmd`/`command` become `script`, and a script that is not a string crashes it; \
            `execute_command: true` sets `exec_mode` to fork; `username` is always the current user; a \
            `script` with a space sets `args` to `['-c', script]`; `time` sets `log_date_format`; \
            `automation: false` sets `pmx` to false; a truthy `disable_trace` sets `trace` to false; \
            `instances` strings become numbers; and without `merge_logs`, outside cluster mode and without \
            `instances`, `merge_logs` is set to true, so `combine_logs` is not read at all.
            """,
        references: ["R4"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    exec_mode: «'Cluster'»,\n  }],\n};\n",
                "`pm2 start` aborts every app in this file: Verify \"exec_mode\" with regex failed, it should be \"cluster\"(\"cluster_mode\") or \"fork\"(\"fork_mode\") only (it is case-sensitive)",
                fixed:
                    "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    exec_mode: 'cluster',\n  }],\n};\n"
            ),
            .bad(
                "ecosystem.json",
                #"{"apps": [{"name": "api", "script": "server.js", "max_memory_restart": «"512MB"»}]}"#,
                "`pm2 start` aborts every app in this file: Verify \"max_memory_restart\" with regex failed, it should be a NUMBER - byte, \"[NUMBER]G\"(Gigabyte), \"[NUMBER]M\"(Megabyte) or \"[NUMBER]K\"(Kilobyte)",
                fixed: #"{"apps": [{"name": "api", "script": "server.js", "max_memory_restart": "512M"}]}"#),
            .bad(
                "ecosystem.yml", "apps:\n  - name: api\n    script: server.js\n    autorestart: «no»\n",
                "`pm2 start` aborts every app in this file: Expect \"autorestart\" to be a typeof [object Boolean], but now is [object String] (js-yaml reads `no` as a string: YAML 1.2 booleans are only true and false)",
                fixed: "apps:\n  - name: api\n    script: server.js\n    autorestart: false\n"),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', exec_mode: 'cluster_mode', max_memory_restart: '1G', min_uptime: '10s', kill_timeout: '5000', max_restarts: 10 }],\n};\n"
            ),
        ],
        fix: .safe,
        fixDescription:
            "`exec_mode` in the wrong case is lower-cased; a memory size with a unit PM2 does not read (`512MB`, `1g`, `1.5G`) is rewritten (`512M`, `1G`, `1536M`); a YAML `yes`/`no`/`on`/`off` on a boolean key becomes `true`/`false`."
    )

    static let yamlBooleans: [String: Bool] = [
        "yes": true, "no": false, "on": true, "off": false, "y": true, "n": false,
    ]

    /// What PM2's `_valid` makes of a value: its JavaScript type after numeric conversion, and
    /// the number when it is one.
    static func pm2Type(_ v: Node, allowsNumber: Bool) -> (type: PM2Key.ValueType?, number: Double?) {
        switch v.kind {
        case .mapping: return (.object, nil)
        case .unknown: return (nil, nil)
        case .sequence:
            if allowsNumber {
                if v.elements.isEmpty { return (.number, .nan) }
                if v.elements.count == 1, let n = v.elements[0].number { return (.number, n) }
            }
            return (.array, nil)
        case .scalar:
            switch v.scalarType! {
            case .bool: return (.boolean, nil)
            case .number: return (.number, v.number)
            case .string:
                let s = v.string ?? ""
                if allowsNumber && !JSNumber.parse(s).isNaN { return (.number, parseFloat(s)) }
                return (.string, nil)
            case .null, .undefined: return (nil, nil)
            }
        }
    }

    /// JavaScript's parseFloat: the longest decimal prefix after leading whitespace.
    static func parseFloat(_ s: String) -> Double {
        var t = Substring(JSNumber.withoutLeadingWhiteSpace(s))
        var prefix = ""
        if let f = t.first, f == "+" || f == "-" {
            prefix.append(f)
            t = t.dropFirst()
        }
        if t.hasPrefix("Infinity") { return prefix == "-" ? -.infinity : .infinity }
        var digits = ""
        var seenDot = false
        var seenExp = false
        var k = t.startIndex
        while k < t.endIndex {
            let c = t[k]
            if c.isASCII && c.isNumber {
                digits.append(c)
            } else if c == "." && !seenDot && !seenExp {
                seenDot = true
                digits.append(c)
            } else if (c == "e" || c == "E") && !seenExp && !digits.isEmpty {
                let next = t.index(after: k)
                var look = next
                if look < t.endIndex, t[look] == "+" || t[look] == "-" { look = t.index(after: look) }
                guard look < t.endIndex, t[look].isASCII, t[look].isNumber else { break }
                seenExp = true
                digits.append(c)
                if next != look { digits.append(t[next]) }
                k = look
                continue
            } else {
                break
            }
            k = t.index(after: k)
        }
        if digits.hasPrefix(".") { digits = "0" + digits }
        if digits.hasSuffix(".") { digits += "0" }
        return Double(prefix + digits) ?? .nan
    }

    static func memoryFix(_ s: String) -> String? {
        var t = s.trimmingWhitespace().uppercased()
        if t.hasSuffix("IB") { t.removeLast(2) } else if t.hasSuffix("B") { t.removeLast() }
        guard let unit = t.last, "KMG".contains(unit), let n = Double(t.dropLast().trimmingWhitespace()), n > 0 else {
            return nil
        }
        if n == n.rounded() && n < 1e15 { return "\(n.javaScriptText)\(unit)" }
        let lower: [Character: (Character, Double)] = ["G": ("M", 1024), "M": ("K", 1024)]
        if let (u, f) = lower[unit], (n * f) == (n * f).rounded() && n * f < 1e15 {
            return "\((n * f).javaScriptText)\(u)"
        }
        return nil
    }

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps where app.node.isMapping {
            // verifyConfs, in its order (Common.js:680-866): exec_mode.replace first (693-694),
            // then cmd/command moved to script (697-705) and string methods called on the script
            // (renderApplicationName, 712; indexOf(' '), 725).
            if let e = app.node.entry("exec_mode"), !e.value.isUnknown, e.value.isTruthy == true, e.value.string == nil
            {
                context.report(
                    description,
                    "`pm2 start` crashes with \"TypeError: app.exec_mode.replace is not a function\": exec_mode is \(EcosystemContext.typeName(e.value)), not \"cluster\" or \"fork\"",
                    at: e.value)
                continue
            }
            // An array has indexOf: it gets as far as validation when the app has a name.
            let nameFalsy = app.node.entry("name").map { $0.value.isTruthy == false } ?? !app.node.hasUnknownEntries
            if let (spelling, s) = app.scriptBeforeValidation, !s.isUnknown || PM2Value.isDefinite(s), s.string == nil,
                !s.isSequence || nameFalsy
            {
                let type = PM2Value.objectTag(s) ?? EcosystemContext.typeName(s)
                let moved = spelling == "script" ? "" : " (PM2 moves \(spelling) to script first)"
                context.report(
                    description,
                    "`pm2 start` crashes with a TypeError: \(spelling) is \(type), not a path or command\(moved)", at: s
                )
                continue
            }
            for field in app.fields {
                let key = field.key
                // Strings are normalised to a number before validation (Common.js:838-844).
                if key === PM2Key.instances && field.value.string != nil { continue }
                switch app.setBeforeValidation(key) {
                case .no:
                    check(field, key, &context)
                case .yes:
                    // The canonical entry was deleted: validateJSON reads the alias instead.
                    if let alias = app.aliasReadAfterDeletion(key) {
                        check(PM2App.Field(key: key, entry: alias), key, &context)
                    }
                case .unknown:
                    continue
                }
            }
            for env in app.environments where env.name != nil {
                // Keys matching ^env_\S*$ are validated as written, null included (Config.js:127-137).
                let v = env.values
                if (v.isUnknown && !PM2Value.isDefinite(v)) || v.isUndefined { continue }
                if !(v.isMapping || v.string != nil) {
                    let type = PM2Value.objectTag(v) ?? EcosystemContext.typeName(v)
                    context.report(
                        description,
                        "`pm2 start` aborts every app in this file: Expect \"\(env.label)\" to be a typeof [object Object] / [object String], but now is \(type)",
                        at: v)
                }
            }
        }
    }

    static func check(_ field: PM2App.Field, _ key: PM2Key, _ context: inout EcosystemContext) {
        let v = field.value
        let prefix = "`pm2 start` aborts every app in this file: "
        if let tag = PM2Value.objectTag(v) {
            // A function or a RegExp in a .config.js: no schema type takes it.
            let spelled = field.spelling
            let where_ = spelled == key.name ? "" : " (written \"\(spelled)\")"
            context.report(
                description,
                prefix
                    + "Expect \"\(key.name)\" to be a typeof \(key.types.map(\.shown).joined(separator: " / ")), but now is \(tag)"
                    + where_, at: v)
            return
        }
        if v.isUnknown { return }
        let allowsNumber = key.types.contains(.number)
        let (type, number) = pm2Type(v, allowsNumber: allowsNumber)
        guard let type else { return }
        if !key.types.contains(type) {
            let message =
                "Expect \"\(key.name)\" to be a typeof \(key.types.map(\.shown).joined(separator: " / ")), but now is \(type.shown)"
            var fixes: [Fix] = []
            var extra = ""
            if key.types.contains(.boolean), let s = v.string, let b = yamlBooleans[s.lowercased()], v.dialect == .yaml
            {
                extra = " (js-yaml reads `\(s)` as a string: YAML 1.2 booleans are only true and false)"
                fixes.append(Fix("write \(b)", .safe, [Edits.replaceValue(v, with: .bool(b))]))
            } else if key.types.contains(.boolean), let s = v.string?.lowercased(), s == "true" || s == "false" {
                extra = " (a quoted \"\(s)\" is a string)"
                fixes.append(Fix("write \(s)", .safe, [Edits.replaceValue(v, with: .bool(s == "true"))]))
            }
            let spelled = field.spelling
            let where_ = spelled == key.name ? "" : " (written \"\(spelled)\")"
            context.report(description, prefix + message + extra + where_, at: v, fixes: fixes)
            return
        }
        if type == .string, let regex = key.regex, let s = v.string, !regex.matches(s) {
            var fixes: [Fix] = []
            var extra = ""
            switch regex {
            case .execMode:
                if regex.matches(s.lowercased().trimmingWhitespace()) {
                    extra = " (it is case-sensitive)"
                    fixes.append(
                        Fix(
                            "write \"\(s.lowercased().trimmingWhitespace())\"", .safe,
                            [Edits.replaceValue(v, with: .string(s.lowercased().trimmingWhitespace()))]))
                }
            case .bytes:
                if let f = memoryFix(s), f != s {
                    fixes.append(Fix("write \"\(f)\"", .safe, [Edits.replaceValue(v, with: .string(f))]))
                }
            case .time:
                break
            }
            context.report(
                description, prefix + "Verify \"\(key.name)\" with regex failed, \(regex.description)" + extra, at: v,
                fixes: fixes)
            return
        }
        if type == .number, let n = number, let min = key.min, n < min {
            let shown = n.javaScriptText
            context.report(
                description, prefix + "The minimum of \"\(key.name)\" is \(min.javaScriptText), but now is \(shown)",
                at: v)
        }
    }
}
