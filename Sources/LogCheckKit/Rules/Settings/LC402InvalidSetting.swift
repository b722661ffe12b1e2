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
            .bad(".logcheck.yml", "ignore: [«unused-apender»]\n", "ignore: \"unused-apender\" is not a rule id, slug or id prefix; did you mean \"unused-appender\"?"),
            .good(".logcheck.yml", "ignore: [unused-appender, LC3]\nfail-on: warning\n"),
        ])
}
