import LogCheckSyntax

public enum LC235TimezoneOffsetIgnored: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC235", slug: "timezone-offset-ignored", family: .log4js, severity: .info,
        summary: "`timezoneOffset` on an appender, which no core layout reads.",
        rationale: """
            Appenders still pass `timezoneOffset` to their layout, but every core layout has ignored it since \
            log4js 4.0.0 (commit 09c02e0, S26): times are printed in the process's time zone.
            """,
        references: ["S26"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout", «"timezoneOffset"»: -60}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "\"timezoneOffset\" has no effect since log4js 4: layouts print times in the process's time zone",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "The key is removed.")

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders where a.node.isMapping {
            guard let index = a.node.entries.lastIndex(where: { $0.key == "timezoneOffset" }) else { continue }
            let entry = a.node.entries[index]
            context.report(
                description,
                "\"timezoneOffset\" has no effect since log4js 4: layouts print times in the process's time zone",
                at: entry.keyNode,
                help: "set the TZ environment variable of the process instead",
                fixes: [Fix("remove \"timezoneOffset\"", .safe, Edits.removeEntry(index, of: a.node))])
        }
    }
}
