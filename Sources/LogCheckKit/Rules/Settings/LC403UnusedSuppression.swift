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
            .bad(
                "ecosystem.yml",
                "apps:\n  «# logcheck-disable-next-line LC304 -- legacy key»\n  - name: api\n    script: server.js\n",
                "this suppression is unused: LC304 reports nothing on the next line",
                fixed: "apps:\n  - name: api\n    script: server.js\n"),
            .bad(
                "ecosystem.yml",
                "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line LC304, «LC301»\n    deploy_group: blue\n",
                "LC301 in this suppression is unused: it reports nothing on the next line",
                caption: "A suppression naming several rules, one of which reports nothing:"),
            .good(
                "ecosystem.yml",
                "apps:\n  - name: api\n    script: server.js\n    # logcheck-disable-next-line LC304 -- read by our deploy script\n    deploy_group: blue\n"
            ),
        ],
        fix: .safe,
        fixDescription: "A wholly unused suppression alone on its line is deleted with its line.")

    /// One rule of a suppression comment that suppresses nothing (the others do).
    public static func unusedRule(_ name: String, on place: String, at location: Location) -> Diagnostic {
        Diagnostic(
            rule: description, message: "\(name) in this suppression is unused: it reports nothing on \(place)",
            location: location)
    }

    /// A suppression comment that suppresses nothing: `rules` are the rules it names (none: every
    /// rule). When the comment is alone on its line, the fix deletes the line.
    public static func unusedComment(_ comment: Span, in source: SourceFile, rules: [String], on place: String)
        -> Diagnostic
    {
        let message: String
        if rules.isEmpty {
            message = "this suppression is unused: no rule reports anything on \(place)"
        } else {
            message =
                "this suppression is unused: \(rules.joined(separator: ", ")) \(rules.count == 1 ? "reports" : "report") nothing on \(place)"
        }
        var fixes: [Fix] = []
        let index = source.lineIndex(of: comment.start)
        let line = source.lineSpan(index)
        let before = source.bytes[line.start..<comment.start]
        let after = source.bytes[comment.end..<line.end]
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        if before.allSatisfy(blank) && after.allSatisfy(blank) {
            let end = index + 1 < source.lineCount ? source.lineSpan(index + 1).start : line.end
            let start =
                index + 1 < source.lineCount ? line.start : (index > 0 ? source.lineSpan(index - 1).end : line.start)
            fixes.append(Fix("remove the suppression comment", .safe, [TextEdit(source, Span(start, end), "")]))
        }
        return Diagnostic(rule: description, message: message, location: Location(source, comment), fixes: fixes)
    }
}
