import LogCheckSyntax

public enum LC220DateFileBackupsIgnored: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC220", slug: "date-file-backups-ignored", family: .log4js, severity: .warning,
        summary: "A dateFile appender sets `backups` (ignored) or the deprecated `daysToKeep`.",
        rationale: """
            `dateFile` reads `numBackups`, not `backups`; without `numBackups` it keeps **one** old file \
            (streamroller DateRollingFileStream.js:17-30), so `"backups": 30` silently keeps one day (S18). \
            `daysToKeep` still works but prints `DeprecationWarning streamroller-DEP0001`.
            """,
        references: ["S18"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"daily": {"type": "dateFile", "filename": "app.log", «"backups"»: 30}}, "categories": {"default": {"appenders": ["daily"], "level": "info"}}}"#,
                "dateFile ignores \"backups\" and keeps \"numBackups\" old files, 1 unless set: only 1 old file is kept, not 30",
                fixed:
                    #"{"appenders": {"daily": {"type": "dateFile", "filename": "app.log", "numBackups": 30}}, "categories": {"default": {"appenders": ["daily"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"daily": {"type": "dateFile", "filename": "app.log", "numBackups": 30}}, "categories": {"default": {"appenders": ["daily"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "`backups` (or `daysToKeep`) is renamed to `numBackups` when `numBackups` is not set.")

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders where a.type == "dateFile" {
            let hasNumBackups = a.option("numBackups") != nil
            for key in ["backups", "daysToKeep"] {
                guard let entry = a.optionEntry(key) else { continue }
                let keyNode = entry.keyNode
                let fixes =
                    hasNumBackups
                    ? []
                    : [Fix("rename \"\(key)\" to \"numBackups\"", .safe, [Edits.renameKey(entry, to: "numBackups")])]
                if key == "backups" {
                    let shown = entry.value.text ?? entry.value.sourceText
                    let message =
                        hasNumBackups
                        ? "dateFile ignores \"backups\"; \"numBackups\" decides how many old files are kept"
                        : "dateFile ignores \"backups\" and keeps \"numBackups\" old files, 1 unless set: only 1 old file is kept, not \(shown)"
                    context.reportAppender(a, description, message, at: keyNode, fixes: fixes)
                } else {
                    context.reportAppender(
                        a, description,
                        "\"daysToKeep\" is deprecated: streamroller prints DeprecationWarning streamroller-DEP0001 at start-up; it means \"numBackups\"",
                        at: keyNode, fixes: fixes)
                }
            }
        }
    }
}
