/// One measured value of an indicator ("28 leerwerkplekken op 1 oktober 2025"), recorded with
/// `koers measure`.
public struct IndicatorMeasurement: Sendable, Equatable {
    public var agenda: String
    public var indicator: String
    public var value: Double
    public var on: LocalDate
    public var note: String?

    public init(agenda: String, indicator: String, value: Double, on: LocalDate, note: String? = nil) {
        self.agenda = agenda
        self.indicator = indicator
        self.value = value
        self.on = on
        self.note = note
    }
}

/// An indicator against its target, as of the report's day.
public struct IndicatorLine: Sendable, Equatable {
    /// A baseline or target value with its date.
    public struct Value: Sendable, Equatable {
        public var value: Double
        public var date: PlannedDate?
        public var note: String?

        package init(value: Double, date: PlannedDate? = nil, note: String? = nil) {
            self.value = value
            self.date = date
            self.note = note
        }
    }

    public var id: String
    public var title: String
    public var unit: String?
    /// The theme's title, when the indicator belongs to one.
    public var theme: String?
    public var baseline: Value?
    public var target: Value?
    /// Measurements up to the report's day, oldest first.
    public var measurements: [IndicatorMeasurement]

    public var latest: IndicatorMeasurement? { measurements.last }

    /// How far the latest measurement has come from the baseline (0 when there is none) towards the
    /// target, between 0 and 1; nil without a measurement or a target.
    public var progress: Double? {
        guard let latest, let target else { return nil }
        let start = baseline?.value ?? 0
        guard target.value != start else { return latest.value == target.value ? 1 : 0 }
        return min(1, max(0, (latest.value - start) / (target.value - start)))
    }

    /// The target's date has passed as of the report's day (set by the builder).
    public var targetDatePassed: Bool
}
