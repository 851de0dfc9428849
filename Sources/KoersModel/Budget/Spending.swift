/// Money spent on an activity, as recorded with `koers spend`: what the reports set against the
/// activity's budget. A negative amount corrects an earlier entry, because entries are never changed.
public struct Spending: Sendable, Equatable {
    public var agenda: String
    public var activity: ActivityKey
    public var amount: Money
    /// The hours the amount paid for, when known (in hundredths, so 2,5 hours is exact).
    public var hundredthsOfHours: Int?
    public var on: LocalDate
    public var note: String?

    public init(agenda: String, activity: ActivityKey, amount: Money, hundredthsOfHours: Int? = nil, on: LocalDate,
                note: String? = nil) {
        self.agenda = agenda
        self.activity = activity
        self.amount = amount
        self.hundredthsOfHours = hundredthsOfHours
        self.on = on
        self.note = note
    }

    public var hours: Double? { hundredthsOfHours.map { Double($0) / 100 } }
}
