import Foundation
import Testing
@testable import KoersModel

@Suite("Calendar values")
struct CalendarTests {
    @Test("A half-year parses from YYYY-H1/H2, orders, and knows its days")
    func halfYear() throws {
        let h = try #require(HalfYear("2023-H2"))
        #expect(h.year == 2023 && h.half == 2)
        #expect(h.firstDay == LocalDate(year: 2023, month: 7, day: 1))
        #expect(h.lastDay == LocalDate(year: 2023, month: 12, day: 31))
        #expect(h.next == HalfYear("2024-H1"))
        #expect(h.previous == HalfYear("2023-H1"))
        #expect(HalfYear("2023-H1")! < h)
        #expect(h.dutchLabel == "2023 tweede half jaar")
        #expect(HalfYear.range(HalfYear("2022-H1")!, HalfYear("2024-H2")!).count == 6)
        for bad in ["2023-H3", "2023-H0", "2023H1", "23-H1", "2023-1", "", "2023-H12"] {
            #expect(HalfYear(bad) == nil, "\(bad) must not parse")
        }
    }

    @Test("A day exists only when the calendar has it, leap years included")
    func localDate() {
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2023-02-29") == nil)
        #expect(LocalDate("2023-04-31") == nil)
        #expect(LocalDate("2023-4-01") == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
    }

    @Test("Day arithmetic round-trips through the day number and knows weekdays")
    func dayArithmetic() throws {
        let d = try #require(LocalDate("2024-12-30"))
        #expect(d.adding(days: 3) == LocalDate("2025-01-02"))
        #expect(LocalDate(dayNumber: d.dayNumber) == d)
        #expect(LocalDate("1970-01-01")!.dayNumber == 0)
        #expect(LocalDate("2026-11-23")!.weekday == 1)  // a Monday
        #expect(LocalDate("2026-11-22")!.isWeekend)
        #expect(LocalDate("2024-01-31")!.adding(months: 1) == LocalDate("2024-02-29"))
        for n in stride(from: -800_000, through: 2_900_000, by: 9_973) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test("A planned date keeps the precision the document gives")
    func plannedDate() {
        #expect(PlannedDate("2022-03") == .month(YearMonth(year: 2022, month: 3)!))
        #expect(PlannedDate("2022-03-14") == .day(LocalDate("2022-03-14")!))
        #expect(PlannedDate("2023-H2") == .halfYear(HalfYear("2023-H2")!))
        #expect(PlannedDate("maart 2022") == nil)
        #expect(PlannedDate("2025-03")!.dutch == "maart 2025")
        #expect(PlannedDate("2025-03")!.halfYear == HalfYear("2025-H1"))
        #expect(PlannedDate("2022-09")!.lastDay == LocalDate("2022-09-30"))
    }

    @Test("The biennial zelfscan recurs every two years from September 2022 until 2026")
    func biennialRecurrence() {
        let r = Recurrence(every: 2, unit: .years, until: PlannedDate("2026-09"))
        let dates = r.occurrences(from: PlannedDate("2022-09")!, through: LocalDate("2040-01-01")!)
        #expect(dates.map(\.description) == ["2022-09", "2024-09", "2026-09"])
    }

    @Test("A recurrence stops at its count, and at the limit asked for")
    func countedRecurrence() {
        let weekly = Recurrence(every: 1, unit: .weeks, count: 3)
        #expect(weekly.occurrences(from: PlannedDate("2024-01-01")!, through: LocalDate("2030-01-01")!).map(\.description)
                == ["2024-01-01", "2024-01-08", "2024-01-15"])
        let yearly = Recurrence(every: 1, unit: .years)
        #expect(yearly.occurrences(from: PlannedDate("2022-11")!, through: LocalDate("2025-06-30")!).map(\.description)
                == ["2022-11", "2023-11", "2024-11"])
        let monthly = Recurrence(every: 1, unit: .months)
        #expect(monthly.occurrences(from: PlannedDate("2024-01-31")!, through: LocalDate("2024-03-31")!).map(\.description)
                == ["2024-01-31", "2024-02-29", "2024-03-31"])
        let halfYearly = Recurrence(every: 6, unit: .months, count: 3)
        #expect(halfYearly.occurrences(from: PlannedDate("2023-H2")!, through: LocalDate("2030-01-01")!).map(\.description)
                == ["2023-H2", "2024-H1", "2024-H2"])
    }

    @Test("Local noon in Amsterdam is 10:00 UTC in summer and 11:00 UTC in winter")
    func daylightSaving() {
        let tz = AgendaTimeZone.amsterdam
        #expect(Timestamp.format(tz.moment(LocalDate("2024-07-01")!, hour: 12)) == "2024-07-01T10:00:00.000Z")
        #expect(Timestamp.format(tz.moment(LocalDate("2024-12-02")!, hour: 12)) == "2024-12-02T11:00:00.000Z")
        // 31 March 2024: clocks jump from 02:00 to 03:00; 02:30 does not exist and moves forward.
        #expect(Timestamp.format(tz.moment(LocalDate("2024-03-31")!, hour: 2, minute: 30)) == "2024-03-31T01:30:00.000Z")
        // Just after midnight local time it is still the previous day in UTC.
        let lateEvening = Timestamp.parse("2024-06-30T22:30:00Z")!
        #expect(tz.localDate(of: lateEvening) == LocalDate("2024-07-01"))
    }

    @Test("Timestamps are fixed-width UTC text and parse back, offsets included")
    func timestamps() throws {
        let moment = try #require(Timestamp.parse("2024-06-20T12:15:30.250+02:00"))
        #expect(Timestamp.format(moment) == "2024-06-20T10:15:30.250Z")
        #expect(Timestamp.parse(Timestamp.format(moment)) == moment)
        #expect(Timestamp.parse("2024-06-20T10:15Z") != nil)
        for bad in ["2024-06-20", "2024-06-20T25:00Z", "2024-06-20T10:15", "2024-06-20T10:15:00+0200", "x"] {
            #expect(Timestamp.parse(bad) == nil, "\(bad) must not parse")
        }
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
    }
}
