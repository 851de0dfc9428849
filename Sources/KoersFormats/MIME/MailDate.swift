import Foundation
import KoersModel

/// The RFC 5322 Date header value, e.g. `Tue, 15 Oct 2024 08:00:00 +0200`.
///
/// Computed from the UTC offset alone, without `DateFormatter` or `Calendar`, so the English day
/// and month names and the digits never depend on the machine's locale.
enum MailDate {
    private static let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]  // ISO weekday order
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
        let day = LocalDate(dayNumber: days)
        guard (1900...9999).contains(day.year) else { throw MailError.dateOutOfRange(date) }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        return "\(MailDate.days[day.weekday - 1]), \(pad(day.day, 2)) \(months[day.month - 1]) \(day.year) "
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)) "
            + "\(sign)\(pad(offset / 60, 2))\(pad(offset % 60, 2))"
    }
}

private extension Int {
    /// Division rounding towards minus infinity, with a remainder that is never negative.
    func floorDividedBy(_ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = ((self % divisor) + divisor) % divisor
        return ((self - remainder) / divisor, remainder)
    }
}
