import Foundation
import Testing
@testable import KoersModel
@testable import KoersServices

@Suite("Planner: dated events from other sources, and purity")
struct EventSourceTests {
    let d = PlanningFixture.date

    @Test("Events from a source are reminded at each lead time to their roles' holders and listed people")
    func events() throws {
        let workspace = try PlanningFixture.workspace()
        let source = FakeEventSource(all: [
            DatedEvent(source: "trajectory:start-2024-sanne", id: "gesprek-1", title: "Startgesprek met de nieuwe leraar",
                       date: d("2024-10-28"), theme: "Lerende leraar", roles: ["schoolopleiders"], personIDs: ["p.smit"],
                       leadTimes: [.weeks(1), .workingDays(2)], description: "Kennismaking en afspraken.",
                       participants: "Sanne de Vries (startende leraar)", reasons: ["p.smit": "U ontvangt dit als mentor van Sanne de Vries."]),
            DatedEvent(source: "trajectory:start-2024-sanne", id: "gesprek-2", title: "Tweede gesprek",
                       date: d("2025-06-02"), roles: ["co-oper"], leadTimes: [.weeks(1)]),
        ])
        let all = PlanningFixture.planner(quiet: PlanningFixture.holidays, sources: [source])
            .reminders(for: AgendaSet(entries: []), config: workspace.config, from: d("2024-09-01"), through: d("2024-12-31"),
                       now: PlanningFixture.day("2024-09-01"))
        #expect(all.allSatisfy { $0.kind == .eventAhead && $0.subject == "gesprek-1" })
        // 1 week before Monday 28 October is Monday 21 October, in the autumn holiday → Friday 18 October;
        // 2 working days before skip the holiday: Friday 18 and Thursday 17 October.
        #expect(all.map { "\($0.sendOn) \($0.personID) \($0.occurrence)" } == [
            "2024-10-17 p.smit 2024-10-28/2wd",
            "2024-10-17 s.vos 2024-10-28/2wd",
            "2024-10-18 p.smit 2024-10-28/1w",
            "2024-10-18 s.vos 2024-10-28/1w",
        ])
        #expect(all[0].key == "eventAhead|trajectory:start-2024-sanne:gesprek-1|2024-10-28/2wd|p.smit")
        #expect(all[0].title == "Startgesprek met de nieuwe leraar — 28 oktober 2024")
        #expect(ReminderMail.heading(all[0], on: all[0].sendOn) == "Startgesprek met de nieuwe leraar — 28 oktober 2024 (over 11 dagen)")
        #expect(all[0].themeTitle == "Lerende leraar")
        #expect(all[0].action == "Dit staat op 28 oktober 2024. Zet het in uw agenda en bereid het voor.")
        #expect(all[0].detail == "Kennismaking en afspraken. Met: Sanne de Vries (startende leraar).", "what the event is, and with whom")
        #expect(all[0].reason == "U ontvangt dit als mentor van Sanne de Vries.")
        #expect(all.first { $0.personID == "s.vos" }?.reason == "U ontvangt dit in de rol schoolopleiders, die hierbij aanwezig is.",
                "a role by its id when no loaded agenda names it")
        #expect(all[0].origin == "trajectory:start-2024-sanne")
    }

    @Test("The same input gives the same reminders, and a window split in two gives the same as the whole")
    func purity() throws {
        let workspace = try PlanningFixture.bundled()
        let set = PlanningFixture.set(workspace, [("KC-B3", .inProgress, "2024-03-01"), ("LL-B1", .done, "2024-05-01"),
                                                  ("LO-B3", .postponed(to: HalfYear("2025-H1")!), "2024-09-01")])
        let source = FakeEventSource(all: [DatedEvent(source: "test", id: "x", title: "Gesprek", date: d("2024-11-12"),
                                                      roles: ["schoolopleiders"], leadTimes: [.weeks(2)])])
        let planner = PlanningFixture.planner(quiet: PlanningFixture.holidays, sources: [source])
        let now = PlanningFixture.day("2024-06-15")
        let one = planner.reminders(for: set, config: workspace.config, from: d("2024-01-01"), through: d("2025-12-31"), now: now)
        let two = planner.reminders(for: set, config: workspace.config, from: d("2024-01-01"), through: d("2025-12-31"), now: now)
        #expect(one == two)
        #expect(!one.isEmpty)
        let first = planner.reminders(for: set, config: workspace.config, from: d("2024-01-01"), through: d("2024-08-31"), now: now)
        let second = planner.reminders(for: set, config: workspace.config, from: d("2024-09-01"), through: d("2025-12-31"), now: now)
        #expect(first + second == one)
        #expect(one == one.sorted(by: Reminder.ordered))
        #expect(planner.reminders(for: set, config: workspace.config, from: d("2025-01-01"), through: d("2024-01-01"), now: now).isEmpty)
    }
}
