import LogCheckSyntax

public enum LC224InvalidPort: Log4jsRule {
    public static let description = RuleDescription(
        id: "LC224", slug: "invalid-port", family: .log4js, severity: .error,
        summary: "A tcp, tcp-server or multiprocess port outside 0-65535, or not a number.",
        rationale: """
        Node's `net` module throws `RangeError [ERR_SOCKET_BAD_PORT]` synchronously for a port outside \
        0-65535 (C45): `port` of `tcp` and `tcp-server`, `loggerPort` of `multiprocess`. A string that is \
        not a number is not a port at all: Node treats it as the path of an IPC pipe.
        """,
        references: ["C45"],
        examples: [
            .bad("log4js.json", #"{"appenders": {"server": {"type": "tcp-server", "port": «70000»}, "out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#,
                 "log4js throws at start-up: port 70000 is outside 0-65535 (\"RangeError [ERR_SOCKET_BAD_PORT]\")"),
            .good("log4js.json", #"{"appenders": {"server": {"type": "tcp-server", "port": 5000}, "out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}"#),
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
            var n: Double? = port.number
            if let s = port.string {
                let parsed = JSNumber.parse(s)
                if parsed.isNaN {
                    context.reportAppender(a, description, "\(key) \"\(s)\" is not a number, so Node treats it as the path of an IPC pipe, not a TCP port", at: port, severity: .warning)
                    continue
                }
                n = parsed
            }
            guard let value = n else { continue }
            if value < 0 || value > 65535 || !JSNumber.isInteger(value) {
                context.reportAppender(a, description, "log4js throws at start-up: \(key) \(port.text ?? "") is outside 0-65535 (\"RangeError [ERR_SOCKET_BAD_PORT]\")", at: port)
            }
        }
    }
}
