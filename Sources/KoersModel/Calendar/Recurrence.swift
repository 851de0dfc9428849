/// How a commitment repeats: every N days, weeks, months or years, until a date or for a count.
///
/// General enough for any school cycle: the biennial zelfscan, a yearly report, a termly lesson visit.
public struct Recurrence: Hashable, Sendable {
    public enum Unit: String, Sendable, CaseIterable {
        case days, weeks, months, years
    }

    public var every: Int
    public var unit: Unit
    public var until: PlannedDate?
    public var count: Int?

    public init(every: Int, unit: Unit, until: PlannedDate? = nil, count: Int? = nil) {
        self.every = every
        self.unit = unit
        self.until = until
        self.count = count
    }

    /// Occurrences starting at `first` (included) up to and including `limit`, the end of the
    /// recurrence, or its count, whichever comes first. Month and half-year precision is kept
    /// when the step is a whole number of months.
    public func occurrences(from first: PlannedDate, through limit: LocalDate) -> [PlannedDate] {
        var result: [PlannedDate] = []
        var n = 0
        while true {
            if let count, n >= count { break }
            guard let next = occurrence(n, from: first) else { break }
            if next.firstDay > limit { break }
            if let until, next.firstDay > until.lastDay { break }
            result.append(next)
            n += 1
        }
        return result
    }

    /// The n-th occurrence (0 is `first`), or nil when the arithmetic leaves the calendar.
    func occurrence(_ n: Int, from first: PlannedDate) -> PlannedDate? {
        let step = n * every
        // Stay inside years 1…9999, where every calendar value is defined.
        guard first.firstDay.year + step / (unit == .years ? 1 : unit == .months ? 12 : 366) < 9999 else { return nil }
        switch (first, unit) {
        case (.month(let m), .months): return .month(m.adding(months: step))
        case (.month(let m), .years): return .month(m.adding(months: 12 * step))
        case (.halfYear(let h), .years): return .halfYear(HalfYear(index: h.index + 2 * step))
        case (.halfYear(let h), .months) where every % 6 == 0:
            return .halfYear(HalfYear(index: h.index + step / 6))
        default:
            let start = first.firstDay
            let date: LocalDate
            switch unit {
            case .days: date = start.adding(days: step)
            case .weeks: date = start.adding(days: 7 * step)
            case .months: date = start.adding(months: step)
            case .years: date = start.adding(months: 12 * step)
            }
            return (1...9999).contains(date.year) ? .day(date) : nil
        }
    }
}
