/// A distance in time used by reminder rules: "8 weeks before", "2 working days before",
/// "1 week after". Amounts are meant to be zero or more; the rule says which direction.
///
/// Working days skip weekends (when `QuietPeriods.weekends` is on) and every quiet period, so
/// "2 working days before a Monday" is the previous Thursday.
public enum LeadTime: Sendable, Hashable, CustomStringConvertible {
    case days(Int)
    case weeks(Int)
    case workingDays(Int)

    /// The day this distance before `date`. Calendar days and weeks are plain arithmetic (the
    /// result may itself be quiet; the planner moves it); working days are counted back over
    /// working days only.
    public func before(_ date: LocalDate, quiet: QuietPeriods) -> LocalDate {
        switch self {
        case .days(let n): date.adding(days: -n)
        case .weeks(let n): date.adding(days: -7 * n)
        case .workingDays(let n): quiet.workingDay(n, before: date)
        }
    }

    /// The day this distance after `date`, counted the same way as `before`.
    public func after(_ date: LocalDate, quiet: QuietPeriods) -> LocalDate {
        switch self {
        case .days(let n): date.adding(days: n)
        case .weeks(let n): date.adding(days: 7 * n)
        case .workingDays(let n): quiet.workingDay(n, after: date)
        }
    }

    /// Compact spelling used in reminder keys: `8w`, `14d`, `2wd`. Parsed back by `init?(_:)`.
    public var description: String {
        switch self {
        case .days(let n): "\(n)d"
        case .weeks(let n): "\(n)w"
        case .workingDays(let n): "\(n)wd"
        }
    }

    /// Parses what `description` writes (`8w`, `14d`, `2wd`); the amount must be zero or more.
    public init?(_ text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 5, let n = Int(digits) else { return nil }
        switch text.dropFirst(digits.count) {
        case "d": self = .days(n)
        case "w": self = .weeks(n)
        case "wd": self = .workingDays(n)
        default: return nil
        }
    }

    /// A generous upper bound of the calendar days this distance spans, for choosing how far
    /// ahead to look. Working days allow for weekends; quiet periods are covered by the planner's margin.
    var roughCalendarDays: Int {
        switch self {
        case .days(let n): max(n, 0)
        case .weeks(let n): max(7 * n, 0)
        case .workingDays(let n): max(2 * n + 4, 0)
        }
    }
}
