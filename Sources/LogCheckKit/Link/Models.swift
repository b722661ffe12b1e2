import LogCheckSyntax

/// The models of a run's documents, each built once (the linker, the file rules and the
/// deployment rules share them).
final class Models {
    /// A document's models. Each document's slot is changed by one thread at a time, so the
    /// models of different documents can be released in parallel.
    final class Slot {
        var log4js: Log4jsConfig?
        var ecosystem: Ecosystem?
    }

    private var slots: [ObjectIdentifier: Slot] = [:]

    /// Builds the models of the documents (in parallel), by their kind.
    func build(_ documents: [Document]) {
        let built = Parallel.map(documents) { doc -> (Log4jsConfig?, Ecosystem?) in
            guard let root = doc.root else { return (nil, nil) }
            switch doc.kind {
            case .log4js: return (Log4jsConfig(root: root), nil)
            case .ecosystem, .launch: return (nil, Ecosystem(document: doc, root: root))
            case .unknown, .appCode: return (nil, nil)
            }
        }
        for (doc, (config, ecosystem)) in zip(documents, built) where config != nil || ecosystem != nil {
            let slot = Slot()
            slot.log4js = config
            slot.ecosystem = ecosystem
            slots[ObjectIdentifier(doc)] = slot
        }
    }

    /// Read-only lookups, safe while other threads read too (after `build` and linking).
    func existingLog4js(_ doc: Document) -> Log4jsConfig? { slots[ObjectIdentifier(doc)]?.log4js }
    func existingEcosystem(_ doc: Document) -> Ecosystem? { slots[ObjectIdentifier(doc)]?.ecosystem }

    /// Drops a document's models (after linking, from the thread that checks the document).
    func release(_ doc: Document) {
        guard let slot = slots[ObjectIdentifier(doc)] else { return }
        slot.log4js = nil
        slot.ecosystem = nil
    }

    /// The model of a document, built on first use (a config the linker loaded, say).
    func log4js(_ doc: Document) -> Log4jsConfig? {
        guard let root = doc.root else { return nil }
        let slot = self.slot(doc)
        if let m = slot.log4js { return m }
        let m = Log4jsConfig(root: root)
        slot.log4js = m
        return m
    }

    func ecosystem(_ doc: Document) -> Ecosystem? {
        guard let root = doc.root else { return nil }
        let slot = self.slot(doc)
        if let m = slot.ecosystem { return m }
        let m = Ecosystem(document: doc, root: root)
        slot.ecosystem = m
        return m
    }

    private func slot(_ doc: Document) -> Slot {
        if let s = slots[ObjectIdentifier(doc)] { return s }
        let s = Slot()
        slots[ObjectIdentifier(doc)] = s
        return s
    }
}
