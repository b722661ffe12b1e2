import LogCheckSyntax

public enum LC301ConfigNameNotRecognised: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC301", slug: "config-name-not-recognised", family: .pm2, severity: .error,
        summary:
            "A JavaScript ecosystem file whose name PM2 does not read as a config, so `pm2 start` runs it as an app.",
        rationale: """
            PM2 treats an argument as a config file only when its name contains `.json`, `.yml`, `.yaml`, \
            `.config.js`, `.config.cjs` or `.config.mjs` (Common.js:242-271, a substring test). Any other \
            JavaScript file, `ecosystem.js`, `pm2.js` or `ecosystem.config.es6.js`, is **started as an \
            application** (issue #4540); a `.ts` config is not recognised at all (issue #5884) (R1).
            """,
        references: ["R1"],
        examples: [
            .bad(
                "ecosystem.js", "«module.exports» = {\n  apps: [{ name: 'api', script: 'server.js' }],\n};\n",
                "PM2 reads a file as a config only when its name contains .config.js, .config.cjs, .config.mjs, .json, .yml or .yaml: `pm2 start ecosystem.js` runs this file as an app instead"
            ),
            .good("ecosystem.config.js", "module.exports = {\n  apps: [{ name: 'api', script: 'server.js' }],\n};\n"),
        ])

    /// About the name of an ecosystem file.
    public static let readsLaunchSites = false

    public static func check(_ context: inout EcosystemContext) {
        let doc = context.document
        guard doc.format == .javascript, !doc.input.isStdin else { return }
        let name = Path.basename(doc.path).lowercased()
        if name.containsBytes(".config.js") || name.containsBytes(".config.cjs") || name.containsBytes(".config.mjs") {
            return
        }
        let at = doc.module?.exportSpan.map { Location(doc.source, $0) } ?? Location(context.ecosystem.root)
        let suggested =
            Path.basename(doc.path).split(separator: ".").first.map { "\($0).config.js" } ?? "ecosystem.config.js"
        context.report(
            description,
            "PM2 reads a file as a config only when its name contains .config.js, .config.cjs, .config.mjs, .json, .yml or .yaml: `pm2 start \(Path.basename(doc.path))` runs this file as an app instead",
            at: at, help: "rename it to \(suggested)")
    }
}
