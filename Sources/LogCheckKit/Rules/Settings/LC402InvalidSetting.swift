import LogCheckSyntax

public enum LC402InvalidSetting: Rule {
    public static let description = RuleDescription(
        id: "LC402", slug: "invalid-setting", family: .settings, severity: .error,
        summary: "A value in `.logcheck.yml` that logcheck cannot use: an unknown rule, severity or setting value.",
        rationale: """
            Rule selectors must name a rule by id (`LC102`), slug (`instance-var-mismatch`) or id prefix \
            (`LC1`); severities are `error`, `warning`, `info` or `off`; `pm2-intercom` is `installed` or \
            `not-installed`. A value logcheck cannot use is reported at its position instead of being ignored.
            """,
        examples: [
            .bad(
                ".logcheck.yml", "ignore: [«unused-apender»]\n",
                "ignore: \"unused-apender\" is not a rule id, slug or id prefix; did you mean \"unused-appender\"?"),
            .good(".logcheck.yml", "ignore: [unused-appender, LC3]\nfail-on: warning\n"),
        ])

    /// What is wrong with a value of `.logcheck.yml`.
    public enum Problem {
        case notAMapping
        /// `key: "selector"` names no rule (`suggestion`: the closest slug or id).
        case unknownRule(key: String, selector: String, suggestion: String?)
        case notAList(key: String)
        case notARuleName(key: String)
        case severitiesNotAMapping
        case unknownSeverityRule(name: String, suggestion: String?)
        case unknownSeverity(rule: String, value: String)
        case unknownFailOn
        case perPathIgnoresNotAMapping
        case unknownIntercomState
        case homeNotAPath
    }

    public static func message(_ problem: Problem) -> String {
        switch problem {
        case .notAMapping: return "the settings must be a mapping of keys such as select, ignore, severity, fail-on"
        case .unknownRule(let key, let selector, let suggestion):
            return "\(key): \"\(selector)\" is not a rule id, slug or id prefix"
                + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        case .notAList(let key): return "\(key) must be a list of rule ids, slugs or id prefixes"
        case .notARuleName(let key): return "\(key): expected a rule id, slug or id prefix"
        case .severitiesNotAMapping: return "severity must map rule ids to error, warning, info or off"
        case .unknownSeverityRule(let name, let suggestion):
            return "severity: \"\(name)\" is not a rule id or slug"
                + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        case .unknownSeverity(let rule, let value):
            return "severity of \(rule) must be error, warning, info or off, not \(value)"
        case .unknownFailOn: return "fail-on must be error, warning or info"
        case .perPathIgnoresNotAMapping: return "per-path-ignores must map globs to rules"
        case .unknownIntercomState: return "pm2-intercom must be installed or not-installed"
        case .homeNotAPath: return "pm2-home must be a path"
        }
    }

    public static func finding(_ problem: Problem, at node: Node) -> Diagnostic {
        Diagnostic(rule: description, message: message(problem), location: Location(node))
    }
}
