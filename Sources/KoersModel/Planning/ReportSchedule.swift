import Foundation

/// One report the daemon mails: which period, on which day, and until when it is still worth
/// sending late (after downtime). Later than that it is recorded as stale, like a reminder.
public struct ReportDelivery: Sendable, Equatable {
    public var period: ReportPeriod
    public var sendOn: LocalDate
    public var sendAt: Date
    /// The report is computed as of this day: the end of a finished half-year, or the sending day
    /// for the yearly report of the running year.
    public var asOf: LocalDate
    public var relevantThrough: LocalDate

    /// The outbox key part shared by every recipient's copy: `report|halfyear:2024-H1`.
    public var key: String { "report|\(period.kind.rawValue):\(period)" }
}

/// Which reports fall due when: pure, like the planner, so `koers preview` shows them too.
public struct ReportSchedule: Sendable {
    public var rules: ReportRules
    public var quiet: QuietPeriods
    public var timeZone: AgendaTimeZone
    public var sendTime: (hour: Int, minute: Int)

    public init(rules: ReportRules, quiet: QuietPeriods, timeZone: AgendaTimeZone, sendTime: (hour: Int, minute: Int)) {
        self.rules = rules
        self.quiet = quiet
        self.timeZone = timeZone
        self.sendTime = sendTime
    }

    /// Deliveries whose sending day lies in `from…through`, in order.
    public func deliveries(from: LocalDate, through: LocalDate) -> [ReportDelivery] {
        guard rules.mail, from <= through else { return [] }
        var found: [ReportDelivery] = []
        for year in (from.year - 1)...(through.year + 1) {
            for half in [HalfYear(year: year, half: 1)!, HalfYear(year: year, half: 2)!] {
                let sendOn = nthWorkingDay(rules.halfYearWorkingDay, from: half.next.firstDay)
                found.append(delivery(.halfYear(half), sendOn: sendOn, asOf: half.lastDay, relevantThrough: half.next.lastDay))
            }
            if let month = YearMonth(year: year, month: rules.yearMonth) {
                let sendOn = nthWorkingDay(rules.yearWorkingDay, from: month.firstDay)
                found.append(delivery(.year(year), sendOn: sendOn, asOf: sendOn,
                                      relevantThrough: LocalDate(year: year, month: 12, day: 31)!))
            }
        }
        return found.filter { from <= $0.sendOn && $0.sendOn <= through }.sorted { $0.sendAt < $1.sendAt }
    }

    /// The first delivery after `now`, looking at most two years ahead.
    public func next(after now: Date) -> ReportDelivery? {
        let today = timeZone.localDate(of: now)
        return deliveries(from: today, through: today.adding(days: 800)).first { $0.sendAt > now }
    }

    private func nthWorkingDay(_ n: Int, from day: LocalDate) -> LocalDate {
        quiet.workingDay(max(n, 1) - 1, after: quiet.firstWorkingDay(onOrAfter: day))
    }

    private func delivery(_ period: ReportPeriod, sendOn: LocalDate, asOf: LocalDate,
                          relevantThrough: LocalDate) -> ReportDelivery {
        ReportDelivery(period: period, sendOn: sendOn,
                       sendAt: timeZone.moment(sendOn, hour: sendTime.hour, minute: sendTime.minute),
                       asOf: asOf, relevantThrough: relevantThrough)
    }
}
