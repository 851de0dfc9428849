import Foundation
import Testing
@testable import KoersModel
@testable import KoersServices

@Suite("Planner: milestones")
struct MilestoneReminderTests {
    let d = PlanningFixture.date

    @Test("The 2024 zelfscan of the bundled agenda: 8 weeks, 2 weeks and 2 working days before, to its roles and the Co-OP'er")
    func bundledZelfscan() throws {
        let workspace = try PlanningFixture.bundled()
        let set = PlanningFixture.set(workspace)
        let all = PlanningFixture.planner().reminders(for: set, config: workspace.config, from: d("2024-06-01"),
                                                      through: d("2024-09-30"), now: PlanningFixture.day("2024-06-01"))
        let scan = all.reminders(about: "zelfscan@2024-09")
        // 1 September 2024 is a Sunday: 8 weeks before is Sunday 7 July → Friday 5 July; 2 weeks before is
        // Sunday 18 August → Friday 16 August; 2 working days before are Friday 30 and Thursday 29 August.
        #expect(Set(scan.sendDays) == ["2024-07-05", "2024-08-16", "2024-08-29"])
        let people = Set(workspace.config.people(holding: "schoolopleiders").map(\.id)
                         + workspace.config.people(holding: "directies").map(\.id) + ["c.jansen"])
        #expect(people.count == 10)
        for day in ["2024-07-05", "2024-08-16", "2024-08-29"] {
            #expect(Set(scan.filter { $0.sendOn.description == day }.personIDs) == people)
        }
        let first = try #require(scan.first { $0.personID == "c.jansen" && $0.occurrence == "2w" })
        #expect(first.key == "milestoneAhead|ook-sop:zelfscan@2024-09|2w|c.jansen")
        #expect(first.title == "Zelfscan Samen Opleiden (tweejaarlijks) — september 2024")
        #expect(ReminderMail.heading(first, on: first.sendOn) == "Zelfscan Samen Opleiden (tweejaarlijks) — september 2024 (over 2 weken)")
        #expect(first.action.hasPrefix("Dit staat in september 2024 en begint 1 september 2024."))
        #expect(first.reason == "U ontvangt dit in de rol Co-OP'er (coördinator opleiden), die over deze mijlpaal wordt geïnformeerd.")
        let directie = try #require(scan.first { $0.personID == "a.dewit" && $0.occurrence == "2w" })
        #expect(directie.reason == "U ontvangt dit in de rol Directies, die deze mijlpaal uitvoert.")
        #expect(first.themeTitle == "Kwaliteitscultuur")
        #expect(first.eventDate == d("2024-09-01"))
        #expect(first.relevantThrough == d("2024-09-02"), "still worth sending on the first working day of its month (1 September is a Sunday)")
        #expect(first.sendAt == PlanningFixture.moment("2024-08-16T08:00:00+02:00"))
        let eightWeeks = try #require(scan.first { $0.occurrence == "8w" }), twoDays = try #require(scan.first { $0.occurrence == "2wd" })
        #expect(ReminderMail.heading(eightWeeks, on: eightWeeks.sendOn).hasSuffix("september 2024 (over 8 weken)"))
        #expect(ReminderMail.heading(twoDays, on: twoDays.sendOn).hasSuffix("september 2024 (over 3 dagen)"))
    }

    @Test("In the summer holiday a 'before' reminder moves to the last working day before it")
    func summerHoliday() throws {
        let workspace = try PlanningFixture.bundled()
        let all = PlanningFixture.planner(quiet: PlanningFixture.holidays)
            .reminders(for: PlanningFixture.set(workspace), config: workspace.config, from: d("2024-06-01"),
                       through: d("2024-09-30"), now: PlanningFixture.day("2024-06-01"))
        let scan = all.reminders(about: "zelfscan@2024-09").filter { $0.personID == "c.jansen" }
        #expect(scan.sendDays == ["2024-07-05", "2024-07-18", "2024-07-19"])
        #expect(scan.map(\.occurrence) == ["8w", "2wd", "2w"])
        let last = try #require(scan.last)
        #expect(ReminderMail.heading(last, on: last.sendOn) == "Zelfscan Samen Opleiden (tweejaarlijks) — september 2024 (over 6 weken)")
    }

    @Test("In the autumn holiday a 'before' reminder moves to the last working day before it")
    func autumnHoliday() throws {
        let workspace = try PlanningFixture.workspace()
        let all = PlanningFixture.planner(quiet: PlanningFixture.holidays)
            .reminders(for: PlanningFixture.set(workspace), config: workspace.config, from: d("2024-09-01"),
                       through: d("2024-11-30"), now: PlanningFixture.day("2024-09-01"))
        let overleg = all.reminders(about: "overleg@2024-11-04")
        // Monday 4 November: 8 weeks before is Monday 9 September; 2 weeks before is Monday 21 October,
        // in the autumn holiday → Friday 18 October; 2 working days before are 1 November and 31 October.
        #expect(overleg.filter { $0.personID == "d.boer" }.sendDays == ["2024-09-09", "2024-10-18", "2024-10-31"])
        #expect(Set(overleg.personIDs) == ["c.jansen", "d.boer"])
        #expect(overleg.allSatisfy { $0.themeTitle == "Lerende leraar" })
    }

    @Test("A milestone whose steps are all done is cancelled; a later occurrence without steps still counts")
    func cancelled() throws {
        let workspace = try PlanningFixture.workspace()
        let planner = PlanningFixture.planner()
        let now = PlanningFixture.day("2024-06-01")
        func milestones(_ set: AgendaSet) -> Set<String> {
            Set(planner.reminders(for: set, config: workspace.config, from: d("2024-06-01"), through: d("2026-12-31"), now: now)
                .reminders(.milestoneAhead).map(\.subject))
        }
        #expect(milestones(PlanningFixture.set(workspace)) == ["scan@2024-09", "overleg@2024-11-04", "scan@2026-09"])
        let done = PlanningFixture.set(workspace, [("LL-A2", .done, "2024-05-01"), ("KC-B1", .dropped, "2024-05-01")])
        #expect(milestones(done) == ["scan@2026-09"])
        // Status as of now decides: done later than now cancels nothing yet.
        let later = PlanningFixture.set(workspace, [("LL-A2", .done, "2024-07-01")])
        #expect(milestones(later).contains("overleg@2024-11-04"))
    }

    @Test("When the 2024 zelfscan step of the bundled agenda is done, only the 2024 scan is cancelled")
    func bundledScanDone() throws {
        let workspace = try PlanningFixture.bundled()
        let set = PlanningFixture.set(workspace, [("KC-B1", .done, "2022-10-01"), ("KC-B3", .done, "2024-06-15")])
        let all = PlanningFixture.planner().reminders(for: set, config: workspace.config, from: d("2024-07-01"),
                                                      through: d("2026-12-31"), now: PlanningFixture.day("2024-07-01"))
        let scans = Set(all.reminders(.milestoneAhead).map(\.subject).filter { $0.hasPrefix("zelfscan@") })
        #expect(scans == ["zelfscan@2026-09"])
    }

    @Test("A milestone moved in a revised agenda gives reminders for its new date only")
    func moved() throws {
        let moved = PlanningFixture.agenda.replacingOccurrences(of: "\"when\": \"2024-11-04\"", with: "\"when\": \"2024-12-02\"")
        let workspace = try PlanningFixture.workspace(agenda: moved)
        let all = PlanningFixture.planner().reminders(for: PlanningFixture.set(workspace), config: workspace.config,
                                                      from: d("2024-09-01"), through: d("2024-12-31"),
                                                      now: PlanningFixture.day("2024-09-01"))
        let subjects = Set(all.reminders(.milestoneAhead).map(\.subject))
        #expect(subjects.contains("overleg@2024-12-02"))
        #expect(!subjects.contains("overleg@2024-11-04"))
    }
}
