import LogCheckSyntax

public enum LC403UnusedSuppression: Rule {
    public static let description = RuleDescription(
        id: "LC403", slug: "unused-suppression", family: .settings, severity: .info,
        summary: "A `logcheck-disable` comment that suppresses nothing.",
        rationale: """
        Suppressions outlive the problems they hid: once the file is fixed, a forgotten comment would \
        silently hide the next, different problem on that line. logcheck reports a suppression that \
        matched no finding, so it can be removed, and each rule named in a suppression that matched \
        nothing. A suppression counts as used even when the rule it names is turned off by \
        `ignore` or `--ignore`: the finding it hides is still there.
        """,
        examples: [
            .bad("ecosystem.yml", "apps:\n  «# logcheck-disable-next-line LC304 -- legacy key»\n  - name: api\n    script: server.js\n",
                 "this suppression is unused: LC304 reports nothing on the next line",
                 fixed: "apps:\n  - name: api\n    script: server.js\n"),
            .bad("ecosystem.yml", "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line LC304, «LC301»\n    deploy_group: blue\n",
                 "LC301 in this suppression is unused: it reports nothing on the next line",
                 caption: "A suppression naming several rules, one of which reports nothing:"),
            .good("ecosystem.yml", "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line LC304 -- read by our deploy script\n    deploy_group: blue\n"),
        ],
        fix: .safe,
        fixDescription: "A wholly unused suppression alone on its line is deleted with its line.")
}
