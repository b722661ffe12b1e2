import LogCheckSyntax

public enum LC234PatternTokens: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC234", slug: "pattern-tokens", family: .log4js, severity: .warning,
        summary:
            "A pattern with a `%x{…}` token that is not defined, an unknown `%` conversion, or a deprecated date format.",
        rationale: """
            Pattern tokens are not checked at configure time (docs/evidence/log4js.md#layouts, S27): `%x{name}` with no `tokens` \
            throws a TypeError at every log call (layouts.js:262), and with `tokens` that lack the name prints \
            the text `null`; an unknown conversion such as `%q` drops the `%` and prints the rest literally; \
            a trailing `%` is dropped; `%d{ABSOLUTE}` and `%d{DATE}` print a DeprecationWarning for every event.
            """,
        references: ["S27"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout", "layout": {"type": "pattern", "pattern": «"%d %x{user} %m"»}}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "the pattern uses %x{user}, but the layout has no \"tokens\": every log call throws a TypeError"),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout", "layout": {"type": "pattern", "pattern": "%d %x{user} %-5p %.10c %m%n", "tokens": {"user": "api"}}}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let layout = a.option("layout"), layout["type"]?.isString("pattern") == true,
                let node = layout["pattern"], let pattern = node.string
            else { continue }
            let tokens = layout["tokens"]
            for token in PatternLayout.tokens(pattern) {
                switch token.conversion {
                case nil:
                    if token.text == "%" {
                        context.reportAppender(
                            a, description, "the pattern ends with a lone %, which log4js drops", at: node)
                    } else {
                        context.reportAppender(
                            a, description,
                            "\"\(token.text)\" is not a pattern conversion: log4js drops the % and prints \"\(token.text.dropFirst())\" as text",
                            at: node,
                            help: "write %% for a literal percent sign")
                    }
                case "x"?:
                    guard let name = token.specifier else { continue }
                    if tokens == nil || tokens?.isUndefined == true {
                        context.reportAppender(
                            a, description,
                            "the pattern uses %x{\(name)}, but the layout has no \"tokens\": every log call throws a TypeError",
                            at: node,
                            help: "add \"tokens\": { \"\(name)\": … } to the layout")
                    } else if let t = tokens, t.isMapping, !t.hasUnknownEntries, t.entry(name) == nil {
                        context.reportAppender(
                            a, description,
                            "the pattern uses %x{\(name)}, but \"tokens\" has no \"\(name)\": it prints the text \"null\"",
                            at: node)
                    }
                case "d"?:
                    if let spec = token.specifier, spec == "ABSOLUTE" || spec == "DATE" {
                        context.reportAppender(
                            a, description,
                            "%d{\(spec)} is deprecated: log4js prints a DeprecationWarning for every event; use %d{\(spec)TIME}",
                            at: node, severity: .info)
                    }
                default:
                    continue
                }
            }
        }
    }
}
