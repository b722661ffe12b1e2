import LogCheckSyntax

public enum LC303NoApps: EcosystemRule {
    public static let description = RuleDescription(
        id: "LC303", slug: "no-apps", family: .pm2, severity: .error,
        summary:
            "The file gives PM2 no app list it can use: `apps` misspelt (so the whole file becomes one app), empty, or not an object.",
        rationale: """
            PM2 takes its apps from `apps` when it is truthy, else from `pm2`, else it treats **the whole \
            object as one app** (API.js:940-954). So `"apps:"`, `app` or `Apps` silently makes the file itself \
            an app without a script (`No script path - aborting`, issue #1976); `apps: []` starts nothing; a \
            top level that is not an object or a list cannot be used at all (R2).
            """,
        references: ["R2"],
        examples: [
            .bad(
                "ecosystem.config.js", "module.exports = {\n  «app»: [{ name: 'api', script: 'server.js' }],\n};\n",
                "there is no \"apps\" key, so PM2 treats the whole file as one app (\"No script path - aborting\"); did you mean \"apps\"?",
                fixed: "module.exports = {\n  apps: [{ name: 'api', script: 'server.js' }],\n};\n"),
            .bad("ecosystem.json", #"{"apps": «[]»}"#, "\"apps\" is empty: `pm2 start` starts nothing"),
            .good("ecosystem.config.js", "module.exports = {\n  apps: [{ name: 'api', script: 'server.js' }],\n};\n"),
        ],
        fix: .safe,
        fixDescription: "A key close to `apps` is renamed to `apps`.")

    /// About the shape of an ecosystem file.
    public static let readsLaunchSites = false

    public static func check(_ context: inout EcosystemContext) {
        let eco = context.ecosystem
        switch eco.shape {
        case .unusable:
            context.report(
                description,
                "PM2 cannot use this file: its top level is \(Log4jsContext.show(eco.root)), not an object with \"apps\" or a list of apps",
                at: eco.root)
        case .bareApp:
            let root = eco.root
            guard
                root.entry("script") == nil && root.entry("cmd") == nil && root.entry("command") == nil
                    && root.entry("exec") == nil
            else { return }
            let candidates = root.entries.filter { e in
                guard let k = e.key else { return false }
                let n = Suggest.normalized(k.replacing(":", with: ""))
                return (n == "apps" || n == "app" || Suggest.distance(n, "apps") <= 1)
                    && (e.value.isSequence || e.value.isMapping)
            }
            if let e = candidates.first, let key = e.key {
                context.report(
                    description,
                    "there is no \"apps\" key, so PM2 treats the whole file as one app (\"No script path - aborting\"); did you mean \"apps\"?",
                    at: e.keyNode,
                    fixes: [Fix("rename \"\(key)\" to \"apps\"", .safe, [Edits.renameKey(e, to: "apps")])])
            } else if root.entryCount > 0, root.entries.allSatisfy({ $0.value.isMapping || $0.value.isSequence }),
                root.entry("deploy") != nil || root.entry("static") != nil
            {
                return
            }
        case .appsList, .legacyPM2:
            if let e = eco.appsEntry, e.value.isSequence, e.value.elements.isEmpty {
                context.report(description, "\"\(e.key ?? "apps")\" is empty: `pm2 start` starts nothing", at: e.value)
            }
        case .bareList:
            if eco.root.elements.isEmpty {
                context.report(description, "the list of apps is empty: `pm2 start` starts nothing", at: eco.root)
            }
        case .appsObject, .unknown:
            return
        }
    }
}
