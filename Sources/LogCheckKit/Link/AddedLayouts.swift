extension Linker {
    /// Makes the layout types an app's code registers (`log4js.addLayout('json', …)`) known to
    /// the config files the app loads (through `configure('./log4js.json')` or `LOG4JS_CONFIG`):
    /// log4js keeps one table of layouts per process (layouts.js:480-485), so a type registered by
    /// any module before the config is read is found. A config file loaded by several apps knows
    /// the types any of them registers. Configs written inline in a call keep their own file's
    /// types (`Document.addedLayouts`); proximity pairings, which have no code evidence, get none.
    static func registerLayouts(_ layouts: Set<String>, in deployments: [Deployment]) {
        guard !layouts.isEmpty else { return }
        for d in deployments {
            guard let last = d.hops.last, last.location.file !== d.config.source else { continue }
            d.config.addedLayouts.formUnion(layouts)
        }
    }
}
