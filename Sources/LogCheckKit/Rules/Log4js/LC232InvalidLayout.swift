import LogCheckSyntax

public enum LC232InvalidLayout: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC232", slug: "invalid-layout", family: .log4js, severity: .warning,
        summary: "A `layout` that is a string, has no `type`, or has a type log4js does not have.",
        rationale: """
            log4js looks a layout up as `layoutMakers[layout.type]` (layouts.js:483-485) and does not complain \
            when it finds nothing: a layout given as a string, without `type`, or with an unknown type becomes \
            `undefined`, and the first log call throws `TypeError: layout is not a function` (S05). The core \
            layouts are basic, colored (coloured), messagePassThrough, dummy and pattern; there is no core \
            `json` layout in 6.9.1. A type registered with `log4js.addLayout()` before `configure()` works: \
            logcheck knows the names a file registers (`log4js.addLayout('json', …)`) for the configs written \
            in that file's `configure({...})` calls, and the names any module of an app's code registers for \
            the config files the app loads (`configure('./log4js.json')`, `LOG4JS_CONFIG`): log4js keeps one \
            table of layouts per process (layouts.js:480-485). For a config file no app is seen to load, it \
            cannot tell which code registers what, so the finding says so.
            """,
        references: ["S05"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout", "layout": «"pattern"»}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "layout is a string, but it must be an object such as {\"type\": \"pattern\"}: log4js finds no layout and the first log call throws \"TypeError: layout is not a function\"",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout", "layout": {"type": "pattern"}}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
            .bad(
                "log4js.yaml",
                "appenders:\n  out:\n    type: stdout\n    layout: { type: «json» }\ncategories:\n  default: { appenders: [out], level: info }\n",
                "layout type \"json\" is not a core layout (basic, colored, coloured, messagePassThrough, dummy, pattern): unless the app registers it with log4js.addLayout(\"json\", …) before configure(), the first log call throws \"TypeError: layout is not a function\""
            ),
            .good(
                "app.js",
                "const log4js = require('log4js');\nlog4js.addLayout('json', (config) => (event) => JSON.stringify(event));\nlog4js.configure({\n  appenders: { out: { type: 'stdout', layout: { type: 'json' } } },\n  categories: { default: { appenders: ['out'], level: 'info' } },\n});\n",
                caption: "A layout the same file registers with log4js.addLayout() is known."),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout", "layout": {"type": "pattern", "pattern": "%d %p %c %m"}}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ],
        fix: .safe,
        fixDescription:
            "A core layout type written as a string becomes `{\"type\": …}`; a core type in the wrong case is corrected."
    )

    public static func check(_ context: inout Log4jsContext) {
        let core = Log4jsFacts.layoutTypes
        for a in context.config.appenders {
            guard let layout = a.option("layout"), !layout.isUnknown, !layout.isUndefined else { continue }
            if let s = layout.string {
                var fixes: [Fix] = []
                if let t = core.first(where: { $0.lowercased() == s.lowercased() }) {
                    let tree = layout.tree
                    let key = tree.dialect == .javascript ? "type" : (tree.dialect == .yaml ? "type" : "\"type\"")
                    fixes.append(
                        Fix(
                            "write {\(key): \"\(t)\"}", .safe,
                            [
                                TextEdit(
                                    layout.source, layout.span,
                                    "{" + (tree.dialect == .yaml ? " " : "") + key + ": "
                                        + Edits.literal(.string(t), in: tree, like: layout)
                                        + (tree.dialect == .yaml ? " " : "") + "}")
                            ]))
                }
                context.reportAppender(
                    a, description,
                    "layout is a string, but it must be an object such as {\"type\": \"pattern\"}: log4js finds no layout and the first log call throws \"TypeError: layout is not a function\"",
                    at: layout, fixes: fixes)
                continue
            }
            guard layout.isMapping else {
                context.reportAppender(
                    a, description,
                    "layout is \(Log4jsContext.show(layout)), but it must be an object such as {\"type\": \"pattern\"}: the first log call throws \"TypeError: layout is not a function\"",
                    at: layout)
                continue
            }
            if layout.hasUnknownEntries { continue }
            guard let type = layout["type"], !type.isUndefined else {
                context.reportAppender(
                    a, description,
                    "layout has no \"type\": log4js finds no layout and the first log call throws \"TypeError: layout is not a function\"",
                    at: layout,
                    help: "add \"type\": one of \(core.joined(separator: ", "))")
                continue
            }
            // A type registered with log4js.addLayout() in the same file is known (log4js.js:128-130).
            guard let name = type.string, !core.contains(name), !context.config.addedLayouts.contains(name) else {
                continue
            }
            if let t = core.first(where: { $0.lowercased() == name.lowercased() })
                ?? Suggest.closest(name, among: core, maxDistance: 2)
            {
                context.reportAppender(
                    a, description,
                    "layout type \"\(name)\" is not a core layout; did you mean \"\(t)\"? As written, the first log call throws \"TypeError: layout is not a function\"",
                    at: type,
                    fixes: [Fix("use layout type \"\(t)\"", .safe, [Edits.replaceValue(type, with: .string(t))])])
            } else {
                context.reportAppender(
                    a, description,
                    "layout type \"\(name)\" is not a core layout (\(core.joined(separator: ", "))): unless the app registers it with log4js.addLayout(\"\(name)\", …) before configure(), the first log call throws \"TypeError: layout is not a function\"",
                    at: type)
            }
        }
    }
}
