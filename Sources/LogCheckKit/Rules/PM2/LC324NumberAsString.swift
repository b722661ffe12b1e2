import LogCheckSyntax

public enum LC324NumberAsString: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC324", slug: "number-as-string", family: .pm2, severity: .info,
        summary: "A number written as a string (`\"port\": \"3000\"`).",
        rationale: """
            PM2 converts numeric strings with `parseFloat` before checking a number key (Config.js:173-177), so \
            `"kill_timeout": "5000"` works (R23). Writing the number says what it is, and keeps other tools that \
            read the file (and TypeScript types) from tripping on it.
            """,
        references: ["R23"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', port: «'3000'» }],\n};\n",
                "port is the string \"3000\"; PM2 converts it, but it is a number",
                fixed: "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', port: 3000 }],\n};\n"),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', port: 3000, max_memory_restart: '512M' }],\n};\n"
            ),
        ],
        fix: .safe,
        fixDescription: "The string becomes the number.")

    /// Keys whose only type is number (`instances` is converted before validation).
    static let numberKeys = PM2Schema.keys.filter { $0.types == [.number] && $0.name != "instances" }

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            for key in numberKeys {
                guard let f = app.field(key), let s = f.value.string, let n = Double(s.trimmingWhitespace()), n.isFinite
                else { continue }
                let text = n.javaScriptText
                context.report(
                    description, "\(f.spelling) is the string \"\(s)\"; PM2 converts it, but it is a number",
                    at: f.value,
                    fixes: [Fix("write \(text)", .safe, [Edits.replaceValue(f.value, with: .number(n))])])
            }
        }
    }
}
