import Foundation

/// Converts between moments and local calendar days in the board's time zone
/// (Europe/Amsterdam by default), daylight saving included.
public struct AgendaTimeZone: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public static let amsterdam = AgendaTimeZone(TimeZone(identifier: "Europe/Amsterdam")!)

    public init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Nil when the identifier is not an IANA time zone.
    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.init(tz)
    }

    public var identifier: String { timeZone.identifier }

    public func localDate(of moment: Date) -> LocalDate {
        let c = calendar.dateComponents([.year, .month, .day], from: moment)
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// The moment a local wall-clock time occurs. In the spring-forward gap the time is moved
    /// forward (02:30 becomes 03:30); in the autumn overlap the first occurrence is taken.
    public func moment(_ date: LocalDate, hour: Int = 0, minute: Int = 0) -> Date {
        var c = DateComponents()
        c.year = date.year
        c.month = date.month
        c.day = date.day
        c.hour = hour
        c.minute = minute
        return calendar.date(from: c)!
    }

    /// Minutes since local midnight for a moment; for the daemon's send time and for display.
    public func hourAndMinute(of moment: Date) -> (hour: Int, minute: Int) {
        let c = calendar.dateComponents([.hour, .minute], from: moment)
        return (c.hour!, c.minute!)
    }
}
