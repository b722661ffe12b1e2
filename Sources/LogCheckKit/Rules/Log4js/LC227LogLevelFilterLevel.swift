import LogCheckSyntax

public enum LC227LogLevelFilterLevel: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC227", slug: "log-level-filter-level", family: .log4js, severity: .warning,
        summary: "A logLevelFilter's `level` is missing or unknown, or its `maxLevel` is unknown.",
        rationale: """
            `logLevelFilter` does not check its levels (S11): a missing or unknown `level` is `undefined`, and \
            the first event throws a TypeError; an unknown `maxLevel` silently becomes FATAL \
            (logLevelFilter.js:3).
            """,
        references: ["S11"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"errors": {"type": "file", "filename": "errors.log"}, "only-errors": {"type": "logLevelFilter", "appender": "errors", "level": «"errors"»}}, "categories": {"default": {"appenders": ["only-errors"], "level": "info"}}}"#,
                "logLevelFilter \"only-errors\" has level \"errors\", which log4js does not know: the first event it sees throws a TypeError; valid levels are ALL, TRACE, DEBUG, INFO, WARN, ERROR, FATAL, MARK, OFF",
                fixed:
                    #"{"appenders": {"errors": {"type": "file", "filename": "errors.log"}, "only-errors": {"type": "logLevelFilter", "appender": "errors", "level": "error"}}, "categories": {"default": {"appenders": ["only-errors"], "level": "info"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"errors": {"type": "file", "filename": "errors.log"}, "only-errors": {"type": "logLevelFilter", "appender": "errors", "level": "error", "maxLevel": "fatal"}}, "categories": {"default": {"appenders": ["only-errors"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "A misspelt level close to a known one is corrected.")

    static func fix(_ node: Node, _ known: [String]) -> [Fix] {
        guard let s = node.string else { return [] }
        let trimmed = s.trimmingWhitespace()
        guard
            let c = known.contains(trimmed.uppercased())
                ? trimmed.uppercased() : Suggest.closest(trimmed, among: known, maxDistance: 2)
        else { return [] }
        let cased = s == s.lowercased() ? c.lowercased() : c
        return [Fix("use level \"\(cased)\"", .safe, [Edits.replaceValue(node, with: .string(cased))])]
    }

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        for a in config.appenders where a.type == "logLevelFilter" {
            if let level = a.option("level"), !level.isUndefined {
                if config.isKnownLevel(level) == .no {
                    context.reportAppender(
                        a, description,
                        "logLevelFilter \"\(a.name)\" has level \(Log4jsContext.show(level)), which log4js does not know: the first event it sees throws a TypeError; valid levels are \(config.knownLevelList)",
                        at: level, fixes: fix(level, config.knownLevels))
                }
            } else {
                context.reportAppender(
                    a, description,
                    "logLevelFilter \"\(a.name)\" has no \"level\": the first event it sees throws a TypeError",
                    at: a.entry.keyNode,
                    help: "add \"level\": the lowest level to let through, for example \"error\"")
            }
            if let maxLevel = a.option("maxLevel"), !maxLevel.isUndefined, config.isKnownLevel(maxLevel) == .no {
                context.reportAppender(
                    a, description,
                    "logLevelFilter \"\(a.name)\" has maxLevel \(Log4jsContext.show(maxLevel)), which log4js does not know, so it silently becomes FATAL",
                    at: maxLevel,
                    fixes: fix(maxLevel, config.knownLevels))
            }
        }
    }
}
