import LogCheckSyntax

public enum LC205ExternalAppenderType: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC205", slug: "external-appender-type", family: .log4js, severity: .warning,
        summary: "An appender type that is not part of log4js: a package or a file that must exist where the app runs.",
        rationale: """
            A `type` that is not a core appender is loaded with `require()`: first as a package, then as a \
            path relative to the app's main module and to the working directory (appenders/index.js:24-55). \
            It only works when that package is installed (or that file deployed) on the machine where the \
            app starts; otherwise configure() throws `appender "…" is not valid (type "…" could not be found)` \
            (appenders/index.js:79-83, C15). A module that is found but whose own dependency is missing is \
            reported the same way (S35). logcheck reads the package.json files of the config's package and \
            of the packages around it (a workspace installs their dependencies where every package finds \
            them): a package declared there (in dependencies, devDependencies, optionalDependencies or \
            peerDependencies) is fine, one declared nowhere is an **error**, and without any package.json it \
            is a warning. A file (`./appenders/x`) is an info: it must be deployed with the app.
            """,
        references: ["S35"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"gelf": {"type": «"@log4js-node/gelf"», "host": "graylog"}}, "categories": {"default": {"appenders": ["gelf"], "level": "info"}}}"#,
                "appender \"gelf\" has type \"@log4js-node/gelf\", which is not part of log4js: it is loaded with require(\"@log4js-node/gelf\"), so that package must be installed where the app runs"
            ),
            RuleExample(
                files: [
                    ExampleFile("package.json", #"{"name": "api", "dependencies": {"log4js": "^6.9.1"}}"#),
                    ExampleFile(
                        "log4js.json",
                        #"{"appenders": {"gelf": {"type": «"@log4js-node/gelf"», "host": "graylog"}}, "categories": {"default": {"appenders": ["gelf"], "level": "info"}}}"#
                    ),
                ],
                messages: [
                    "log4js throws at start-up: appender \"gelf\" has type \"@log4js-node/gelf\", which is not part of log4js and not declared in package.json, so require(\"@log4js-node/gelf\") fails (\"appender \"gelf\" is not valid (type \"@log4js-node/gelf\" could not be found)\")"
                ],
                caption: "The project's package.json does not declare the package: an error.", severity: .error),
            RuleExample(
                files: [
                    ExampleFile(
                        "package.json",
                        #"{"name": "api", "dependencies": {"log4js": "^6.9.1", "@log4js-node/gelf": "^1.0.2"}}"#),
                    ExampleFile(
                        "log4js.json",
                        #"{"appenders": {"gelf": {"type": "@log4js-node/gelf/lib", "host": "graylog"}}, "categories": {"default": {"appenders": ["gelf"], "level": "info"}}}"#
                    ),
                ],
                caption: "A declared package (here a file inside it) is fine."),
            .good(
                "log4js.json",
                #"{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard context.config.builtAppenders.contains(a.name), let typeNode = a.typeNode, let type = typeNode.string,
                !type.isEmpty
            else { continue }
            if Log4jsFacts.coreTypes.contains(where: { $0.lowercased() == type.lowercased() })
                || Log4jsFacts.removedTypes.contains(where: { $0.lowercased() == type.lowercased() })
                || Log4jsFacts.internalModules.contains(type) || type == "clustered"
            {
                continue
            }
            if !type.contains("/") && !type.contains("@") && !type.contains("."),
                Suggest.closest(type, among: Log4jsFacts.coreTypes, maxDistance: 2) != nil
            {
                continue
            }
            if type.hasPrefix(".") || type.hasPrefix("/") {
                context.report(
                    description,
                    "appender \"\(a.name)\" has type \"\(type)\", a file of the app: log4js loads it relative to the app's main module, then to the working directory, so it must be deployed with the app",
                    at: typeNode, severity: .info)
                continue
            }
            switch context.declares(package: type) {
            case .yes:
                continue
            case .no:
                context.report(
                    description,
                    "log4js throws at start-up: appender \"\(a.name)\" has type \"\(type)\", which is not part of log4js and not declared in package.json, so require(\"\(type)\") fails (\"appender \"\(a.name)\" is not valid (type \"\(type)\" could not be found)\")",
                    at: typeNode, severity: .error, help: "npm install \(type), or use a core appender type")
            case .unknown:
                context.report(
                    description,
                    "appender \"\(a.name)\" has type \"\(type)\", which is not part of log4js: it is loaded with require(\"\(type)\"), so that package must be installed where the app runs",
                    at: typeNode)
            }
        }
    }
}
