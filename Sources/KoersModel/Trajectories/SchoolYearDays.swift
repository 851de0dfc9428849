/// Days of the school year on which an event comes back each school year ("27 januari", or one day
/// in each period), so a trajectory's school conversations keep to the school's calendar whatever
/// the start: a teacher starting on 3 February has the January conversation the next January, not
/// five months on in the summer holiday.
public struct SchoolYearDays: Sendable, Equatable {
    /// A day of the year: a month and a day that exist in every year (no 29 February).
    public struct Day: Sendable, Hashable, CustomStringConvertible {
        public let month: Int
        public let day: Int

        public init?(month: Int, day: Int) {
            guard (1...12).contains(month), (1...Self.lastDay(of: month)).contains(day) else { return nil }
            self.month = month
            self.day = day
        }

        /// 28 for February, so the day exists in every year.
        public static func lastDay(of month: Int) -> Int { month == 2 ? 28 : LocalDate.daysIn(month: month, year: 2001) }

        /// "15 June", for messages to the administrator.
        public var description: String { "\(day) \(Self.monthNames[month - 1])" }

        package static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                 "October", "November", "December"]

        /// This day in `year`, or the Monday after when it is a Saturday or Sunday: a conversation is held
        /// on a school day.
        func date(in year: Int) -> LocalDate? {
            guard let date = LocalDate(year: year, month: month, day: day) else { return nil }
            return date.isWeekend ? date.adding(days: 8 - date.weekday) : date
        }
    }

    public var days: [Day]
    /// How long after the start the first occurrence may fall at the earliest, so a teacher starting
    /// on 28 December has no development conversation in their first weeks; nil is the start itself.
    public var notBefore: Offset?

    public init(days: [Day], notBefore: Offset? = nil) {
        self.days = days
        self.notBefore = notBefore
    }

    /// The first `count` of these days on or after the start plus `notBefore`, in date order through
    /// the school years; none beyond fifty years, like a repeat from the start.
    public func dates(from start: LocalDate, count: Int) -> [LocalDate] {
        let earliest = notBefore?.applied(to: start) ?? start
        let last = min(earliest.year + 50, 9998)
        var found: [LocalDate] = []
        // From the year before through one year past the count: a Saturday 31 December moves into January.
        for year in (earliest.year - 1)...last {
            let enough = found.count >= count
            found += days.compactMap { $0.date(in: year) }.filter { $0 >= earliest }
            if enough { break }
        }
        return Array(found.sorted().prefix(count))
    }
}
