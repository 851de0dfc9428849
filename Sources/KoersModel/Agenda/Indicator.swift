/// Something the agenda promises to count, with a target where it names one
/// ("we groeien naar 30 leerwerkplekken").
public struct Indicator: Sendable {
    public var id: String
    public var title: String
    public var unit: String?
    public var theme: String?
    public var baseline: Baseline?
    public var target: Target?
    public var source: String?

    package init(
        id: String,
        title: String,
        unit: String? = nil,
        theme: String? = nil,
        baseline: Indicator.Baseline? = nil,
        target: Indicator.Target? = nil,
        source: String? = nil
    ) {
        self.id = id
        self.title = title
        self.unit = unit
        self.theme = theme
        self.baseline = baseline
        self.target = target
        self.source = source
    }

    public struct Baseline: Sendable {
        public var value: Double
        public var on: PlannedDate
        public var note: String?

        package init(value: Double, on: PlannedDate, note: String? = nil) {
            self.value = value
            self.on = on
            self.note = note
        }
    }

    public struct Target: Sendable {
        public var value: Double
        public var by: PlannedDate?

        package init(value: Double, by: PlannedDate? = nil) {
            self.value = value
            self.by = by
        }
    }
}
