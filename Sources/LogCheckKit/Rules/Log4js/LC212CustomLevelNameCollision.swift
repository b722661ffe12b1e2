import LogCheckSyntax

public enum LC212CustomLevelNameCollision: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC212", slug: "custom-level-name-collision", family: .log4js, severity: .error,
        summary: "A custom level's name turns into a logger method that replaces one log4js needs.",
        rationale: """
            Each level becomes a logger method: the lower-cased name with `_x` turned into `X` \
            (logger.js:221-236), and name collisions are not checked (S31). `LEVEL`, `USE_CALL_STACK` and \
            `CALL_STACK_LINES_TO_SKIP` hit setters and make configure() throw (C46); `LOG` makes `log()` \
            recurse forever (RangeError at the first log call); `ADD_CONTEXT`, `REMOVE_CONTEXT`, \
            `CLEAR_CONTEXT`, `SET_PARSE_CALL_STACK_FUNCTION` and `CONSTRUCTOR` silently replace those methods. \
            (Derived from the code, unverified at runtime.)
            """,
        references: ["C46", "S31"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {«"LEVEL"»: {"value": 25000, "colour": "cyan"}}}"#,
                "log4js throws at start-up: custom level \"LEVEL\" becomes the logger method level(), which replaces a Logger property log4js relies on"
            ),
            RuleExample(
                files: [
                    ExampleFile(
                        "log4js.json",
                        #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {«"log"»: {"value": 25000, "colour": "cyan"}}}"#
                    )
                ],
                messages: [
                    "custom level \"log\" becomes the logger method log(), which replaces the Logger's own log(): every call to log() then recurses until the stack overflows"
                ],
                caption: "This one does not fail at start-up, so it is a warning.", severity: .warning),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {"AUDIT": {"value": 25000, "colour": "cyan"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for level in context.config.customLevels {
            let upper = level.name.uppercased()
            let method = Log4jsFacts.methodName(forLevel: level.name)
            let key = Location(level.entry.tree.source, level.entry.keySpan)
            if Log4jsFacts.levelNamesThatThrow.contains(upper) {
                context.report(
                    description,
                    "log4js throws at start-up: custom level \"\(level.name)\" becomes the logger method \(method)(), which replaces a Logger property log4js relies on",
                    at: key,
                    help: "rename the level")
            } else if upper == "LOG" {
                context.report(
                    description,
                    "custom level \"\(level.name)\" becomes the logger method log(), which replaces the Logger's own log(): every call to log() then recurses until the stack overflows",
                    at: key, severity: .warning,
                    help: "rename the level")
            } else if Log4jsFacts.levelNamesThatBreakMethods.contains(upper) {
                context.report(
                    description,
                    "custom level \"\(level.name)\" becomes the logger method \(method)(), which silently replaces the Logger's own \(method)()",
                    at: key, severity: .warning,
                    help: "rename the level")
            }
        }
    }
}
