import LogCheckSyntax

public enum LC219BackupsAsString: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC219", slug: "backups-as-string", family: .log4js, severity: .warning,
        summary: "`backups` or `numBackups` written as a string on a file or dateFile appender.",
        rationale: """
            log4js does not reject a string here, but streamroller computes the number of files to keep as \
            `numBackups + 1`, which for a string is concatenation: `"10" + 1` is `"101"`, so about ten times \
            more old files are kept than configured (S17). (On fileSync a string works.)
            """,
        references: ["S17"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log", "maxLogSize": "10M", "backups": «"10"»}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#,
                "backups is the string \"10\": streamroller adds 1 by concatenation (\"10\" + 1 = \"101\"), so 101 old files are kept instead of 10",
                fixed:
                    #"{"appenders": {"file": {"type": "file", "filename": "app.log", "maxLogSize": "10M", "backups": 10}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log", "maxLogSize": "10M", "backups": 10}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "The string becomes the number.")

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let type = a.type, type == "file" || type == "dateFile" else { continue }
            for key in type == "file" ? ["backups", "numBackups"] : ["numBackups"] {
                guard let value = a.option(key), let s = value.string, !s.isEmpty else { continue }
                let n = JSNumber.parse(s)
                var fixes: [Fix] = []
                var message = "\(key) is the string \"\(s)\""
                if JSNumber.isInteger(n) && n >= 0 {
                    message +=
                        ": streamroller adds 1 by concatenation (\"\(s)\" + 1 = \"\(s)1\"), so \(s)1 old files are kept instead of \(n.javaScriptText)"
                    fixes.append(
                        Fix(
                            "write it as the number \(n.javaScriptText)", .safe,
                            [Edits.replaceValue(value, with: .number(n))]))
                } else {
                    message += ", not a number of files"
                }
                context.reportAppender(a, description, message, at: value, fixes: fixes)
            }
        }
    }
}
