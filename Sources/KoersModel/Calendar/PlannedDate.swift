/// A date as precise as the document gives it: a day, a month ("maart 2022") or a half-year.
///
/// Keeping the precision matters: "September 2024" is a commitment for the month, and a reminder
/// for it must count back from the month's first day, not from an invented day.
public enum PlannedDate: Hashable, Sendable, CustomStringConvertible {
    case day(LocalDate)
    case month(YearMonth)
    case halfYear(HalfYear)

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY-H1`/`YYYY-H2`.
    public init?(_ text: some StringProtocol) {
        if let d = LocalDate(text) { self = .day(d) }
        else if let m = YearMonth(text) { self = .month(m) }
        else if let h = HalfYear(text) { self = .halfYear(h) }
        else { return nil }
    }

    public static let expectedSpelling = "a day YYYY-MM-DD, a month YYYY-MM or a half-year YYYY-H1/YYYY-H2"

    public var description: String {
        switch self {
        case .day(let d): d.description
        case .month(let m): m.description
        case .halfYear(let h): h.description
        }
    }

    public var firstDay: LocalDate {
        switch self {
        case .day(let d): d
        case .month(let m): m.firstDay
        case .halfYear(let h): h.firstDay
        }
    }

    public var lastDay: LocalDate {
        switch self {
        case .day(let d): d
        case .month(let m): m.lastDay
        case .halfYear(let h): h.lastDay
        }
    }

    /// The half-year this date falls in.
    public var halfYear: HalfYear { firstDay.halfYear }

    public func contains(_ date: LocalDate) -> Bool { firstDay <= date && date <= lastDay }

    /// Dutch wording for views: "12 maart 2022", "maart 2022", "2023 tweede half jaar".
    public var dutch: String {
        switch self {
        case .day(let d): "\(d.day) \(DutchCalendarNames.month(d.month)) \(d.year)"
        case .month(let m): "\(DutchCalendarNames.month(m.month)) \(m.year)"
        case .halfYear(let h): h.dutchLabel
        }
    }
}

enum DutchCalendarNames {
    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                         "augustus", "september", "oktober", "november", "december"]
    static func month(_ m: Int) -> String { months[m - 1] }
}
