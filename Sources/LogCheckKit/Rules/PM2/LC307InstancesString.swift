import LogCheckSyntax

public enum LC307InstancesString: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC307", slug: "instances-meaning", family: .pm2, severity: .warning,
        summary:
            "An `instances` value that PM2 reads differently from how it looks: a word that means all CPUs, or a negative number that means fork mode.",
        rationale: """
            Before validation PM2 turns `"max"` into 0 and any other string into `parseInt(…) || 0` \
            (Common.js:838-844), and 0 means one process per CPU (God.js:137-146): `"auto"`, `"all"` or `"four"` \
            silently start as many processes as the machine has CPUs. Only `-1` (CPUs minus one) makes PM2 pick \
            cluster mode by itself; `-2` and below run in fork mode unless `exec_mode` says cluster (R6).
            """,
        references: ["R6"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: «'auto'» }],\n};\n",
                "instances: \"auto\" is not a number, so PM2 reads it as 0: one process per CPU of the machine",
                fixed: "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 'max' }],\n};\n"),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 'max', exec_mode: 'cluster' }],\n};\n"
            ),
        ],
        fix: .safe,
        fixDescription: "A word meaning all CPUs becomes `'max'`, which PM2 reads the same way but says it.")

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            guard let e = app.node.entry("instances") else { continue }
            let v = e.value
            if let s = v.string, s != "max", PM2App.parseInt(s) == nil {
                context.report(
                    description,
                    "instances: \"\(s)\" is not a number, so PM2 reads it as 0: one process per CPU of the machine",
                    at: v,
                    fixes: [Fix("write 'max'", .safe, [Edits.replaceValue(v, with: .string("max"))])])
            } else if case .cpusMinus(let n) = app.instances, n >= 2, app.field(.execMode) == nil {
                context.report(
                    description,
                    "instances: -\(n) means one process per CPU minus \(n), in fork mode: only -1 (or a positive number) makes PM2 choose cluster mode by itself",
                    at: v,
                    help: "add exec_mode: 'cluster' if the app should share its port across instances")
            }
        }
    }
}
