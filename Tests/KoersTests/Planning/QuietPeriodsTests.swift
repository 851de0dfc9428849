import Testing
@testable import KoersModel

@Suite("Quiet periods and lead times")
struct QuietPeriodsTests {
    let d = PlanningFixture.date

    @Test("Weekends are quiet by default, and can be switched off")
    func weekends() {
        let quiet = QuietPeriods()
        #expect(quiet.isQuiet(d("2024-10-19")))  // Saturday
        #expect(quiet.isQuiet(d("2024-10-20")))  // Sunday
        #expect(!quiet.isQuiet(d("2024-10-21")))
        #expect(quiet.lastWorkingDay(onOrBefore: d("2024-10-20")) == d("2024-10-18"))
        #expect(quiet.firstWorkingDay(onOrAfter: d("2024-10-19")) == d("2024-10-21"))
        #expect(quiet.firstWorkingDay(onOrAfter: d("2024-10-22")) == d("2024-10-22"))
        let always = QuietPeriods(weekends: false)
        #expect(!always.isQuiet(d("2024-10-20")))
        #expect(always.lastWorkingDay(onOrBefore: d("2024-10-20")) == d("2024-10-20"))
    }

    @Test("A holiday is quiet on every day, and the working days around it are found in one step")
    func holidays() {
        let quiet = PlanningFixture.holidays
        #expect(quiet.isQuiet(d("2024-10-23")))  // a Wednesday in the autumn holiday
        #expect(quiet.period(containing: d("2024-10-23"))?.name == "Herfstvakantie 2024")
        #expect(quiet.period(containing: d("2024-10-28")) == nil)
        #expect(quiet.lastWorkingDay(onOrBefore: d("2024-10-23")) == d("2024-10-18"))
        #expect(quiet.firstWorkingDay(onOrAfter: d("2024-10-23")) == d("2024-10-28"))
        #expect(quiet.firstWorkingDay(onOrAfter: d("2025-01-02")) == d("2025-01-06"))
        #expect(quiet.lastWorkingDay(onOrBefore: d("2025-01-02")) == d("2024-12-20"))
        #expect(quiet.ranges.count == 3)
    }

    @Test("Overlapping and adjacent periods act as one")
    func merged() {
        let quiet = QuietPeriods(ranges: [d("2024-03-04")...d("2024-03-06"), d("2024-03-01")...d("2024-03-04"),
                                          d("2024-03-07")...d("2024-03-07")], weekends: false)
        #expect(quiet.firstWorkingDay(onOrAfter: d("2024-03-02")) == d("2024-03-08"))
        #expect(quiet.lastWorkingDay(onOrBefore: d("2024-03-07")) == d("2024-02-29"))
        #expect(QuietPeriods.Period(name: "x", from: d("2024-03-02"), through: d("2024-03-01")) == nil)
    }

    @Test("Two working days before a Monday is the previous Thursday")
    func workingDays() {
        let quiet = QuietPeriods()
        #expect(LeadTime.workingDays(2).before(d("2024-09-02"), quiet: quiet) == d("2024-08-29"))
        #expect(LeadTime.workingDays(2).after(d("2024-08-29"), quiet: quiet) == d("2024-09-02"))
        #expect(LeadTime.workingDays(0).before(d("2024-09-01"), quiet: quiet) == d("2024-09-01"))
        // Holidays are skipped too: two working days before the Monday after the autumn holiday.
        #expect(LeadTime.workingDays(2).before(d("2024-10-28"), quiet: PlanningFixture.holidays) == d("2024-10-17"))
        #expect(LeadTime.weeks(2).before(d("2024-09-01"), quiet: quiet) == d("2024-08-18"))
        #expect(LeadTime.days(3).after(d("2024-12-31"), quiet: quiet) == d("2025-01-03"))
    }

    @Test("Lead times have a compact spelling that parses back")
    func spelling() {
        for lead in [LeadTime.weeks(8), .days(14), .workingDays(2), .weeks(0)] {
            #expect(LeadTime(lead.description) == lead)
        }
        #expect(LeadTime.weeks(8).description == "8w")
        #expect(LeadTime.workingDays(2).description == "2wd")
        for bad in ["", "w", "-2w", "2", "2x", "2 w", "999999w"] {
            #expect(LeadTime(bad) == nil, "\(bad)")
        }
    }
}
