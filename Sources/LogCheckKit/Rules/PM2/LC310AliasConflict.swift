import LogCheckSyntax

public enum LC310AliasConflict: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC310", slug: "alias-conflict", family: .pm2, severity: .warning,
        summary: "A key and one of its aliases are both set; PM2 uses one and ignores the other.",
        rationale: """
        PM2 reads the canonical key first, then each alias in a fixed order, and keeps the first truthy \
        value (Config.js:97-101, R7): with `node_args` and `interpreter_args`, or `merge_logs` and \
        `combine_logs`, the canonical key wins when it is truthy, and the other value is dead text \
        (corpus 126, 153).
        """,
        references: ["R7"],
        examples: [
            .bad("ecosystem.config.js", "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    node_args: ['--max-old-space-size=512'],\n    «interpreter_args»: '--harmony',\n  }],\n};\n",
                 "PM2 ignores interpreter_args: it is an alias of node_args, which is also set and wins"),
            .good("ecosystem.config.js", "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', interpreter_args: '--harmony' }],\n};\n"),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            app.forEachWrittenKey { key, entries in
                guard entries.count > 1 else { return }
                // The last entry of each spelling written (a repeated key, e.g. from a spread,
                // keeps its last value).
                var bySpelling: [(spelling: Int, entry: Entry)] = []
                for w in entries {
                    if let i = bySpelling.firstIndex(where: { $0.spelling == w.spellingIndex }) { bySpelling[i].entry = w.entry } else { bySpelling.append((w.spellingIndex, w.entry)) }
                }
                guard bySpelling.count > 1, let winner = app.field(key) else { return }
                let written = bySpelling.map(\.entry).sorted { $0.keySpan.start < $1.keySpan.start }
                for e in written where e.keySpan != winner.entry.keySpan {
                    let alias = e.key ?? ""
                    let other = winner.spelling
                    let message = alias == key.name
                        ? "PM2 ignores \(alias): it is \(Log4jsContext.show(e.value)), which is falsy, so PM2 takes the value of its alias \(other)"
                        : "PM2 ignores \(alias): it is an alias of \(key.name), which is also set\(other == key.name ? "" : " (as \(other))") and wins"
                    context.report(description, message, at: e.keyNode,
                                   related: [RelatedLocation(Location(winner.entry.tree.source, winner.entry.keySpan), "PM2 uses this one")])
                }
            }
        }
    }
}
