import LogCheckSyntax

public enum LC316WaitReadyAndTimeouts: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC316", slug: "shutdown-timeouts", family: .pm2, severity: .info,
        summary: "`wait_ready` needs the app's cooperation; a short `kill_timeout` cuts off the last log lines.",
        rationale: """
            With `wait_ready: true` a reload waits for the app to call `process.send('ready')`, and otherwise \
            goes on after `listen_timeout` (3000 ms) (Reload.js:135-167). On stop and reload PM2 sends SIGINT, \
            then SIGKILL after `kill_timeout` (default 1600 ms, Methods.js:154-199): log lines still in an \
            asynchronous buffer (log4js file appenders, the cluster worker's own output stream) are lost when \
            it is short (issues #2333, #5649; R14).

            The rule is opt-in: whether a reload waits for nothing or a stop cuts off log lines depends on \
            the app (does it call `process.send('ready')`, how long does it take to flush on SIGINT), which \
            the file does not show, and most files that set these options are right. Turn it on to review \
            them.
            """,
        references: ["R14"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', kill_timeout: «200» }],\n};\n"
                    )
                ],
                messages: [
                    "kill_timeout is 200 ms: PM2 kills app \"api\" 200 ms after asking it to stop, and log lines not yet flushed are lost"
                ],
                settings: "select: [LC316]", severity: .warning),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', wait_ready: «true» }],\n};\n")
                ],
                messages: [
                    "wait_ready: app \"api\" must call process.send('ready') when it is listening; otherwise every reload waits 3000 ms (listen_timeout) and then goes on anyway"
                ],
                settings: "severity:\n  LC316: info"),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', kill_timeout: 5000 }],\n};\n")
                ],
                settings: "select: [LC316]"),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', wait_ready: true, kill_timeout: 200 }],\n};\n",
                caption: "Without `select` or `severity` naming it, the rule is off."),
        ],
        defaultEnabled: false)

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            if let w = app.field(.waitReady), w.value.bool == true {
                let timeout =
                    app.field(.listenTimeout)?.value.number.map { "\($0.javaScriptText) ms" }
                    ?? "3000 ms (listen_timeout)"
                context.report(
                    description,
                    "wait_ready: \(EcosystemContext.label(app)) must call process.send('ready') when it is listening; otherwise every reload waits \(timeout) and then goes on anyway",
                    at: w.value)
            }
            if let k = app.field(.killTimeout), let n = k.value.number ?? k.value.string.flatMap({ Double($0) }), n > 0,
                n < 1000
            {
                context.report(
                    description,
                    "kill_timeout is \(n.javaScriptText) ms: PM2 kills \(EcosystemContext.label(app)) \(n.javaScriptText) ms after asking it to stop, and log lines not yet flushed are lost",
                    at: k.value, severity: .warning,
                    help: "give the app time to flush its logs: 3000 ms or more")
            }
        }
    }
}
