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

    public struct Baseline: Sendable {
        public var value: Double
        public var on: PlannedDate
        public var note: String?
    }

    public struct Target: Sendable {
        public var value: Double
        public var by: PlannedDate?
    }
}
