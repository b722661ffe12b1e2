import LogCheckSyntax

public enum LC242CategoryNameDots: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC242", slug: "category-name-dots", family: .log4js, severity: .warning,
        summary: "A category name that starts or ends with a dot, or has two dots in a row.",
        rationale: """
            A dot separates a category from its parent (categories.js:18-70). `.http`, `http.` and `a..b` \
            create parents with empty names (`''`, `a.`) that no logger uses, so the inheritance the name \
            suggests does not happen (S33).
            """,
        references: ["S33"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}, «"http."»: {"appenders": ["out"], "level": "debug"}}}"#,
                "category name \"http.\" ends with a dot: its parent is the category \"http\", and getLogger(\"http\") does not use this entry"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}, "http.access": {"appenders": ["out"], "level": "debug"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for cat in context.config.categories {
            let name = cat.name
            let key = cat.entry.keyNode
            if name.hasPrefix(".") {
                context.report(
                    description,
                    "category name \"\(name)\" starts with a dot: its parent is a category with an empty name, not \"default\"",
                    at: key)
            } else if name.hasSuffix(".") {
                context.report(
                    description,
                    "category name \"\(name)\" ends with a dot: its parent is the category \"\(name.dropLast())\", and getLogger(\"\(name.dropLast())\") does not use this entry",
                    at: key)
            } else if name.containsBytes("..") {
                context.report(
                    description,
                    "category name \"\(name)\" has two dots in a row, so one of its parents has an empty last part",
                    at: key)
            }
        }
    }
}
