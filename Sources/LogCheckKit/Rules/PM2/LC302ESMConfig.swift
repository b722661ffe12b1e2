import LogCheckSyntax

public enum LC302ESMConfig: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC302", slug: "esm-config", family: .pm2, severity: .error,
        summary:
            "An ecosystem file whose exports PM2 cannot see: `export default`, ES module syntax in a `.cjs` file, CommonJS in a `.mjs` file.",
        rationale: """
            PM2 loads JavaScript configs with `require()` and uses what it returns (Common.js:301-305). For an \
            ES module that is the module namespace, and PM2 never unwraps `.default`: `export default { apps }` \
            is not seen, and PM2 looks for apps in `{ default: … }` (issue #4540: "I had to write \
            `export const apps = [`"). `export`/`import` in a `.cjs` file is a SyntaxError (`File … malformated`), \
            and so are `module.exports`/`require` in a `.mjs` file (R1). `export const apps` in a `.config.js` \
            works only when the nearest package.json says `"type": "module"` and Node can `require()` ES modules.
            """,
        references: ["R1"],
        examples: [
            .bad(
                "ecosystem.config.mjs", "«export default» {\n  apps: [{ name: 'api', script: 'server.js' }],\n};\n",
                "PM2 does not see `export default`: require() returns the module namespace and PM2 never unwraps .default, so it finds no apps"
            ),
            .bad(
                "ecosystem.config.cjs", "«export» const apps = [{ name: 'api', script: 'server.js' }];\n",
                "`export` in a .cjs file is a SyntaxError when PM2 require()s it: `pm2 start` fails with \"File ecosystem.config.cjs malformated\""
            ),
            .bad(
                "ecosystem.config.cjs", "«export default» {\n  apps: [{ name: 'api', script: 'server.js' }],\n};\n",
                "`export` in a .cjs file is a SyntaxError when PM2 require()s it: `pm2 start` fails with \"File ecosystem.config.cjs malformated\"",
                fixed: "module.exports = {\n  apps: [{ name: 'api', script: 'server.js' }],\n};\n"),
            .good("ecosystem.config.mjs", "export const apps = [{ name: 'api', script: 'server.js' }];\n"),
        ],
        fix: .mixed,
        fixDescription:
            "`export default` becomes `module.exports =`: safe in a `.cjs` file, unsafe in a `.js` file (under `\"type\": \"module\"` it must also be renamed to `.cjs`)."
    )

    /// About the syntax of an ecosystem file.
    public static let readsLaunchSites = false

    public static func check(_ context: inout EcosystemContext) {
        let doc = context.document
        guard doc.format == .javascript, let module = doc.module else { return }
        let name = Path.basename(doc.path).lowercased()
        if name.hasSuffix(".cjs"), let first = module.esmSyntax.first {
            var fixes: [Fix] = []
            if module.style == .esmDefault, let span = module.exportSpan {
                fixes.append(
                    Fix("write module.exports = instead", .safe, [TextEdit(doc.source, span, "module.exports =")]))
            }
            context.report(
                description,
                "`\(doc.source.text(first))` in a .cjs file is a SyntaxError when PM2 require()s it: `pm2 start` fails with \"File \(Path.basename(doc.path)) malformated\"",
                at: Location(doc.source, module.style == .esmDefault ? (module.exportSpan ?? first) : first),
                help: "use module.exports = { … } in a .cjs file, or rename it to .config.mjs", fixes: fixes)
        } else if module.style == .esmDefault, let span = module.exportSpan {
            let message =
                name.hasSuffix(".mjs")
                ? "PM2 does not see `export default`: require() returns the module namespace and PM2 never unwraps .default, so it finds no apps"
                : "PM2 cannot use `export default` in a .js file: without \"type\": \"module\" in package.json it is a SyntaxError (\"File \(Path.basename(doc.path)) malformated\"), and with it PM2 never unwraps .default, so it finds no apps"
            var fixes: [Fix] = []
            if !name.hasSuffix(".mjs") {
                fixes.append(
                    Fix("write module.exports = instead", .unsafe, [TextEdit(doc.source, span, "module.exports =")]))
            }
            context.report(
                description, message, at: Location(doc.source, span),
                help:
                    "write `export const apps = [ … ]` in a .config.mjs file, or use module.exports in a .config.cjs file",
                fixes: fixes)
        }
        if name.hasSuffix(".mjs"), let first = module.commonJSSyntax.first {
            context.report(
                description,
                "`\(doc.source.text(first).prefix(30))` in a .mjs file fails when PM2 loads it: ES modules have no module.exports or require (\"File \(Path.basename(doc.path)) malformated\")",
                at: Location(doc.source, first),
                help: "use `export const apps = [ … ]`, or rename the file to .config.cjs")
        }
        if name.hasSuffix(".js"), module.style == .esmNamed, let first = module.esmSyntax.first {
            context.report(
                description,
                "ES module exports in a .js config work only when the nearest package.json has \"type\": \"module\" and Node can require() ES modules (Node 20.19+); otherwise `pm2 start` fails with \"File \(Path.basename(doc.path)) malformated\"",
                at: Location(doc.source, first), severity: .warning,
                help: "rename it to .config.mjs, or use module.exports in a .config.cjs file")
        }
    }
}
