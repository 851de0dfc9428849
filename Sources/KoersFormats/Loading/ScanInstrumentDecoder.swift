import KoersModel

/// Turns a parsed scan instrument file (`koers-scan-instrument/1`) into a `ScanInstrument`, reporting
/// every problem with its JSON path: structure, and the ids and levels answers are matched against
/// (an item id or level label used twice would make an answer ambiguous).
struct ScanInstrumentDecoder {
    static let format = "koers-scan-instrument/1"
    let log: DiagnosticLog

    func decode(_ root: JSONNode) -> ScanInstrument? {
        guard let r = ObjectReader(root, path: .root, log: log, what: "a scan instrument") else { return nil }
        r.expectFormat(Self.format)
        let id = r.identifier("id", .slug)
        let title = r.string("title", limit: .title)
        let description = r.string("description", required: false)
        let source = r.string("source", required: false)
        let language = r.string("language")
        let scale = r.array("scale")?.compactMap(level) ?? []
        let categories = r.array("categories")?.compactMap(category) ?? []
        r.finish()
        guard let id, let title, let language else { return nil }
        let instrument = ScanInstrument(id: id, title: title, description: description, source: source,
                                        language: language, scale: scale, categories: categories)
        if !log.hasErrors { validate(instrument, Cursor(root: root)) }
        return instrument
    }

    private func level(_ item: (node: JSONNode, path: JSONPath)) -> ScanInstrument.Level? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "a level, e.g. {\"value\": 1, \"label\": \"nog in startfase\"}")
        else { return nil }
        let value = r.integer("value", atLeast: 0)
        let label = r.string("label", limit: .name)
        r.finish()
        guard let value, let label else { return nil }
        return ScanInstrument.Level(value: value, label: label)
    }

    private func category(_ item: (node: JSONNode, path: JSONPath)) -> ScanInstrument.Category? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "a category") else { return nil }
        let id = r.identifier("id", .slug)
        let title = r.string("title", limit: .title)
        let items: [ScanInstrument.Item] = r.array("items")?.compactMap { entry in
            guard let i = ObjectReader(entry.node, path: entry.path, log: log, what: "an item") else { return nil }
            let id = i.identifier("id", .stepID)
            let text = i.string("text")
            let note = i.string("note", required: false)
            i.finish()
            guard let id, let text else { return nil }
            return ScanInstrument.Item(id: id, text: text, note: note)
        } ?? []
        r.finish()
        guard let id, let title else { return nil }
        return ScanInstrument.Category(id: id, title: title, items: items)
    }

    private func validate(_ instrument: ScanInstrument, _ top: Cursor) {
        if instrument.categories.isEmpty { top["categories"].error(log, "an instrument needs at least one category of items") }
        if instrument.scale.count < 2 {
            top["scale"].error(log, "a scale needs at least two levels, lowest first, e.g. [{\"value\": 1, \"label\": \"nog in startfase\"}, …]")
        }
        for i in instrument.scale.indices.dropFirst() where instrument.scale[i].value <= instrument.scale[i - 1].value {
            top["scale"][i]["value"].error(log, "level values must increase from the lowest level to the highest; "
                + "\(instrument.scale[i].value) follows \(instrument.scale[i - 1].value)")
        }
        var labels: [String: Int] = [:]
        for (i, level) in instrument.scale.enumerated() {
            let key = ScanInstrument.normalised(level.label)
            if let first = labels[key] {
                top["scale"][i]["label"].error(log, "the label \"\(level.label)\" is also level \(first + 1)'s; "
                    + "answers name levels, so labels must differ")
            } else if Int(key) != nil {
                top["scale"][i]["label"].error(log, "a label cannot be a number (answers give levels as numbers or labels)")
            } else {
                labels[key] = i
            }
        }
        var categories: Set<String> = [], items: [String: String] = [:]
        for (c, category) in instrument.categories.enumerated() {
            if !categories.insert(category.id).inserted {
                top["categories"][c]["id"].error(log, "duplicate category id \"\(category.id)\"; ids must be unique")
            }
            if category.items.isEmpty { top["categories"][c]["items"].error(log, "a category needs at least one item") }
            for (i, item) in category.items.enumerated() {
                if let other = items[item.id] {
                    top["categories"][c]["items"][i]["id"].error(log, "duplicate item id \"\(item.id)\" (also in category \"\(other)\"); "
                        + "item ids must be unique in the instrument")
                } else {
                    items[item.id] = category.id
                }
            }
        }
    }
}
