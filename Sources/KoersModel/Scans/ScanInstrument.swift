/// A zelfscan checklist (`koers-scan-instrument/1`): statements grouped in categories, each answered
/// on one scale of named levels. Data, not code, so a board can add its own instruments as files.
public struct ScanInstrument: Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    public var source: String?
    public var language: String
    /// Lowest level first; values strictly increasing.
    public var scale: [Level]
    /// In the source's order, which also breaks ties between items of equal mean.
    public var categories: [Category]

    package init(
        id: String,
        title: String,
        description: String? = nil,
        source: String? = nil,
        language: String,
        scale: [ScanInstrument.Level],
        categories: [ScanInstrument.Category]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.source = source
        self.language = language
        self.scale = scale
        self.categories = categories
    }

    public struct Level: Sendable, Equatable {
        public var value: Int
        public var label: String

        package init(value: Int, label: String) {
            self.value = value
            self.label = label
        }
    }

    public struct Category: Sendable, Equatable {
        public var id: String
        public var title: String
        public var items: [Item]

        package init(id: String, title: String, items: [ScanInstrument.Item]) {
            self.id = id
            self.title = title
            self.items = items
        }
    }

    public struct Item: Sendable, Equatable {
        /// `OC1`: unique in the instrument.
        public var id: String
        public var text: String
        /// How a damaged source was read.
        public var note: String?

        package init(id: String, text: String, note: String? = nil) {
            self.id = id
            self.text = text
            self.note = note
        }
    }

    /// An item with its category and its place in the instrument (0 for the first item).
    public struct PlacedItem: Sendable, Equatable {
        public var category: Category
        public var item: Item
        public var order: Int
    }

    /// Every item in instrument order.
    public var placedItems: [PlacedItem] {
        var result: [PlacedItem] = []
        for category in categories {
            for item in category.items { result.append(PlacedItem(category: category, item: item, order: result.count)) }
        }
        return result
    }

    /// The item with this id, ignoring case (people type `oc1`).
    public func item(_ id: String) -> PlacedItem? {
        let wanted = id.uppercased()
        return placedItems.first { $0.item.id.uppercased() == wanted }
    }

    /// A level from what a spreadsheet or form holds: its number (`2`) or its label, ignoring case
    /// and repeated spaces (`Gedeeltelijk  ontwikkeld`).
    public func level(parsing text: String) -> Level? {
        let wanted = Self.normalised(text)
        if let value = Int(wanted) { return scale.first { $0.value == value } }
        return scale.first { Self.normalised($0.label) == wanted }
    }

    /// `1, 2, 3 or "nog in startfase", …`: what `level(parsing:)` accepts, for messages.
    public var levelSpellings: String {
        scale.map { String($0.value) }.joined(separator: ", ") + " or "
            + scale.map { "\"\($0.label)\"" }.joined(separator: ", ")
    }

    /// `OC1–OC6, FO1–FO6`: the item ids per category, for messages.
    public var itemSpellings: String {
        categories.map { category in
            guard let first = category.items.first?.id, let last = category.items.last?.id else { return "" }
            return first == last ? first : "\(first)–\(last)"
        }.joined(separator: ", ")
    }

    package static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
