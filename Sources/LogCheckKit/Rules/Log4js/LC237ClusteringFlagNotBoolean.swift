import LogCheckSyntax

public enum LC237ClusteringFlagNotBoolean: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC237", slug: "clustering-flag-not-boolean", family: .log4js, severity: .warning,
        summary: "`pm2` or `disableClustering` written as a string.",
        rationale: """
            log4js never validates `pm2` and `disableClustering`; it only tests their truthiness \
            (clustering.js:49-53). Every non-empty string is true, so `"pm2": "false"` turns PM2 mode **on** and \
            `"disableClustering": "false"` turns clustering **off** (S04), which changes where every log line \
            goes in a cluster.
            """,
        references: ["S04"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "disableClustering": «"false"»}"#,
                "\"disableClustering\" is the string \"false\", which is true in JavaScript: clustering is disabled, the opposite of what it says",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "disableClustering": false}"#,
                unsafe: true),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "disableClustering": true}"#
            ),
        ],
        fix: .mixed,
        fixDescription:
            "`\"true\"` becomes `true` (safe, same behaviour); `\"false\"` becomes `false` (unsafe: it changes what log4js does, to what the file says)."
    )

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        for (entry, name, effect) in [
            (config.pm2Entry, "pm2", "PM2 mode is on"),
            (config.disableClusteringEntry, "disableClustering", "clustering is disabled"),
        ] {
            guard let entry, let s = entry.value.string else { continue }
            let lower = s.trimmingWhitespace().lowercased()
            if s.isEmpty {
                context.report(
                    description, "\"\(name)\" is an empty string, which is false in JavaScript", at: entry.value,
                    fixes: [Fix("write false", .safe, [Edits.replaceValue(entry.value, with: .bool(false))])])
            } else if lower == "false" || lower == "no" || lower == "off" || lower == "0" {
                context.report(
                    description,
                    "\"\(name)\" is the string \"\(s)\", which is true in JavaScript: \(effect), the opposite of what it says",
                    at: entry.value,
                    fixes: [Fix("write false", .unsafe, [Edits.replaceValue(entry.value, with: .bool(false))])])
            } else {
                context.report(
                    description,
                    "\"\(name)\" is the string \"\(s)\"; log4js only tests it for truthiness, so it is true: \(effect)",
                    at: entry.value,
                    fixes: [Fix("write true", .safe, [Edits.replaceValue(entry.value, with: .bool(true))])])
            }
        }
    }
}
