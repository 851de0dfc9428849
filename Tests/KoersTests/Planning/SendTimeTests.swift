import Foundation
@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport
import Testing

@Suite("Planner: send time, daylight saving and the next due moment")
struct SendTimeTests {
    let d = PlanningFixture.date
    let m = PlanningFixture.moment

    @Test("08:00 local is 06:00 UTC in summer and 07:00 UTC in winter, also on the nights the clocks change")
    func daylightSaving() {
        let rules = ReminderRules()
        let tz = AgendaTimeZone.amsterdam
        #expect(rules.sendAt(d("2024-07-08"), in: tz) == m("2024-07-08T06:00:00Z"))
        #expect(rules.sendAt(d("2024-01-08"), in: tz) == m("2024-01-08T07:00:00Z"))
        // Clocks go forward in the night of 30 to 31 March 2024, back in the night of 26 to 27 October.
        #expect(rules.sendAt(d("2024-03-30"), in: tz) == m("2024-03-30T07:00:00Z"))
        #expect(rules.sendAt(d("2024-03-31"), in: tz) == m("2024-03-31T06:00:00Z"))
        #expect(rules.sendAt(d("2024-10-26"), in: tz) == m("2024-10-26T06:00:00Z"))
        #expect(rules.sendAt(d("2024-10-27"), in: tz) == m("2024-10-27T07:00:00Z"))
        // A send time inside the spring-forward gap moves forward: 02:30 is 03:30 summer time.
        var early = ReminderRules()
        early.sendTime = (2, 30)
        #expect(early.sendAt(d("2024-03-31"), in: tz) == m("2024-03-31T01:30:00Z"))
        #expect(early.sendAt(d("2024-10-27"), in: tz) == m("2024-10-27T00:30:00Z"))
    }

    @Test("Planned reminders carry the DST-correct moment, on the change days as well when weekends are not quiet")
    func plannedMoments() throws {
        let workspace = try PlanningFixture.workspace()
        let source = FakeEventSource(all: [
            DatedEvent(source: "test", id: "voorjaar", title: "Gesprek", date: d("2024-04-02"), personIDs: ["p.smit"], leadTimes: [.days(2), .days(4)]),
            DatedEvent(source: "test", id: "najaar", title: "Gesprek", date: d("2024-10-29"), personIDs: ["p.smit"], leadTimes: [.days(2), .days(4)]),
        ])
        let all = PlanningFixture.planner(quiet: QuietPeriods(weekends: false), sources: [source])
            .reminders(for: AgendaSet(entries: []), config: workspace.config, from: d("2024-01-01"), through: d("2024-12-31"),
                       now: PlanningFixture.day("2024-01-01"))
        #expect(all.map { "\($0.sendOn) \(Timestamp.format($0.sendAt))" } == [
            "2024-03-29 2024-03-29T07:00:00.000Z",
            "2024-03-31 2024-03-31T06:00:00.000Z",
            "2024-10-25 2024-10-25T06:00:00.000Z",
            "2024-10-27 2024-10-27T07:00:00.000Z",
        ])
        let steps = PlanningFixture.planner().reminders(for: PlanningFixture.set(workspace), config: workspace.config,
                                                        from: d("2024-01-01"), through: d("2024-12-31"),
                                                        now: PlanningFixture.day("2024-01-01"))
        for r in steps {
            let local = AgendaTimeZone.amsterdam.hourAndMinute(of: r.sendAt)
            #expect(local.hour == 8 && local.minute == 0)
            #expect(AgendaTimeZone.amsterdam.localDate(of: r.sendAt) == r.sendOn)
        }
    }

    @Test("nextDue is the earliest send moment after now")
    func nextDue() throws {
        let workspace = try PlanningFixture.workspace()
        let set = PlanningFixture.set(workspace)
        let planner = PlanningFixture.planner()
        // Monday 8 July 2024 at 08:00 the coordinator hears that LL-A1 and KC-B1 are late.
        #expect(planner.nextDue(for: set, config: workspace.config, after: m("2024-07-08T07:59:00+02:00"))
                == m("2024-07-08T08:00:00+02:00"))
        // At 08:00 itself that one is not after now; the next is the milestone 8 weeks before the 2024-11-04 meeting.
        let next = planner.nextDue(for: set, config: workspace.config, after: m("2024-07-08T08:00:00+02:00"))
        let expected = planner.reminders(for: set, config: workspace.config, from: d("2024-07-09"), through: d("2025-12-31"),
                                         now: m("2024-07-08T08:00:00+02:00")).first?.sendAt
        #expect(next != nil && next == expected)
        #expect(next! > m("2024-07-08T08:00:00+02:00"))
    }

    @Test("nextDue is nil when nothing falls due within the horizon")
    func nothingDue() throws {
        let workspace = try PlanningFixture.workspace()
        let planner = PlanningFixture.planner()
        #expect(planner.nextDue(for: AgendaSet(entries: []), config: workspace.config, after: m("2024-07-08T12:00:00+02:00")) == nil)
        let allDone = PlanningFixture.set(workspace, ["LL-A1", "LL-A2", "LL-A3", "KC-B1", "KC-B2"].map { ($0, .done, "2024-02-01") })
        // The scan recurs in 2026 without steps, so with a short horizon nothing is due; with a long one it is.
        #expect(planner.nextDue(for: allDone, config: workspace.config, after: m("2024-03-01T12:00:00+01:00"), horizonDays: 400) == nil)
        #expect(planner.nextDue(for: allDone, config: workspace.config, after: m("2024-03-01T12:00:00+01:00"), horizonDays: 900)
                == m("2026-07-07T08:00:00+02:00"))  // 8 weeks before Tuesday 1 September 2026
    }

    @Test("nextDue, planning a week and then longer windows, gives what planning the whole horizon gives")
    func nextDueMatchesTheWholeHorizon() throws {
        let workspace = try Workspace.load(configPath: Fixture.repository + "/Config/koers.example.json", environment: [:])
        let set = AgendaSet(entries: workspace.agendas.map { AgendaSet.Entry(agenda: $0, histories: [:]) })
        let person = try #require(workspace.config.people.first?.id)
        // Events a month apart, each reminded 2 and 10 working days ahead, as trajectories are.
        let events = FakeEventSource(all: (0..<30).map { n in
            DatedEvent(source: "test", id: "gesprek-\(n)", title: "Gesprek", date: d("2022-09-12").adding(days: 31 * n),
                       personIDs: [person], leadTimes: [.workingDays(2), .workingDays(10)])
        })
        let planner = Planner(rules: workspace.config.reminders, quiet: workspace.config.quietPeriods,
                              timeZone: workspace.config.timeZone, sources: [events])
        var checked = 0, found = 0
        var day = d("2022-08-01")
        while day <= d("2025-01-31") {
            for (hour, horizon) in [(7, 400), (12, 400), (12, 45), (9, 3)] {
                let now = workspace.config.timeZone.moment(day, hour: hour)
                let whole = planner.reminders(for: set, config: workspace.config, from: day, through: day.adding(days: horizon), now: now)
                    .first { $0.sendAt > now }?.sendAt
                #expect(planner.nextDue(for: set, config: workspace.config, after: now, horizonDays: horizon) == whole, "\(day) \(hour):00, \(horizon) days")
                checked += 1
                if whole != nil { found += 1 }
            }
            day = day.adding(days: 10)
        }
        #expect(found > checked / 2 && found < checked, "both outcomes occur: \(found) of \(checked)")
    }
}
