import LogCheckSyntax

public enum LC325MemoryLimitInBytes: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC325", slug: "memory-limit-in-bytes", family: .pm2, severity: .warning,
        summary: "`max_memory_restart` as a bare small number, which is bytes.",
        rationale: """
            A `max_memory_restart` without a unit is a number of **bytes**. Every Node process uses tens of \
            megabytes, so a limit such as `512` (meant as megabytes) restarts the app at every 30-second memory \
            check (Worker.js:89-101; issue #2488, R24).
            """,
        references: ["R24"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', max_memory_restart: «512» }],\n};\n",
                "max_memory_restart is 512 bytes: every Node process uses more, so PM2 restarts app \"api\" every 30 seconds",
                fixed:
                    "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', max_memory_restart: '512M' }],\n};\n",
                unsafe: true),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', max_memory_restart: '512M' }],\n};\n"),
        ],
        fix: .unsafe,
        fixDescription:
            "The number becomes megabytes (`512` → `'512M'`), which is unsafe only because it assumes the unit.")

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            guard let f = app.field(.maxMemoryRestart) else { continue }
            let n = f.value.number ?? f.value.string.flatMap { s in s.allSatisfy({ $0.isNumber }) ? Double(s) : nil }
            guard let bytes = n, bytes > 0, bytes < 16 * 1024 * 1024 else { continue }
            let text = String(Int(bytes))
            context.report(
                description,
                "max_memory_restart is \(text) bytes: every Node process uses more, so PM2 restarts \(EcosystemContext.label(app)) every 30 seconds",
                at: f.value,
                fixes: [Fix("write '\(text)M'", .unsafe, [Edits.replaceValue(f.value, with: .string(text + "M"))])])
        }
    }
}
