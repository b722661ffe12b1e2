import LogCheckSyntax

public enum LC241UnknownKey: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC241", slug: "unknown-key", family: .log4js, severity: .warning,
        summary: "A key log4js does not read: at the top level, in a category, in a core appender or in a layout.",
        rationale: """
            log4js ignores keys it does not know (docs/evidence/log4js.md#top-level-keys, \
            docs/evidence/log4js.md#categories, docs/evidence/log4js.md#core-appenders), so a misspelt option (`PM2`, \
            `pm2instanceVar`, `appender` for `appenders`, `maxLogsize`) silently does nothing. For `file`, \
            `dateFile` and `multiFile`, which pass their whole config on to streamroller and Node streams, only \
            keys close to a known option are reported.
            """,
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, «"PM2"»: true}"#,
                "log4js ignores \"PM2\" (keys are case-sensitive); did you mean \"pm2\"?",
                fixed:
                    #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}, "pm2": true}"#
            ),
            .bad(
                "log4js.yaml",
                "appenders:\n  file: { type: file, filename: app.log, «maxLogsize»: 10M }\ncategories:\n  default: { appenders: [file], level: info }\n",
                "log4js ignores \"maxLogsize\" on a file appender (keys are case-sensitive); did you mean \"maxLogSize\"?",
                fixed:
                    "appenders:\n  file: { type: file, filename: app.log, maxLogSize: 10M }\ncategories:\n  default: { appenders: [file], level: info }\n"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"file": {"type": "file", "filename": "app.log", "highWaterMark": 65536}}, "categories": {"default": {"appenders": ["file"], "level": "info", "enableCallStack": false}}, "pm2": true, "pm2InstanceVar": "INSTANCE_ID"}"#,
                caption: "Stream options such as `highWaterMark` are passed on by file appenders."),
        ],
        fix: .safe,
        fixDescription:
            "A key that differs from exactly one known key by case or a typo is renamed, when the known key is not already present."
    )

    /// Keys other rules report with a more specific message.
    static let handledElsewhere: Set<String> = ["replaceConsole", "category", "timezoneOffset"]

    static func report(
        _ context: inout Log4jsContext, _ mapping: Node, known: [String], allUnknown: Bool, where place: String
    ) {
        guard mapping.isMapping, !mapping.hasUnknownEntries else { return }
        for e in mapping.entries {
            guard let key = e.key, !known.contains(key), !handledElsewhere.contains(key) else { continue }
            let near = known.first(where: { $0.lowercased() == key.lowercased() }) ?? Suggest.closest(key, among: known)
            if near == nil && !allUnknown { continue }
            var message = "log4js ignores \"\(key)\"\(place)"
            var fixes: [Fix] = []
            if let near {
                message +=
                    near.lowercased() == key.lowercased() || Suggest.normalized(near) == Suggest.normalized(key)
                    ? " (keys are case-sensitive); did you mean \"\(near)\"?" : "; did you mean \"\(near)\"?"
                if mapping.entry(near) == nil {
                    fixes.append(Fix("rename \"\(key)\" to \"\(near)\"", .safe, [Edits.renameKey(e, to: near)]))
                }
            }
            context.report(description, message, at: e.keyNode, fixes: fixes)
        }
    }

    public static func check(_ context: inout Log4jsContext) {
        let config = context.config
        report(&context, config.root, known: Log4jsFacts.topLevelKeys, allUnknown: true, where: "")
        for cat in config.categories {
            report(&context, cat.node, known: Log4jsFacts.categoryKeys, allUnknown: true, where: " in a category")
        }
        for a in config.appenders {
            guard let type = a.type, let spec = Log4jsFacts.options[type] else { continue }
            report(
                &context, a.node, known: spec.keys, allUnknown: !spec.forwards,
                where: " on a\(type.first.map { "aeiou".contains($0) } == true ? "n" : "") \(type) appender")
            if let layout = a.option("layout"), layout.isMapping, let layoutType = layout["type"]?.string,
                Log4jsFacts.layoutTypes.contains(layoutType)
            {
                let keys = layoutType == "pattern" ? ["type", "pattern", "tokens"] : ["type"]
                report(&context, layout, known: keys, allUnknown: true, where: " in a \(layoutType) layout")
            }
        }
    }
}
