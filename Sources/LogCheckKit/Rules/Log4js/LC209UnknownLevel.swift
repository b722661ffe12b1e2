import LogCheckSyntax

public enum LC209UnknownLevel: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC209", slug: "unknown-level", family: .log4js, severity: .error,
        summary: "A category's `level` is not a level log4js knows.",
        rationale: """
            `levels.getLevel(level)` must find the level, case-insensitively, among the built-in levels \
            (ALL, TRACE, DEBUG, INFO, WARN, ERROR, FATAL, MARK, OFF) and the custom `levels` of the same \
            config (categories.js:129-134, C23). A number (`20000`), a trailing space (`"info "`) or a typo fail. \
            log4js also accepts a level defined by an *earlier* configure() call (levels are global, S28); \
            logcheck does not, because such a config only works if something else configured log4js first.
            """,
        references: ["C23", "S28"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": «"infos"»}}}"#,
                "log4js throws at start-up: category \"default\" has level \"infos\", which log4js does not know; valid levels are ALL, TRACE, DEBUG, INFO, WARN, ERROR, FATAL, MARK, OFF",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
            .bad(
                "log4js.yaml",
                "appenders:\n  out: { type: stdout }\ncategories:\n  default: { appenders: [out], level: «20000» }\n",
                "log4js throws at start-up: category \"default\" has level 20000, which log4js does not know; levels are names, and 20000 is the value of INFO",
                fixed:
                    "appenders:\n  out: { type: stdout }\ncategories:\n  default: { appenders: [out], level: INFO }\n"),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "Warn"}, "audit": {"appenders": ["out"], "level": "notice"}}, "levels": {"NOTICE": {"value": 25000, "colour": "cyan"}}}"#,
                caption: "Level names are case-insensitive, and custom levels count."),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": ["info"]}}}"#,
                caption:
                    "log4js looks the level up by `level.toString()` (levels.js:46), so a one-element list is its element."
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": «["info", "debug"]»}}}"#,
                "log4js throws at start-up: category \"default\" has level [\"info\", \"debug\"], which log4js does not know; valid levels are ALL, TRACE, DEBUG, INFO, WARN, ERROR, FATAL, MARK, OFF"
            ),
        ],
        fix: .safe,
        fixDescription:
            "A misspelt level (or one with stray spaces) becomes the known level closest to it, in the same case; a number that is a built-in level's value becomes that level's name."
    )

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        if config.levelsEntry.map({ $0.value.isUnknown || $0.value.hasUnknownEntries }) == true { return }
        for resolved in config.resolved {
            guard let cat = resolved.category, resolved.levelInheritedFrom == nil, let level = resolved.level else {
                continue
            }
            guard config.isKnownLevel(level) == .no else { continue }
            if let n = level.number {
                let builtIn = Log4jsFacts.builtInLevels.first { $0.value == n }
                var message =
                    "log4js throws at start-up: category \"\(cat.name)\" has level \(level.text ?? ""), which log4js does not know; levels are names"
                var fixes: [Fix] = []
                if let builtIn {
                    message += ", and \(level.text ?? "") is the value of \(builtIn.name)"
                    fixes.append(
                        Fix(
                            "use level \"\(builtIn.name)\"", .safe,
                            [Edits.replaceValue(level, with: .string(builtIn.name))]))
                } else {
                    message += "; valid levels are \(config.knownLevelList)"
                }
                context.report(description, message, at: level, fixes: fixes)
                continue
            }
            var fixes: [Fix] = []
            if let s = level.string {
                let known = config.knownLevels
                let trimmed = s.trimmingWhitespace()
                let candidate =
                    known.contains(trimmed.uppercased())
                    ? trimmed.uppercased() : Suggest.closest(trimmed, among: known, maxDistance: 2)
                if let c = candidate {
                    let cased = s == s.lowercased() ? c.lowercased() : c
                    fixes.append(
                        Fix("use level \"\(cased)\"", .safe, [Edits.replaceValue(level, with: .string(cased))]))
                }
            }
            // A list is looked up by its toString(): its elements joined by commas.
            let shown =
                level.isSequence
                ? "[" + level.elements.map(Log4jsContext.show).joined(separator: ", ") + "]" : Log4jsContext.show(level)
            context.report(
                description,
                "log4js throws at start-up: category \"\(cat.name)\" has level \(shown), which log4js does not know; valid levels are \(config.knownLevelList)",
                at: level, fixes: fixes)
        }
    }
}
