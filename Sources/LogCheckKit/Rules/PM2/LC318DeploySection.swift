import LogCheckSyntax

public enum LC318DeploySection: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC318", slug: "deploy-section", family: .pm2, severity: .error,
        summary: "A `deploy` environment that `pm2 deploy` rejects or misreads.",
        rationale: """
            pm2-deploy validates each environment of `deploy` against a schema (pm2-deploy deploy.js:10-21): it \
            must be an object with `host`, `repo`, `path` and `ref`, and `user` must not be empty; otherwise \
            `pm2 deploy <env>` fails. `port` is read only as a string (`"port": "22"`): a number is ignored. `key` \
            must be the private key, not the `.pub` file. `env` keys are upper-cased when exported (R16, R38).
            """,
        references: ["R16", "R38"],
        examples: [
            .bad(
                "ecosystem.json",
                #"{"apps": [{"script": "server.js"}], "deploy": {«"production"»: {"user": "deploy", "host": "example.com", "ref": "origin/main", "path": "/srv/app"}}}"#,
                "`pm2 deploy production` fails: the environment has no \"repo\" (pm2-deploy requires host, repo, path and ref)"
            ),
            .bad(
                "ecosystem.json",
                #"{"apps": [{"script": "server.js"}], "deploy": {"production": {"user": "deploy", "host": "example.com", "port": «2222», "repo": "git@github.com:acme/app.git", "ref": "origin/main", "path": "/srv/app"}}}"#,
                "pm2-deploy ignores a numeric \"port\": it reads only \"port\": \"2222\" (a string), so ssh uses port 22",
                fixed:
                    #"{"apps": [{"script": "server.js"}], "deploy": {"production": {"user": "deploy", "host": "example.com", "port": "2222", "repo": "git@github.com:acme/app.git", "ref": "origin/main", "path": "/srv/app"}}}"#,
                severity: .warning
            ),
            .good(
                "ecosystem.json",
                #"{"apps": [{"script": "server.js"}], "deploy": {"production": {"user": "deploy", "host": ["a.example.com", "b.example.com"], "port": "2222", "repo": "git@github.com:acme/app.git", "ref": "origin/main", "path": "/srv/app", "env": {"NODE_ENV": "production"}}}}"#
            ),
        ],
        fix: .safe,
        fixDescription: "A numeric `port` becomes a string.")

    /// About the shape of an ecosystem file.
    public static let readsLaunchSites = false

    public static func check(_ context: inout EcosystemContext) {
        guard let deploy = context.ecosystem.deployEntry?.value, deploy.isMapping else { return }
        for envEntry in deploy.entries {
            guard let name = envEntry.key else { continue }
            let env = envEntry.value
            if env.isUnknown || env.hasUnknownEntries { continue }
            guard env.isMapping else {
                context.report(
                    description,
                    "`pm2 deploy \(name)` fails: the environment must be an object with host, repo, path and ref, not \(Log4jsContext.show(env))",
                    at: env)
                continue
            }
            let missing = ["host", "repo", "path", "ref"].filter { env.entry($0) == nil }
            if let first = missing.first {
                let list =
                    missing.count == 1 ? "no \"\(first)\"" : "no " + missing.map { "\"\($0)\"" }.joined(separator: ", ")
                context.report(
                    description,
                    "`pm2 deploy \(name)` fails: the environment has \(list) (pm2-deploy requires host, repo, path and ref)",
                    at: envEntry.keyNode)
            }
            for key in ["repo", "path", "ref", "fetch"] {
                if let v = env[key], !v.isUnknown, v.string == nil {
                    context.report(
                        description,
                        "`pm2 deploy \(name)` fails: \"\(key)\" must be a string, not \(Log4jsContext.show(v))", at: v)
                }
            }
            if let host = env["host"], !host.isUnknown, host.string == nil,
                !(host.isSequence && host.elements.allSatisfy { $0.string != nil || $0.isUnknown })
            {
                context.report(
                    description, "`pm2 deploy \(name)` fails: \"host\" must be a host name or a list of them", at: host)
            }
            if let user = env["user"], user.string?.isEmpty == true || (user.string == nil && !user.isUnknown) {
                context.report(description, "`pm2 deploy \(name)` fails: \"user\" must be a non-empty string", at: user)
            }
            if let port = env["port"], let n = port.number {
                let text = port.text ?? n.javaScriptText
                context.report(
                    description,
                    "pm2-deploy ignores a numeric \"port\": it reads only \"port\": \"\(text)\" (a string), so ssh uses port 22",
                    at: port, severity: .warning,
                    fixes: [Fix("write \"\(text)\"", .safe, [Edits.replaceValue(port, with: .string(text))])])
            }
            if let key = env["key"], let s = key.string, s.hasSuffix(".pub") {
                context.report(
                    description,
                    "\"key\" is \(s), a public key: ssh needs the private key (the same path without .pub)", at: key,
                    severity: .warning,
                    fixes: [
                        Fix(
                            "use \(s.dropLast(4))", .safe,
                            [Edits.replaceValue(key, with: .string(String(s.dropLast(4))))])
                    ])
            }
            if let vars = env["env"], vars.isMapping {
                for e in vars.entries where e.key.map({ $0 != $0.uppercased() }) ?? false {
                    context.report(
                        description,
                        "pm2-deploy exports deploy env keys in upper case: \"\(e.key!)\" becomes \(e.key!.uppercased())",
                        at: e.keyNode, severity: .info)
                }
            }
        }
    }
}
