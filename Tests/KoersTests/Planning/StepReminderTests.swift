import Foundation
import Testing
@testable import KoersModel
@testable import KoersServices

@Suite("Planner: steps and escalation")
struct StepReminderTests {
    let d = PlanningFixture.date

    func plan(_ changes: [(String, StepStatus, String)] = [], rules: ReminderRules = ReminderRules(),
              quiet: QuietPeriods = QuietPeriods(), from: String = "2024-01-01", through: String = "2025-12-31",
              now: String = "2024-01-01") throws -> [Reminder] {
        let workspace = try PlanningFixture.workspace()
        return PlanningFixture.planner(rules, quiet: quiet)
            .reminders(for: PlanningFixture.set(workspace, changes), config: workspace.config,
                       from: d(from), through: d(through), now: PlanningFixture.day(now))
    }

    @Test("Owners hear at the start of the half-year and some weeks before its end; escalation goes to the coordinator, then the deciders, three times in all")
    func sequence() throws {
        let a1 = try plan().reminders(about: "LL-A1")
        // 2024-H1 ends on Sunday 30 June. Start: Monday 1 January. 4 weeks before the end: Sunday 2 June
        // → Friday 31 May. After: 1 week (Sunday 7 July → Monday 8 July) to the coordinator, 6 weeks
        // (11 August → 12 August) to the directieteam, and 4 weeks later (8 September → 9 September) again.
        #expect(a1.map { "\($0.sendOn) \($0.kind) \($0.personID)" } == [
            "2024-01-01 halfYearStart p.smit",
            "2024-05-31 halfYearEnding p.smit",
            "2024-07-08 overdueToCoordinator c.jansen",
            "2024-08-12 overdueToDeciders d.boer",
            "2024-09-09 overdueToDeciders d.boer",
        ])
        #expect(a1.map(\.occurrence) == ["2024-H1", "2024-H1", "2024-H1#1", "2024-H1#2", "2024-H1#3"])
        #expect(a1[2].key == "overdueToCoordinator|mini:LL-A1|2024-H1#1|c.jansen")
        #expect(a1[0].title == "LL-A1 Oriëntatie — gepland voor 2024 eerste half jaar, uiterlijk 30 juni 2024")
        #expect(a1[1].title == "LL-A1 Oriëntatie — nog open, uiterlijk 30 juni 2024", "true on any day it is read")
        #expect(ReminderMail.heading(a1[1], on: a1[1].sendOn) == "LL-A1 Oriëntatie — nog open, uiterlijk 30 juni 2024 (over 4 weken)")
        #expect(ReminderMail.heading(a1[1], on: d("2024-06-28")).hasSuffix("(over 2 dagen)"), "counted from the day the mail goes out")
        #expect(a1[2].title == "LL-A1 Oriëntatie — te laat sinds 1 juli 2024")
        #expect(a1[2].action.contains("Dit is melding 1 van 3 over deze stap."))
        // Each reader is told what to do by which day, and why they receive it.
        #expect(a1[0].action.hasPrefix("Deze stap staat voor u gepland: rond hem af uiterlijk 30 juni 2024."))
        #expect(a1[0].reason == "U ontvangt dit in de rol Schoolleiders, die voor deze stap een voorstel doet.")
        #expect(a1[2].reason == "U ontvangt dit als Co-OP'er: u houdt de voortgang van de agenda bij.")
        #expect(a1[3].reason == "U ontvangt dit in de rol Directieteam, die over deze stap besluit.")
        #expect(a1[3].action.contains("Besluit of hij opnieuw wordt gepland of vervalt"))
        #expect(a1.allSatisfy { ($0.detail ?? "").components(separatedBy: "Rollen:").count == 2 }, "the roles once, not twice")
        #expect(a1.allSatisfy { $0.themeTitle == "Lerende leraar" && $0.eventDate == d("2024-06-30") })
        #expect(a1[2].relevantThrough == d("2024-08-11"))
        #expect(a1[4].relevantThrough == d("2024-10-06"))
    }

    @Test("Nagging stops at the limit, and repeats can be switched off")
    func limit() throws {
        var rules = ReminderRules()
        rules.maxReminders = 5
        #expect(try plan(rules: rules).reminders(about: "LL-A1").filter { $0.kind != .halfYearStart && $0.kind != .halfYearEnding }.sendDays
                == ["2024-07-08", "2024-08-12", "2024-09-09", "2024-10-07", "2024-11-04"])
        rules.repeatEvery = nil
        #expect(try plan(rules: rules).reminders(about: "LL-A1").reminders(.overdueToDeciders).count == 1)
        rules.maxReminders = 1
        let one = try plan(rules: rules).reminders(about: "LL-A1")
        #expect(one.reminders(.overdueToCoordinator).count == 1 && one.reminders(.overdueToDeciders).isEmpty)
        rules.maxReminders = 0
        #expect(try plan(rules: rules).reminders(about: "LL-A1").map(\.kind) == [.halfYearStart, .halfYearEnding])
    }

    @Test("Without a deciding role, escalation to the deciders goes to the coordinator")
    func fallback() throws {
        let b1 = try plan().reminders(about: "KC-B1")
        #expect(b1.reminders(.overdueToDeciders).personIDs == ["c.jansen", "c.jansen"])
        #expect(b1.reminders(.halfYearStart).personIDs == ["s.vos"])
    }

    @Test("A step with a later precise date is due then: KC-B2 in 2024-H2 with 'maart 2025'")
    func preciseDate() throws {
        let b2 = try plan().reminders(about: "KC-B2")
        #expect(b2.reminders(.halfYearStart).first?.title == "KC-B2 Vaststellen in beleidsplan — gepland voor 2024 tweede half jaar, uiterlijk 31 maart 2025",
                "a day, never only a month")
        // 31 March 2025 is a Monday: 4 weeks before is Monday 3 March; escalation on Monday 7 April.
        #expect(b2.reminders(.halfYearEnding).sendDays == ["2025-03-03"])
        #expect(b2.reminders(.overdueToCoordinator).sendDays == ["2025-04-07"])
        #expect(b2.allSatisfy { $0.eventDate == d("2025-03-31") })
    }

    @Test("A step's own day within its half-year governs its reminders and its lateness, not the end of the half-year")
    func ownDayGoverns() throws {
        let agenda = PlanningFixture.agenda.replacingOccurrences(of: "\"period\": \"2024-H2\", \"due\": \"2025-03\"",
                                                                 with: "\"period\": \"2024-H2\", \"due\": \"2024-10-15\"")
        let workspace = try PlanningFixture.workspace(agenda: agenda)
        let set = PlanningFixture.set(workspace)
        let b2 = PlanningFixture.planner().reminders(for: set, config: workspace.config, from: d("2024-01-01"),
                                                     through: d("2025-12-31"), now: PlanningFixture.day("2024-01-01"))
            .reminders(about: "KC-B2")
        // Tuesday 15 October 2024: 4 weeks before is Tuesday 17 September; a week after, Tuesday 22 October.
        #expect(b2.reminders(.halfYearEnding).sendDays == ["2024-09-17"])
        #expect(b2.reminders(.halfYearEnding).first?.title.contains("uiterlijk 15 oktober 2024") == true)
        #expect(b2.reminders(.overdueToCoordinator).sendDays == ["2024-10-22"])
        #expect(b2.allSatisfy { $0.eventDate == d("2024-10-15") })
        let entry = set.entries[0]
        let placed = try #require(entry.agenda.placedStep(StepKey("KC-B2")!))
        func summary(_ day: String) -> StepSummary {
            StepSummary(agenda: "mini", placed: placed, history: entry.history(placed.key), moment: PlanningFixture.day(day), today: d(day))
        }
        #expect(summary("2024-10-16").overdueSince == "2024-10-16", "koers due and the site call it late the day after its own date")
        #expect(!summary("2024-10-15").overdue)
    }

    @Test("An escalation in the Christmas holiday moves to the first working day after it; so does the half-year start")
    func christmas() throws {
        var rules = ReminderRules()
        rules.escalateToCoordinatorAfter = .days(2)
        let all = try plan(rules: rules, quiet: PlanningFixture.holidays, from: "2024-12-01", through: "2025-01-31")
        // LL-A2 (2024-H2) is late from 1 January; 2 days after 31 December is Thursday 2 January, in the
        // holiday (21 December – 5 January) → Monday 6 January.
        #expect(all.reminders(about: "LL-A2").reminders(.overdueToCoordinator).sendDays == ["2025-01-06"])
        // LL-A3 (2025-H1) is announced on the first working day of 2025.
        #expect(all.reminders(about: "LL-A3").reminders(.halfYearStart).sendDays == ["2025-01-06"])
        // Nothing goes out in the holiday or on a weekend.
        #expect(all.allSatisfy { !PlanningFixture.holidays.isQuiet($0.sendOn) })
    }

    @Test("The half-year start can be a later working day")
    func startDay() throws {
        var rules = ReminderRules()
        rules.halfYearStartDay = 3
        // 1 July 2024 is a Monday: the third working day is Wednesday 3 July.
        #expect(try plan(rules: rules).reminders(about: "LL-A2").reminders(.halfYearStart).sendDays == ["2024-07-03"])
    }

    @Test("A done or dropped step has no reminders at all")
    func done() throws {
        let all = try plan([("LL-A1", .done, "2024-03-01"), ("KC-B1", .inProgress, "2024-02-01"), ("KC-B1", .dropped, "2024-03-01")],
                           now: "2024-04-01")
        #expect(all.reminders(about: "LL-A1").isEmpty)
        #expect(all.reminders(about: "KC-B1").isEmpty)
        #expect(!all.reminders(about: "LL-A2").isEmpty)
    }

    @Test("An in-progress step is still open and is escalated")
    func inProgress() throws {
        let all = try plan([("LL-A1", .inProgress, "2024-03-01")], now: "2024-04-01")
        #expect(all.reminders(about: "LL-A1").count == 5)
        #expect(all.reminders(about: "LL-A1").last?.detail?.contains("Status: in uitvoering.") == true)
    }

    @Test("A postponed step gets reminders for its new half-year only")
    func postponed() throws {
        let all = try plan([("LL-A1", .postponed(to: HalfYear("2024-H2")!), "2024-05-01")], now: "2024-05-02")
        let a1 = all.reminders(about: "LL-A1")
        #expect(Set(a1.map(\.occurrence)) == ["2024-H2", "2024-H2#1", "2024-H2#2", "2024-H2#3"])
        #expect(a1.reminders(.halfYearStart).sendDays == ["2024-07-01"])
        #expect(a1.reminders(.overdueToCoordinator).sendDays == ["2025-01-07"])
        #expect(a1.first?.detail?.contains("uitgesteld, stond in 2024 eerste half jaar") == true)
    }

    @Test("Every reminder has its own key, and person names and addresses stay out of the texts")
    func keysAndPrivacy() throws {
        let workspace = try PlanningFixture.bundled()
        let all = PlanningFixture.planner(quiet: PlanningFixture.holidays)
            .reminders(for: PlanningFixture.set(workspace), config: workspace.config, from: d("2022-01-01"),
                       through: d("2026-12-31"), now: PlanningFixture.day("2022-01-01"))
        #expect(all.count > 500)
        #expect(Set(all.map(\.key)).count == all.count)
        let people = workspace.config.people
        for reminder in all {
            let text = reminder.title + " " + (reminder.detail ?? "")
            #expect(!text.contains("@"), "\(reminder.key)")
            #expect(!people.contains { text.contains($0.name) }, "\(reminder.key)")
            #expect(!reminder.title.contains("\n"))
            #expect(!PlanningFixture.holidays.isQuiet(reminder.sendOn), "\(reminder.key)")
        }
    }
}
