import LogCheckSyntax

public enum LC211InvalidCustomLevel: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC211", slug: "invalid-custom-level", family: .log4js, severity: .error,
        summary: "A custom level is malformed: a bad name, no integer `value`, or no valid `colour`.",
        rationale: """
            When `levels` is truthy it must be an object (C03), and each level must have a name matching \
            `/^[A-Za-z][A-Za-z0-9_]*$/` (C04), be an object (C05) with a truthy integer `value` (C06; C07, `typeof value === 'number'` and \
            `Number.isInteger`, configuration.js:14-15: `0`, fractions, `Infinity` and strings fail; any integral \
            number passes, also one above 2^53, which JavaScript reads rounded to a nearby integer) and a `colour` among white, grey, black, blue, cyan, green, magenta, \
            red, yellow (C08, C09) (levels.js:107-149). A `levels` object that maps category names to level \
            names is the log4js 1.x format (S03). An integer value of 0 is rejected although it is an integer (S29).
            """,
        references: ["C03", "C04", "C05", "C06", "C07", "C08", "C09", "S03", "S29", "V02"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {"NOTICE": {"value": «25000.5», "colour": «"gray"»}}}"#,
                "log4js throws at start-up: custom level \"NOTICE\" has value 25000.5, which is not an integer (\"level \\\"NOTICE\\\".value must have an integer value\")",
                "log4js throws at start-up: custom level \"NOTICE\" has colour \"gray\"; colours are white, grey, black, blue, cyan, green, magenta, red, yellow",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {"NOTICE": {"value": 25000.5, "colour": "grey"}}}"#
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {"http": «"WARN"»}}"#,
                "log4js throws at start-up: custom level \"http\" must be an object with \"value\" and \"colour\"; mapping a category to a level name is the log4js 1.x format (\"level \\\"http\\\" must be an object\")"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "notice"}}, "levels": {"NOTICE": {"value": 25000, "colour": "cyan"}}}"#
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "levels": {"HUGE": {"value": 1e20, "colour": "red"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "A colour one or two letters from a valid one (`gray`) becomes that colour.")

    /// configuration.js:12: /^[A-Za-z][A-Za-z0-9_]*$/
    static func namePattern(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
    }

    public static func check(_ context: inout Log4jsContext) {
        guard let entry = context.config.levelsEntry else { return }
        let levels = entry.value
        if levels.isUnknown || levels.isTruthy == false { return }
        guard levels.isMapping else {
            context.report(
                description,
                "log4js throws at start-up: \"levels\" must be an object of custom levels, not \(Log4jsContext.show(levels)) (\"levels must be an object\")",
                at: levels)
            return
        }
        let colours = Log4jsFacts.colours.joined(separator: ", ")
        for level in context.config.customLevels {
            let key = Location(level.entry.tree.source, level.entry.keySpan)
            let name = level.name
            if !namePattern(name) {
                context.report(
                    description,
                    "log4js throws at start-up: \"\(name)\" is not a valid level name: it must start with a letter and contain only A-Z, a-z, 0-9 and _ (\"level name \\\"\(name)\\\" is not a valid identifier\")",
                    at: key)
                continue
            }
            let v = level.node
            if v.isUnknown || v.hasUnknownEntries { continue }
            guard v.isMapping else {
                var message =
                    "log4js throws at start-up: custom level \"\(name)\" must be an object with \"value\" and \"colour\""
                var notes: [String] = []
                if let s = v.string, Log4jsFacts.builtInLevels.contains(where: { $0.name == s.uppercased() }) {
                    message += "; mapping a category to a level name is the log4js 1.x format"
                    notes.append(context.version.note)
                }
                context.report(
                    description, message + " (\"level \\\"\(name)\\\" must be an object\")", at: v, notes: notes,
                    help:
                        "define a level as \"\(name.uppercased())\": { \"value\": 25000, \"colour\": \"cyan\" }, and set categories' levels in \"categories\""
                )
                continue
            }
            if let value = v["value"], !value.isUnknown {
                if value.isTruthy == false {
                    let zero = value.number == 0 ? "; 0 is rejected because log4js tests the value for truthiness" : ""
                    context.report(
                        description,
                        "log4js throws at start-up: custom level \"\(name)\" has no value\(zero) (\"level \\\"\(name)\\\" must have a 'value' property\")",
                        at: value)
                } else if !(value.number.map(JSNumber.isInteger) ?? false) {
                    // anInteger (configuration.js:14-15): typeof 'number' and Number.isInteger, so
                    // 1e20 or 2^53 + 1 (read as 2^53) pass; only fractions, Infinity and non-numbers fail.
                    context.report(
                        description,
                        "log4js throws at start-up: custom level \"\(name)\" has value \(Log4jsContext.show(value)), which is not an integer (\"level \\\"\(name)\\\".value must have an integer value\")",
                        at: value)
                }
            } else if v["value"] == nil {
                context.report(
                    description,
                    "log4js throws at start-up: custom level \"\(name)\" has no value (\"level \\\"\(name)\\\" must have a 'value' property\")",
                    at: key,
                    help:
                        "levels are ordered by value: TRACE 5000, DEBUG 10000, INFO 20000, WARN 30000, ERROR 40000, FATAL 50000"
                )
            }
            if let colour = v["colour"], !colour.isUnknown {
                if colour.isTruthy == false {
                    context.report(
                        description,
                        "log4js throws at start-up: custom level \"\(name)\" has no colour (\"level \\\"\(name)\\\" must have a 'colour' property\")",
                        at: colour)
                } else if !(colour.string.map { Log4jsFacts.colours.contains($0) } ?? false) {
                    var fixes: [Fix] = []
                    if let s = colour.string, let near = Suggest.closest(s, among: Log4jsFacts.colours, maxDistance: 2)
                    {
                        fixes.append(
                            Fix("use colour \"\(near)\"", .safe, [Edits.replaceValue(colour, with: .string(near))]))
                    }
                    context.report(
                        description,
                        "log4js throws at start-up: custom level \"\(name)\" has colour \(Log4jsContext.show(colour)); colours are \(colours)",
                        at: colour, fixes: fixes)
                }
            } else if v["colour"] == nil {
                var message =
                    "log4js throws at start-up: custom level \"\(name)\" has no colour (\"level \\\"\(name)\\\" must have a 'colour' property\")"
                if v["color"] != nil { message += "; log4js spells it \"colour\"" }
                context.report(description, message, at: key)
            }
        }
    }
}
