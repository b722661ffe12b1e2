import LogCheckSyntax

/// Reads `.logcheck.yml`:
///
///     select: [LC1, LC2]            # only these rules (ids, slugs or id prefixes)
///     ignore: [unused-appender]     # never these
///     severity: { LC103: info }     # per rule: error, warning, info, or off
///     fail-on: warning              # exit 1 from this severity up (default: error)
///     per-path-ignores:             # glob -> rules (or all)
///       "legacy/**": [LC3]
///     pm2-intercom: installed       # facts no file shows
///     pm2-home: /home/deploy/.pm2
///
/// Unknown keys and bad values are findings with positions, like any other file's.
public enum SettingsLoader {
    public static let fileName = ".logcheck.yml"
    public static let keys = [
        "select", "ignore", "severity", "fail-on", "per-path-ignores", "pm2-intercom", "pm2-home",
    ]

    public struct Loaded: Sendable {
        public var settings: Settings
        public var diagnostics: [Diagnostic]
        public var source: SourceFile?

        public init(settings: Settings = Settings(), diagnostics: [Diagnostic] = [], source: SourceFile? = nil) {
            self.settings = settings
            self.diagnostics = diagnostics
            self.source = source
        }
    }

    /// The nearest `.logcheck.yml` from `directory` upwards.
    public static func find(from directory: String) -> String? {
        var dir = directory
        for _ in 0..<64 {
            let candidate = FileSystem.join(dir, fileName)
            if FileSystem.type(of: candidate) == .file { return candidate }
            let parent = Path.dirname(dir)
            if parent == dir || dir == "/" { return nil }
            dir = parent
        }
        return nil
    }

    public static func load(_ source: SourceFile) -> Loaded {
        var settings = Settings()
        var diagnostics: [Diagnostic] = []
        let read = YAMLReader.read(source)
        diagnostics += read.diagnostics.map { d in
            Diagnostic(
                rule: RuleRegistry.description(for: d.code), severity: d.severity == .error ? .error : .warning,
                message: d.message, location: Location(source, d.span))
        }
        guard let root = read.root else { return Loaded(settings: settings, diagnostics: diagnostics, source: source) }
        guard root.isMapping else {
            diagnostics.append(LC402InvalidSetting.finding(.notAMapping, at: root))
            return Loaded(settings: settings, diagnostics: diagnostics, source: source)
        }
        func invalid(_ node: Node, _ problem: LC402InvalidSetting.Problem) {
            diagnostics.append(LC402InvalidSetting.finding(problem, at: node))
        }
        func ruleList(_ node: Node, _ key: String) -> [String] {
            var items: [Node] = []
            if let s = node.string {
                return s.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { selector in
                    let ok = RuleRegistry.all.contains { Settings.matches(selector, $0) } || selector == "all"
                    if !ok {
                        invalid(
                            node,
                            .unknownRule(
                                key: key, selector: selector,
                                suggestion: Suggest.closest(selector, among: RuleRegistry.all.map(\.slug))))
                    }
                    return ok
                }
            }
            if node.isSequence {
                items = Array(node.elements)
            } else {
                invalid(node, .notAList(key: key))
                return []
            }
            var out: [String] = []
            for item in items {
                guard let s = item.string ?? item.text else {
                    invalid(item, .notARuleName(key: key))
                    continue
                }
                if s == "all" || RuleRegistry.all.contains(where: { Settings.matches(s, $0) }) {
                    out.append(s)
                } else {
                    invalid(
                        item,
                        .unknownRule(
                            key: key, selector: s,
                            suggestion: Suggest.closest(
                                s, among: RuleRegistry.all.map(\.slug) + RuleRegistry.all.map(\.id))))
                }
            }
            return out
        }
        for e in root.entries {
            guard let key = e.key else { continue }
            let v = e.value
            switch key {
            case "select": settings.select = ruleList(v, key)
            case "ignore": settings.ignore += ruleList(v, key)
            case "severity":
                guard v.isMapping else {
                    invalid(v, .severitiesNotAMapping)
                    continue
                }
                for r in v.entries {
                    guard let id = r.key, let rule = RuleRegistry.find(id) else {
                        invalid(
                            r.keyNode,
                            .unknownSeverityRule(
                                name: r.key ?? "",
                                suggestion: Suggest.closest(r.key ?? "", among: RuleRegistry.all.map(\.slug))))
                        continue
                    }
                    let text = r.value.string ?? r.value.text ?? ""
                    if text == "off" || r.value.bool == false {
                        settings.ignore.append(rule.id)
                    } else if let s = Severity(label: text) {
                        settings.severities[rule.id] = s
                    } else {
                        invalid(r.value, .unknownSeverity(rule: rule.id, value: Log4jsContext.show(r.value)))
                    }
                }
            case "fail-on":
                if let s = (v.string).flatMap(Severity.init(label:)) {
                    settings.failOn = s
                } else {
                    invalid(v, .unknownFailOn)
                }
            case "per-path-ignores":
                guard v.isMapping else {
                    invalid(v, .perPathIgnoresNotAMapping)
                    continue
                }
                for p in v.entries {
                    guard let glob = p.key else { continue }
                    let rules = p.value.string == "all" ? ["all"] : ruleList(p.value, "per-path-ignores")
                    settings.pathIgnores.append((glob, rules))
                }
            case "pm2-intercom":
                if v.isString("installed") || v.bool == true {
                    settings.pm2IntercomInstalled = true
                } else if v.isString("not-installed") || v.isString("absent") || v.bool == false {
                    settings.pm2IntercomInstalled = false
                } else {
                    invalid(v, .unknownIntercomState)
                }
            case "pm2-home":
                if let s = v.string { settings.pm2Home = s } else { invalid(v, .homeNotAPath) }
            default:
                diagnostics.append(LC401UnknownSetting.finding(e, key: key, known: keys, in: root))
            }
        }
        return Loaded(settings: settings, diagnostics: diagnostics, source: source)
    }
}
