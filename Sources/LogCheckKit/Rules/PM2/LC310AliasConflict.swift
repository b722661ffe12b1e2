import LogCheckSyntax

public enum LC310AliasConflict: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC310", slug: "alias-conflict", family: .pm2, severity: .warning,
        summary: "A key and one of its aliases are both set; PM2 uses one and ignores the other.",
        rationale: """
            PM2 reads the canonical key first, then each alias in a fixed order, and keeps the first truthy \
            value (Config.js:97-101, R7): with `node_args` and `interpreter_args`, or `merge_logs` and \
            `combine_logs`, the canonical key wins when it is truthy, and the other value is dead text \
            (corpus 126, 153). When both spellings hold the same value there is no conflict: that is only \
            an info, since one of them can go. When `verifyConfs` sets the key itself first (`merge_logs` \
            outside cluster mode and without `instances`, Common.js:846-850), PM2 reads neither.
            """,
        references: ["R7"],
        examples: [
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{\n    name: 'api',\n    script: 'server.js',\n    node_args: ['--max-old-space-size=512'],\n    «interpreter_args»: '--harmony',\n  }],\n};\n",
                "PM2 ignores interpreter_args: it is an alias of node_args, which is also set and wins"),
            .good(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', interpreter_args: '--harmony' }],\n};\n"
            ),
            .bad(
                "ecosystem.config.js",
                "module.exports = {\n  apps: [{ name: 'api', script: 'server.js', instances: 2, merge_logs: true, «combine_logs»: true }],\n};\n",
                "combine_logs holds the same value as merge_logs, which PM2 reads: no conflict, but one of them can go",
                caption: "The same value twice is an info.", severity: .info),
        ])

    public static func check(_ context: inout EcosystemContext) {
        for app in context.ecosystem.apps {
            app.forEachWrittenKey { key, entries in
                guard entries.count > 1 else { return }
                // The last entry of each spelling written (a repeated key, e.g. from a spread,
                // keeps its last value).
                var bySpelling: [(spelling: Int, entry: Entry)] = []
                for w in entries {
                    if let i = bySpelling.firstIndex(where: { $0.spelling == w.spellingIndex }) {
                        bySpelling[i].entry = w.entry
                    } else {
                        bySpelling.append((w.spellingIndex, w.entry))
                    }
                }
                // verifyConfs may set the key itself first (merge_logs in fork mode, Common.js:846-850):
                // then PM2 reads none of the spellings.
                guard bySpelling.count > 1, app.setBeforeValidation(key) == .no, let winner = app.field(key) else {
                    return
                }
                let written = bySpelling.map(\.entry).sorted { $0.keySpan.start < $1.keySpan.start }
                for e in written where e.keySpan != winner.entry.keySpan {
                    let alias = e.key ?? ""
                    let other = winner.spelling
                    if sameValue(e.value, winner.value) {
                        context.report(
                            description,
                            "\(alias) holds the same value as \(other), which PM2 reads: no conflict, but one of them can go",
                            at: e.keyNode, severity: .info,
                            related: [
                                RelatedLocation(
                                    Location(winner.entry.tree.source, winner.entry.keySpan), "PM2 uses this one")
                            ])
                        continue
                    }
                    let message =
                        alias == key.name
                        ? "PM2 ignores \(alias): it is \(Log4jsContext.show(e.value)), which is falsy, so PM2 takes the value of its alias \(other)"
                        : "PM2 ignores \(alias): it is an alias of \(key.name), which is also set\(other == key.name ? "" : " (as \(other))") and wins"
                    context.report(
                        description, message, at: e.keyNode,
                        related: [
                            RelatedLocation(
                                Location(winner.entry.tree.source, winner.entry.keySpan), "PM2 uses this one")
                        ])
                }
            }
        }
    }

    /// The same JavaScript value, written twice (unknown values never are).
    static func sameValue(_ a: Node, _ b: Node) -> Bool {
        switch (a.kind, b.kind) {
        case (.scalar, .scalar):
            return a.scalar == b.scalar
        case (.sequence, .sequence):
            let x = a.elements
            let y = b.elements
            return x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
        case (.mapping, .mapping):
            let x = a.entries
            let y = b.entries
            guard x.count == y.count, !a.hasUnknownEntries, !b.hasUnknownEntries else { return false }
            return zip(x, y).allSatisfy { $0.key != nil && $0.key == $1.key && sameValue($0.value, $1.value) }
        default:
            return false
        }
    }
}
