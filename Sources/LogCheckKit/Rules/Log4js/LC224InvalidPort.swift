import LogCheckSyntax

public enum LC224InvalidPort: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC224", slug: "invalid-port", family: .log4js, severity: .error,
        summary: "A tcp, tcp-server or multiprocess port outside 0-65535, or not a number.",
        rationale: """
            Node's `net` module throws `RangeError [ERR_SOCKET_BAD_PORT]` synchronously for a port outside \
            0-65535 (C45): `port` of `tcp` and `tcp-server`, `loggerPort` of `multiprocess`. A string that is \
            not a number is not a port at all: Node treats it as the path of an IPC pipe. `true` passes \
            log4js' `config.port || 5000` (tcp.js:31-34, tcp-server.js:38, multiprocess.js:66-68, 115-118) and \
            is then rejected by Node with a TypeError, as is an object or array without `port` or `path`: \
            `net.createConnection` (tcp, a multiprocess worker) throws `ERR_INVALID_ARG_TYPE` (`ERR_MISSING_ARGS` \
            for an object), `server.listen` (tcp-server, a multiprocess master) `ERR_INVALID_ARG_VALUE`. \
            tcp-server and multiprocess appenders are built even when no category uses them.
            """,
        references: ["C45"],
        examples: [
            .bad(
                "log4js.json",
                #"{"appenders": {"server": {"type": "tcp-server", "port": «70000»}, "out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "log4js throws at start-up: port 70000 is outside 0-65535 (\"RangeError [ERR_SOCKET_BAD_PORT]\")"),
            .bad(
                "log4js.json",
                #"{"appenders": {"ship": {"type": "tcp", "port": «true»}}, "categories": {"default": {"appenders": ["ship"], "level": "info"}}}"#,
                "log4js throws at start-up: port is true, not a port number (\"TypeError [ERR_INVALID_ARG_TYPE]: The \\\"options.port\\\" property must be one of type number or string\")"
            ),
            .bad(
                "log4js.json",
                #"{"appenders": {"server": {"type": "tcp-server", "port": «true»}, "out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                "log4js throws at start-up: port is true, not a port number (\"TypeError [ERR_INVALID_ARG_VALUE]: The argument 'options' is invalid\")"
            ),
            .good(
                "log4js.json",
                #"{"appenders": {"server": {"type": "tcp-server", "port": 5000}, "out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#
            ),
        ])

    public static func check(_ context: inout Log4jsContext) {
        for a in context.config.appenders {
            guard let type = a.type else { continue }
            let key: String
            switch type {
            case "tcp", "tcp-server": key = "port"
            case "multiprocess": key = "loggerPort"
            default: continue
            }
            guard let port = a.option(key), !port.isUnknown, port.isTruthy == true else { continue }
            // `config.port || 5000` lets true and objects through to Node's net module.
            let listens =
                type == "tcp-server" || (type == "multiprocess" && a.option("mode")?.isString("master") == true)
            if port.bool == true || port.isSequence
                || (port.isMapping && !port.hasUnknownEntries && port["port"] == nil && port["path"] == nil)
            {
                let error: String
                if listens {
                    error =
                        "TypeError [ERR_INVALID_ARG_VALUE]: The argument 'options' \(port.bool == true ? "is invalid" : "must have the property \\\"port\\\" or \\\"path\\\"")"
                } else if port.bool == true {
                    error =
                        "TypeError [ERR_INVALID_ARG_TYPE]: The \\\"options.port\\\" property must be one of type number or string"
                } else {
                    error =
                        "TypeError [ERR_MISSING_ARGS]: The \\\"options\\\" or \\\"port\\\" or \\\"path\\\" argument must be specified"
                }
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: \(key) is \(Log4jsContext.show(port)), not a port number (\"\(error)\")",
                    at: port)
                continue
            }
            var n: Double? = port.number
            if let s = port.string {
                let parsed = JSNumber.parse(s)
                if parsed.isNaN {
                    context.reportAppender(
                        a, description,
                        "\(key) \"\(s)\" is not a number, so Node treats it as the path of an IPC pipe, not a TCP port",
                        at: port, severity: .warning)
                    continue
                }
                n = parsed
            }
            guard let value = n else { continue }
            if value < 0 || value > 65535 || !JSNumber.isInteger(value) {
                context.reportAppender(
                    a, description,
                    "log4js throws at start-up: \(key) \(port.text ?? "") is outside 0-65535 (\"RangeError [ERR_SOCKET_BAD_PORT]\")",
                    at: port)
            }
        }
    }
}
