import Foundation

extension ReminderRules {
    /// The moment a reminder for `day` goes out: `sendTime` on that day, local time in `timeZone`.
    /// Correct across daylight saving: 08:00 in Amsterdam is 06:00 UTC in summer and 07:00 UTC in
    /// winter. On the night the clocks go forward a time in the gap moves forward (02:30 → 03:30).
    public func sendAt(_ day: LocalDate, in timeZone: AgendaTimeZone) -> Date {
        timeZone.moment(day, hour: sendTime.hour, minute: sendTime.minute)
    }
}
