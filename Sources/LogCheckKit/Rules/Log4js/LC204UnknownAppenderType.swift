import LogCheckSyntax

public enum LC204UnknownAppenderType: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC204", slug: "unknown-appender-type", family: .log4js, severity: .error,
        summary:
            "An appender `type` that log4js cannot load: a removed core type, the wrong case, a log4js internal file, or not a name at all.",
        rationale: """
            log4js resolves `type` through its core appenders, then `require()` of the name as a file under \
            lib/appenders, a package, or a path (appenders/index.js:24-83). So:

            - the core types removed in log4js 3 (`gelf`, `smtp`, `slack`, `loggly`, `logstashUDP`, …) now live \
            in `@log4js-node/<name>` packages, and the bare name throws `type "smtp" could not be found` (C15);
            - the 1.x `clustered` type is gone (C15);
            - the wrong case (`File`, `DateFile`) loads on case-insensitive file systems (macOS, Windows) and \
            throws on Linux, where PM2 usually runs (S34);
            - `adapters`, `index` and `ignoreBrowser` load log4js' own files, which are not appenders \
            (`appenderModule.configure is not a function`);
            - a `type` that is not a string (a number, `true`, an object without `configure`) makes `require()` \
            itself fail (C13).

            A name one or two letters away from a core type (`fil`, `stdot`) makes log4js look for a package \
            of that name, which is almost certainly a typo: an **error** when the project's package.json files \
            (the config's package and the packages around it) declare no such package, nothing when they do, \
            and a warning without any package.json. Types are only resolved for appenders log4js builds; for an \
            unused appender the finding is a warning.
            """,
        references: ["C13", "C15", "S34"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"out": {"type": «"File"», "filename": "app.log"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "log4js throws at start-up on Linux: type \"File\" is not a core appender; the core type is \"file\" (it only loads on case-insensitive file systems such as macOS)",
                fixed:
                    #"{"appenders": {"out": {"type": "file", "filename": "app.log"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"mail": {"type": «"smtp"»}}, "categories": {"default": {"appenders": ["mail"], "level": "error"}}}"#,
                "log4js throws at start-up: \"smtp\" has not been a core appender since log4js 3 (\"type \\\"smtp\\\" could not be found\"); it is the package @log4js-node/smtp now"
            ),
            .bad(
                "log4js.yaml",
                "appenders:\n  out: { type: «stdot» }\ncategories:\n  default: { appenders: [out], level: info }\n",
                "type \"stdot\" is not a core appender, so log4js looks for a package named \"stdot\" and throws \"type could not be found\" unless one is installed; did you mean \"stdout\"?",
                fixed:
                    "appenders:\n  out: { type: stdout }\ncategories:\n  default: { appenders: [out], level: info }\n",
                severity: .warning),
            RuleExample(
                files: [
                    ExampleFile("package.json", #"{"name": "api", "dependencies": {"log4js": "^6.9.1"}}"#),
                    ExampleFile(
                        "log4js.yaml",
                        "appenders:\n  out: { type: «stdot» }\ncategories:\n  default: { appenders: [out], level: info }\n"
                    ),
                ],
                messages: [
                    "log4js throws at start-up: type \"stdot\" is not a core appender, and package.json declares no package \"stdot\", so log4js throws \"type could not be found\"; did you mean \"stdout\"?"
                ],
                fixed: [
                    "log4js.yaml":
                        "appenders:\n  out: { type: stdout }\ncategories:\n  default: { appenders: [out], level: info }\n"
                ],
                caption: "With a package.json that does not declare \"stdot\", an error."),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}, "gelf": {"type": "@log4js-node/gelf", "host": "graylog"}}, "categories": {"default": {"appenders": ["out", "gelf"], "level": "info"}}}"#
            ),
        ],
        fix: .mixed,
        fixDescription:
            "The wrong case and a one-letter typo of a core type are corrected (safe). A removed core type is replaced by its `@log4js-node/` package name (unsafe: the package must be installed)."
    )

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let typeNode = a.typeNode, !typeNode.isUnknown, typeNode.isTruthy == true else { continue }
            guard let type = typeNode.string else {
                if typeNode.isMapping && (typeNode.entry("configure") != nil || typeNode.hasUnknownEntries) { continue }
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: appender \"\(a.name)\" has type \(Log4jsContext.show(typeNode)), but a type must be the name of a core appender or a module (\"appender could not be loaded\")",
                    at: typeNode,
                    help: "use one of: " + Log4jsFacts.coreTypes.joined(separator: ", "))
                continue
            }
            if Log4jsFacts.coreTypes.contains(type) { continue }
            if let core = Log4jsFacts.coreTypes.first(where: { $0.lowercased() == type.lowercased() }) {
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up on Linux: type \"\(type)\" is not a core appender; the core type is \"\(core)\" (it only loads on case-insensitive file systems such as macOS)",
                    at: typeNode,
                    fixes: [
                        Fix(
                            "change the type to \"\(core)\"", .safe, [Edits.replaceValue(typeNode, with: .string(core))]
                        )
                    ])
                continue
            }
            if let removed = Log4jsFacts.removedTypes.first(where: { $0.lowercased() == type.lowercased() }) {
                let package = "@log4js-node/" + removed.lowercased()
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: \"\(type)\" has not been a core appender since log4js 3 (\"type \\\"\(type)\\\" could not be found\"); it is the package \(package) now",
                    at: typeNode,
                    help: "npm install \(package), then use \"type\": \"\(package)\"",
                    fixes: [
                        Fix(
                            "use the package \(package)", .unsafe,
                            [Edits.replaceValue(typeNode, with: .string(package))])
                    ])
                continue
            }
            if type == "clustered" {
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: the 1.x \"clustered\" appender was removed in log4js 2 (\"type \\\"clustered\\\" could not be found\"); clustering is built in",
                    at: typeNode,
                    help:
                        "point categories at the real appender, and see \"pm2\" and \"disableClustering\" for cluster mode"
                )
                continue
            }
            if Log4jsFacts.internalModules.contains(type) {
                context.reportAppender(
                    a, description,
                    "log4js crashes at start-up: type \"\(type)\" loads log4js' own lib/appenders/\(type).js, which is not an appender (\"TypeError: appenderModule.configure is not a function\")",
                    at: typeNode)
                continue
            }
            if !type.contains("/") && !type.contains("@") && !type.contains("."),
                let near = Suggest.closest(type, among: Log4jsFacts.coreTypes, maxDistance: 2)
            {
                // A package of that name may exist: the project's package.json says whether it is
                // there (LC205 reads it the same way).
                let declared = context.declares(package: type)
                if declared == .yes { continue }
                let message =
                    declared == .no
                    ? "log4js throws at start-up: type \"\(type)\" is not a core appender, and package.json declares no package \"\(type)\", so log4js throws \"type could not be found\"; did you mean \"\(near)\"?"
                    : "type \"\(type)\" is not a core appender, so log4js looks for a package named \"\(type)\" and throws \"type could not be found\" unless one is installed; did you mean \"\(near)\"?"
                context.reportAppender(
                    a, description,
                    message,
                    at: typeNode,
                    severity: declared == .no ? .error : .warning,
                    fixes: [
                        Fix(
                            "change the type to \"\(near)\"", .safe, [Edits.replaceValue(typeNode, with: .string(near))]
                        )
                    ])
            }
        }
    }
}
