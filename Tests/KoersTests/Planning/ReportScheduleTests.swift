import Foundation
import Testing
@testable import KoersModel

@Suite("When reports are mailed")
struct ReportScheduleTests {
    let d = PlanningFixture.date

    func schedule(_ quiet: QuietPeriods = QuietPeriods(), rules: ReportRules = ReportRules()) -> ReportSchedule {
        ReportSchedule(rules: rules, quiet: quiet, timeZone: .amsterdam, sendTime: (8, 0))
    }

    @Test("The half-year report goes out on the fifth working day of July and January, the yearly one on the tenth of November")
    func defaults() {
        let found = schedule().deliveries(from: d("2024-01-01"), through: d("2024-12-31"))
        #expect(found.map(\.period.description) == ["2023-H2", "2024-H1", "2024"])
        #expect(found.map(\.sendOn) == [d("2024-01-05"), d("2024-07-05"), d("2024-11-14")])
        #expect(found.map { Timestamp.format($0.sendAt) } == ["2024-01-05T07:00:00.000Z", "2024-07-05T06:00:00.000Z", "2024-11-14T07:00:00.000Z"])
        #expect(found.map(\.asOf) == [d("2023-12-31"), d("2024-06-30"), d("2024-11-14")])
        #expect(found.map(\.relevantThrough) == [d("2024-06-30"), d("2024-12-31"), d("2024-12-31")])
        #expect(found.map(\.key) == ["report|halfyear:2023-H2", "report|halfyear:2024-H1", "report|year:2024"])
    }

    @Test("School holidays move the sending day to after them")
    func holidays() {
        let found = schedule(PlanningFixture.holidays).deliveries(from: d("2025-01-01"), through: d("2025-01-31"))
        #expect(found.map(\.sendOn) == [d("2025-01-10")])
    }

    @Test("Configured days and month are used, and switching mail off plans nothing")
    func configured() {
        var rules = ReportRules()
        rules.halfYearWorkingDay = 1
        rules.yearMonth = 12
        rules.yearWorkingDay = 1
        let found = schedule(rules: rules).deliveries(from: d("2024-07-01"), through: d("2024-12-31"))
        #expect(found.map(\.sendOn) == [d("2024-07-01"), d("2024-12-02")])
        rules.mail = false
        #expect(schedule(rules: rules).deliveries(from: d("2024-01-01"), through: d("2030-12-31")).isEmpty)
    }

    @Test("The next delivery after a moment is found, also across a year end")
    func next() {
        let s = schedule()
        #expect(s.next(after: Timestamp.parse("2024-11-14T07:00:00Z")!)?.period == .halfYear(HalfYear("2024-H2")!))
        #expect(s.next(after: Timestamp.parse("2024-11-14T06:59:59Z")!)?.period == .year(2024))
    }
}
