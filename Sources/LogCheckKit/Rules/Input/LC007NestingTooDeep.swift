import LogCheckSyntax

public enum LC007NestingTooDeep: InputRule {
    public static let codes: [SyntaxCode] = [.tooDeep]
    public static let description = RuleDescription(
        id: "LC007", slug: "nesting-too-deep", family: .input, severity: .error,
        summary: "Mappings and sequences nest deeper than logcheck reads (\(ReaderLimits.maxDepth) levels).",
        rationale: """
            No PM2 or log4js config nests more than a handful of levels. A file nested thousands of levels \
            deep is generated or hostile; logcheck stops reading it at \(ReaderLimits.maxDepth) levels instead \
            of risking its stack, and reports where.
            """,
        examples: [
            .bad(
                "log4js.json",
                String(repeating: "[", count: ReaderLimits.maxDepth) + "«[»"
                    + String(repeating: "]", count: ReaderLimits.maxDepth + 1),
                "nesting is deeper than \(ReaderLimits.maxDepth) levels; logcheck stops reading here (no real config nests this deep)"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout", "layout": {"type": "pattern", "tokens": {"a": "b"}}}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ])
}
