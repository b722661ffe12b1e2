import LogCheckSyntax

public enum LC107LogServerPortCollision: DeploymentRule {
    public static let description = RuleDescription(
        id: "LC107", slug: "log-server-port-collision", family: .deployment, severity: .error,
        summary: "A `multiprocess` master or `tcp-server` in a config that several processes load as writers.",
        rationale: """
            A multiprocess master and a tcp-server are started when log4js builds its appenders, whether or not \
            a category uses them (appenders/index.js:139-149), and neither handles `'error'` on its server. When \
            several processes of an app build appenders (fork mode, or cluster mode with `disableClustering`), \
            the first one listens and every other one crashes with an unhandled `EADDRINUSE` after configure() \
            has returned (S22, CP9; multiprocess.js:66, tcp-server.js:38). In pm2 mode only instance 0 builds them.
            """,
        references: ["S22", "CP9"],
        examples: [
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 2, exec_mode: 'fork' }],\n};\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": {\n    \"out\": { \"type\": \"stdout\" },\n    «\"server\"»: { \"type\": \"tcp-server\", \"port\": 5000 }\n  },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } }\n}\n"
                    ),
                ],
                messages: [
                    "each of the 2 processes of app \"api\" starts the tcp-server \"server\" on port 5000: the first one listens, and the others crash with EADDRINUSE after log4js.configure() returns"
                ]),
            RuleExample(
                files: [
                    ExampleFile(
                        "ecosystem.config.js",
                        "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 2, exec_mode: 'fork' }, { name: 'log-server', script: 'log-server.js' }],\n};\n"
                    ),
                    ExampleFile(
                        "log4js.json",
                        "{\n  \"appenders\": { \"out\": { \"type\": \"tcp\", \"port\": 5000 } },\n  \"categories\": { \"default\": { \"appenders\": [\"out\"], \"level\": \"info\" } }\n}\n"
                    ),
                ], caption: "The processes connect to one log server as tcp clients."),
        ])

    public static func check(_ context: inout DeploymentContext) {
        let d = context.deployment
        let writers = d.independentWriters
        guard writers != .no else { return }
        for a in d.config.appenders {
            guard let type = a.type else { continue }
            let server: Bool
            let port: String
            switch type {
            case "tcp-server":
                server = true
                port = a.option("port").map { $0.text ?? $0.sourceText } ?? "5000"
            case "multiprocess":
                server = a.option("mode")?.isString("master") == true
                port = a.option("loggerPort").map { $0.text ?? $0.sourceText } ?? "5000"
            default:
                continue
            }
            guard server else { continue }
            let what = type == "tcp-server" ? "the tcp-server \"\(a.name)\"" : "the multiprocess master \"\(a.name)\""
            let prefix = writers == .yes ? "" : "if the app runs more than one process: "
            var related: [RelatedLocation] = []
            if let origin = context.modeOrigin { related.append(origin) }
            context.report(
                description,
                prefix
                    + "each of the \(d.app.processesPhrase) of \(context.appLabel) starts \(what) on port \(port): the first one listens, and the others crash with EADDRINUSE after log4js.configure() returns",
                at: Location(a.entry.keyNode), severity: writers == .yes ? .error : .warning, related: related,
                help:
                    "run the log server in an app of its own with one process, and give the other apps a tcp appender that connects to it"
            )
        }
    }
}
