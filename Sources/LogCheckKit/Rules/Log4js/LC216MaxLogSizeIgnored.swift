import LogCheckSyntax

public enum LC216MaxLogSizeIgnored: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC216", slug: "max-log-size-ignored", family: .log4js, severity: .warning,
        summary: "A `maxLogSize` that silently never rolls, or rolls on almost every write.",
        rationale: """
            log4js converts `maxLogSize` strings only for `file`, `fileSync` and `dateFile` \
            (adapters.js:39-46). On `multiFile`, `"10M"` is passed to streamroller as a string, which compares \
            numbers with it, so the files never roll (S14). `"M"` or `"0K"` converts to 0, which means no \
            rolling (S15). Below about 1 KB, streamroller rolls on almost every write (S16).
            """,
        references: ["S14", "S16"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"multi": {"type": "multiFile", "base": "logs/", "property": "categoryName", "extension": ".log", "maxLogSize": «"10M"»}}, "categories": {"default": {"appenders": ["multi"], "level": "info"}}}"#,
                "multiFile does not convert maxLogSize strings, so \"10M\" is compared as text and the files never roll",
                fixed:
                    #"{"appenders": {"multi": {"type": "multiFile", "base": "logs/", "property": "categoryName", "extension": ".log", "maxLogSize": 10485760}}, "categories": {"default": {"appenders": ["multi"], "level": "info"}}}"#
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log", "maxLogSize": «100»}}, "categories": {"default": {"appenders": ["file"], "level": "info"}}}"#,
                "maxLogSize is 100 bytes: the file rolls on almost every write (streamroller expects more than 1024)"),
            .good(
                "log4js.json",
                #"{"appenders": {"multi": {"type": "multiFile", "base": "logs/", "property": "categoryName", "extension": ".log", "maxLogSize": 10485760}}, "categories": {"default": {"appenders": ["multi"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "On multiFile, a size string is replaced by its number of bytes.")

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let type = a.type, let size = a.option("maxLogSize"), !size.isUnknown else { continue }
            if type == "multiFile" {
                if let s = size.string, !s.isEmpty {
                    var fixes: [Fix] = []
                    if case .bytes(let n)? = MaxLogSize.convert(size), n > 0 {
                        fixes.append(
                            Fix(
                                "write it as \(n.javaScriptText) bytes", .safe,
                                [Edits.replaceValue(size, with: .number(n))]))
                    }
                    context.reportAppender(
                        a, description,
                        "multiFile does not convert maxLogSize strings, so \"\(s)\" is compared as text and the files never roll",
                        at: size, fixes: fixes)
                    continue
                }
            } else if !LC215InvalidMaxLogSize.types.contains(type) {
                continue
            }
            guard case .bytes(let n)? = MaxLogSize.convert(size) else { continue }
            if n == 0, let s = size.string {
                context.reportAppender(
                    a, description, "maxLogSize \"\(s)\" converts to 0 bytes, which means the file never rolls",
                    at: size,
                    help: "write the size, for example \"10M\", or remove maxLogSize")
            } else if n > 0 && n < 1024 {
                context.reportAppender(
                    a, description,
                    "maxLogSize is \(n.javaScriptText) bytes: the file rolls on almost every write (streamroller expects more than 1024)",
                    at: size,
                    help: "sizes are in bytes; for megabytes write \"\(n.javaScriptText)M\"")
            }
        }
    }
}
