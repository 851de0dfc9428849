import Foundation

/// The RFC 5322 Date header value, e.g. `Tue, 15 Oct 2024 08:00:00 +0200`.
///
/// Computed from the UTC offset alone, without `DateFormatter` or `Calendar`, so the English day
/// and month names and the digits never depend on the machine's locale.
enum MailDate {
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1 January 1970 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date, in timeZone: TimeZone) throws(MailError) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        // Rules out NaN, infinities and integer overflow; the year check below does the rest.
        guard seconds.magnitude < 1e12 else { throw MailError.dateOutOfRange(date) }
        // Whole minutes only: historical offsets with seconds (Amsterdam before 1937) cannot be
        // written, and local time is derived from the written offset so the two always agree.
        let offsetMinutes = timeZone.secondsFromGMT(for: date) / 60
        let local = Int(seconds) + offsetMinutes * 60
        let (days, secondOfDay) = local.floorDividedBy(86_400)
        let (year, month, day) = civil(fromDaysSince1970: days)
        guard (1900...9999).contains(year) else { throw MailError.dateOutOfRange(date) }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(MailDate.days[days.floorDividedBy(7).remainder]), \(pad(day)) \(months[month - 1]) \(year) "
            + "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) "
            + "\(sign)\(pad(offset / 60))\(pad(offset % 60))"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// Proleptic Gregorian date for a day count (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDaysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDividedBy(146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

private extension Int {
    /// Division rounding towards minus infinity, with a remainder that is never negative.
    func floorDividedBy(_ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = ((self % divisor) + divisor) % divisor
        return ((self - remainder) / divisor, remainder)
    }
}
