import LogCheckSyntax

public enum LC221DatePattern: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC221", slug: "date-pattern", family: .log4js, severity: .warning,
        summary: "A date `pattern` that starts with a separator, contains no date, or contains a path separator.",
        rationale: """
            The rolling date pattern is never validated (S19). streamroller 3 always puts `fileNameSep` (`.`) \
            between the file name and the date, so a pattern written for log4js ≤ 5 with its own leading \
            separator (`.yyyy-MM-dd`) gives `app.log..2024-01-01`; a pattern without date tokens (`yyyy`, `MM`, \
            `dd`, `hh`, `mm`, `ss`) never rolls; a `/` or `\\` writes the old files into sub-directories (with \
            `alwaysIncludePattern`, a `/` makes `configure()` throw: LC246).
            """,
        references: ["S19"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"daily": {"type": "dateFile", "filename": "app.log", "pattern": «".yyyy-MM-dd"»}}, "categories": {"default": {"appenders": ["daily"], "level": "info"}}}"#,
                "pattern \".yyyy-MM-dd\" starts with a separator, but streamroller already adds \".\" before the date: old files are named like app.log..2024-01-31",
                fixed:
                    #"{"appenders": {"daily": {"type": "dateFile", "filename": "app.log", "pattern": "yyyy-MM-dd"}}, "categories": {"default": {"appenders": ["daily"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"daily": {"type": "dateFile", "filename": "app.log", "pattern": "yyyy-MM-dd-hh", "keepFileExt": true}}, "categories": {"default": {"appenders": ["daily"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "The leading separator is removed.")

    static let tokens = ["yyyy", "yy", "MM", "dd", "hh", "mm", "ss", "SSS", "O"]

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let type = a.type, type == "dateFile" || type == "file", let node = a.option("pattern"),
                let pattern = node.string
            else { continue }
            let base = a.option("filename")?.string.map { Path.basename($0) } ?? "app.log"
            if let first = pattern.first, first == "." || first == "-" || first == "_" {
                let stripped = String(pattern.drop { $0 == "." || $0 == "-" || $0 == "_" })
                context.reportAppender(
                    a, description,
                    "pattern \"\(pattern)\" starts with a separator, but streamroller already adds \".\" before the date: old files are named like \(base).\(first)2024-01-31",
                    at: node,
                    fixes: stripped.isEmpty
                        ? []
                        : [
                            Fix(
                                "remove the leading \"\(first)\"", .safe,
                                [Edits.replaceValue(node, with: .string(stripped))])
                        ])
            }
            if !tokens.contains(where: { pattern.contains($0) }) {
                context.reportAppender(
                    a, description,
                    "pattern \"\(pattern)\" contains no date token (yyyy, MM, dd, hh, mm, ss), so the file never rolls by date",
                    at: node)
            }
            // With alwaysIncludePattern a "/" makes configure() throw instead (LC246).
            let throwsInstead = pattern.contains("/") && a.option("alwaysIncludePattern")?.isTruthy == true
            if (pattern.contains("/") || pattern.contains("\\")) && !throwsInstead {
                context.reportAppender(
                    a, description,
                    "pattern \"\(pattern)\" contains a path separator, so old files are written into sub-directories",
                    at: node)
            }
        }
    }
}
