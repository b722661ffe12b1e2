import LogCheckSyntax

public enum LC244MultiFileIncomplete: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC244", slug: "multi-file-incomplete", family: .log4js, severity: .warning,
        summary: "A multiFile appender without `base`, `property` or `extension`.",
        rationale: """
            `multiFile` checks nothing at configure time (docs/evidence/log4js.md#core-appenders): without `base` the first event throws \
            `TypeError [ERR_INVALID_ARG_TYPE]` from `path.join`; without `property` no event has a value for it \
            and every event is dropped silently (multiFile.js:63-65); without `extension` file names end in \
            `undefined`.
            """,
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {«"multi"»: {"type": "multiFile", "base": "logs/", "property": "categoryName"}}, "categories": {"default": {"appenders": ["multi"], "level": "info"}}}"#,
                "multiFile \"multi\" has no \"extension\", so every file name ends in \"undefined\" (logs/httpundefined)"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"multi": {"type": "multiFile", "base": "logs/", "property": "categoryName", "extension": ".log"}}, "categories": {"default": {"appenders": ["multi"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders where a.type == "multiFile" && a.node.isMapping && !a.node.hasUnknownEntries {
            let key = a.entry.keyNode
            if a.option("base") == nil {
                context.reportAppender(
                    a, description,
                    "multiFile \"\(a.name)\" has no \"base\" directory: the first event throws \"TypeError [ERR_INVALID_ARG_TYPE]\"",
                    at: key,
                    help: "add \"base\": \"logs/\"")
            }
            if a.option("property") == nil {
                context.reportAppender(
                    a, description,
                    "multiFile \"\(a.name)\" has no \"property\" to split files by: no event has a value for it, so every event is dropped",
                    at: key,
                    help: "add \"property\": \"categoryName\" (or another event property or context key)")
            }
            if a.option("extension") == nil {
                let base = a.option("base")?.string ?? "logs/"
                context.reportAppender(
                    a, description,
                    "multiFile \"\(a.name)\" has no \"extension\", so every file name ends in \"undefined\" (\(base)httpundefined)",
                    at: key,
                    help: "add \"extension\": \".log\"")
            }
        }
    }
}
