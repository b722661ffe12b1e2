import LogCheckSyntax

public enum LC246InvalidDatePattern: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC246", slug: "invalid-date-pattern", family: .log4js, severity: .error,
        summary:
            "A date `pattern` streamroller cannot use: not a string, or a folder in it with `alwaysIncludePattern`: configure() throws.",
        rationale: """
            log4js hands a dateFile appender's `pattern` to streamroller unchecked (dateFile.js:67-73, S19), and a \
            file appender's with the rest of its options (file.js:144-151). A falsy pattern becomes \
            `yyyy-MM-dd` (streamroller DateRollingFileStream.js:13-15). Any other value that is not a string \
            reaches date-format, which takes a non-string format for the date and calls `getDate` on it \
            (date-format lib/index.js:29-42; called at RollingFileWriteStream.js:77-79), so `configure()` \
            throws `TypeError: date.getDate is not a function`. One exception: dateFile takes an object or \
            array `pattern` for the stream's options (DateRollingFileStream.js:6-9), so nothing throws but the \
            appender's own options (`alwaysIncludePattern`, `numBackups`, `maxLogSize`, `mode` …) are ignored. \
            With `alwaysIncludePattern`, the current file is the filename with the date appended \
            (fileNameFormatter.js:22-24), but streamroller creates only the filename's own folder \
            (RollingFileWriteStream.js:299): a `/` in the pattern puts the file in a folder that does not \
            exist, and touching it throws `ENOENT` out of `configure()` (RollingFileWriteStream.js:312, C40). \
            Without `alwaysIncludePattern` the same pattern only puts old files in sub-folders (LC221). \
            Like every appender error, these throw only when log4js builds the appender, on the log4js master.
            """,
        references: ["S19", "C40"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"daily": {"type": "dateFile", "filename": "logs/app.log", "pattern": «5»}}, "categories": {"default": {"appenders": ["daily"], "level": "info"}}}"#,
                "log4js throws at start-up: pattern is 5, not a date pattern string (\"TypeError: date.getDate is not a function\")"
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"daily": {"type": "dateFile", "filename": "logs/app.log", "pattern": «"yyyy/MM/dd"», "alwaysIncludePattern": true}}, "categories": {"default": {"appenders": ["daily"], "level": "info"}}}"#,
                "log4js throws at start-up: with alwaysIncludePattern, pattern \"yyyy/MM/dd\" puts the current file in the folder logs/app.log.2024/01, which streamroller does not create (\"ENOENT: no such file or directory, open 'logs/app.log.2024/01/31'\")"
            ),
            .bad(
                "log4js.yaml",
                "appenders:\n  daily:\n    type: dateFile\n    filename: logs/app.log\n    alwaysIncludePattern: true\n    pattern: «{ days: 7 }»\ncategories:\n  default: { appenders: [daily], level: info }\n",
                "pattern is an object, which streamroller takes for the stream's options: this appender's other options (alwaysIncludePattern, numBackups, maxLogSize, mode …) are ignored and it rolls daily (yyyy-MM-dd)",
                severity: .warning
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"daily": {"type": "dateFile", "filename": "logs/app.log", "pattern": "yyyy-MM-dd", "alwaysIncludePattern": true}}, "categories": {"default": {"appenders": ["daily"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"daily": {"type": "dateFile", "filename": "logs/app.log", "pattern": null}}, "categories": {"default": {"appenders": ["daily"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let type = a.type, type == "dateFile" || type == "file", a.node.isMapping,
                let pattern = a.option("pattern"), !pattern.isUnknown, pattern.isTruthy == true
            else { continue }
            guard let text = pattern.string else {
                if type == "dateFile" && (pattern.isMapping || pattern.isSequence) {
                    context.reportAppender(
                        a, description,
                        "pattern is \(Log4jsContext.show(pattern)), which streamroller takes for the stream's options: this appender's other options (alwaysIncludePattern, numBackups, maxLogSize, mode …) are ignored and it rolls daily (yyyy-MM-dd)",
                        at: pattern, severity: .warning, help: "write the pattern as a string, such as \"yyyy-MM-dd\"")
                } else {
                    context.reportAppender(
                        a, description,
                        "log4js throws at start-up: pattern is \(Log4jsContext.show(pattern)), not a date pattern string (\"TypeError: date.getDate is not a function\")",
                        at: pattern, help: "write the pattern as a string, such as \"yyyy-MM-dd\"")
                }
                continue
            }
            // POSIX path.sep; a backslash is an ordinary character of a file name there.
            guard text.contains("/"), a.option("alwaysIncludePattern")?.isTruthy == true else { continue }
            let help = "keep the folder in \"filename\" and the date in a pattern without '/', such as \"yyyy-MM-dd\""
            let sepNode = a.option("fileNameSep")
            let keep = a.option("keepFileExt")
            if let filename = a.option("filename")?.string, !filename.isEmpty, keep?.isUnknown != true,
                sepNode?.isUnknown != true,
                sepNode.map({ $0.isTruthy != true || $0.string != nil }) ?? true
            {
                let separator = sepNode.flatMap { $0.isTruthy == true ? $0.string : nil } ?? "."
                let file = DateFileName.with(
                    date: DateFileName.sample(text), filename: filename, keepFileExt: keep?.isTruthy == true,
                    separator: separator)
                let folder = Path.dirname(file)
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: with alwaysIncludePattern, pattern \"\(text)\" puts the current file in the folder \(folder), which streamroller does not create (\"ENOENT: no such file or directory, open '\(file)'\")",
                    at: pattern, help: help)
            } else {
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: with alwaysIncludePattern, pattern \"\(text)\" puts the current file in a folder that streamroller does not create (\"ENOENT: no such file or directory\")",
                    at: pattern, help: help)
            }
        }
    }
}
