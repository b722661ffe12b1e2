import LogCheckSyntax

public enum LC401UnknownSetting: Rule {
    public static let description = RuleDescription(
        id: "LC401", slug: "unknown-setting", family: .settings, severity: .error,
        summary: "A key in `.logcheck.yml` that logcheck does not know.",
        rationale: """
            A misspelt setting would silently do nothing, like the misspelt keys logcheck reports in other \
            files, so it is an error. The settings are `select`, `ignore`, `severity`, `fail-on`, \
            `per-path-ignores`, `pm2-intercom` and `pm2-home`.
            """,
        examples: [
            .bad(
                ".logcheck.yml", "«pm2-intercomm»: installed\n",
                "logcheck does not know the setting \"pm2-intercomm\"; did you mean \"pm2-intercom\"?",
                fixed: "pm2-intercom: installed\n"),
            .good(".logcheck.yml", "pm2-intercom: installed\nseverity:\n  LC236: off\n"),
        ],
        fix: .safe,
        fixDescription: "A key close to exactly one known setting is renamed.")

    /// The finding for an unknown key of `.logcheck.yml`, with a rename to the closest known key
    /// when that key is not written already.
    public static func finding(_ entry: Entry, key: String, known keys: [String], in root: Node) -> Diagnostic {
        let near = Suggest.closest(key, among: keys)
        var fixes: [Fix] = []
        if let near, root.entry(near) == nil {
            fixes.append(Fix("rename \"\(key)\" to \"\(near)\"", .safe, [Edits.renameKey(entry, to: near)]))
        }
        return Diagnostic(
            rule: description,
            message: "logcheck does not know the setting \"\(key)\""
                + (near.map { "; did you mean \"\($0)\"?" } ?? "; settings are: \(keys.joined(separator: ", "))"),
            location: Location(entry.keyNode), fixes: fixes)
    }
}
