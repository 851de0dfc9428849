/// Days on which no reminder goes out: weekends (unless switched off) and named date ranges, such
/// as the school holidays of the board's region ("Herfstvakantie 2024 regio noord",
/// 2024-10-19…2024-10-27). A reminder that would fall on a quiet day moves: "before" reminders to
/// the last working day before it, escalations to the first working day after it.
public struct QuietPeriods: Sendable, Equatable {
    /// One named range of quiet days, both ends included.
    public struct Period: Sendable, Hashable {
        public var name: String
        public var range: ClosedRange<LocalDate>

        public init(name: String, _ range: ClosedRange<LocalDate>) {
            self.name = name
            self.range = range
        }

        /// Nil when `from` is after `through`.
        public init?(name: String, from: LocalDate, through: LocalDate) {
            guard from <= through else { return nil }
            self.init(name: name, from...through)
        }
    }

    /// The named periods, in the order they were given.
    public var periods: [Period] { didSet { merged = Self.merge(periods.map(\.range)) } }
    /// Saturdays and Sundays are quiet. On by default.
    public var weekends: Bool

    /// The periods' ranges, sorted, with overlapping and adjacent ones joined: for fast lookup.
    private var merged: [ClosedRange<LocalDate>]

    /// Quiet on weekends only (by default) and in the given periods.
    public init(_ periods: [Period] = [], weekends: Bool = true) {
        self.periods = periods
        self.weekends = weekends
        self.merged = Self.merge(periods.map(\.range))
    }

    /// Unnamed ranges, for tests and simple configurations.
    public init(ranges: [ClosedRange<LocalDate>], weekends: Bool = true) {
        self.init(ranges.map { Period(name: "", $0) }, weekends: weekends)
    }

    /// The ranges of the periods, in the order given.
    public var ranges: [ClosedRange<LocalDate>] { periods.map(\.range) }

    public static func == (a: QuietPeriods, b: QuietPeriods) -> Bool {
        a.periods == b.periods && a.weekends == b.weekends
    }

    /// True on a weekend day (when weekends are quiet) or a day inside any period.
    public func isQuiet(_ date: LocalDate) -> Bool {
        (weekends && date.isWeekend) || mergedRange(containing: date) != nil
    }

    /// The first named period containing `date`, for saying why a reminder moved.
    public func period(containing date: LocalDate) -> Period? {
        periods.first { $0.range.contains(date) }
    }

    /// `date` itself when it is a working day, else the closest working day before it.
    public func lastWorkingDay(onOrBefore date: LocalDate) -> LocalDate {
        var d = date
        while true {
            if weekends && d.isWeekend {
                d = d.adding(days: -(d.weekday - 5))
            } else if let r = mergedRange(containing: d) {
                d = r.lowerBound.adding(days: -1)
            } else {
                return d
            }
        }
    }

    /// `date` itself when it is a working day, else the closest working day after it.
    public func firstWorkingDay(onOrAfter date: LocalDate) -> LocalDate {
        var d = date
        while true {
            if weekends && d.isWeekend {
                d = d.adding(days: 8 - d.weekday)
            } else if let r = mergedRange(containing: d) {
                d = r.upperBound.adding(days: 1)
            } else {
                return d
            }
        }
    }

    /// The `n`-th working day before `date` (not counting `date`): 2 before a Monday is the Thursday.
    /// Zero or less gives `date`.
    public func workingDay(_ n: Int, before date: LocalDate) -> LocalDate {
        var d = date
        for _ in 0..<max(n, 0) { d = lastWorkingDay(onOrBefore: d.adding(days: -1)) }
        return d
    }

    /// The `n`-th working day after `date` (not counting `date`). Zero or less gives `date`.
    public func workingDay(_ n: Int, after date: LocalDate) -> LocalDate {
        var d = date
        for _ in 0..<max(n, 0) { d = firstWorkingDay(onOrAfter: d.adding(days: 1)) }
        return d
    }

    private func mergedRange(containing date: LocalDate) -> ClosedRange<LocalDate>? {
        // The last range starting on or before `date`.
        var low = 0, high = merged.count
        while low < high {
            let mid = (low + high) / 2
            if merged[mid].lowerBound <= date { low = mid + 1 } else { high = mid }
        }
        guard low > 0, merged[low - 1].upperBound >= date else { return nil }
        return merged[low - 1]
    }

    private static func merge(_ ranges: [ClosedRange<LocalDate>]) -> [ClosedRange<LocalDate>] {
        var result: [ClosedRange<LocalDate>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, r.lowerBound.dayNumber <= last.upperBound.dayNumber + 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                result.append(r)
            }
        }
        return result
    }
}
