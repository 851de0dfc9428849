import Foundation
import Testing
@testable import KoersModel
@testable import KoersFormats
@testable import KoersMail
@testable import KoersServices

@Suite("Trajectory events reach the planner, the outbox and the people taking part")
struct TrajectoryReminderTests {
    let d = PlanningFixture.date

    func starter(end: Trajectory.End? = nil) -> Trajectory {
        Trajectory(id: "t-abc234", kind: .starter, name: "Marloes Verhoeven", email: "marloes.verhoeven@example.net",
                   school: "de-linde", start: d("2024-09-02"), mentor: "e.bosman", trainer: "l.mulder", template: "start", end: end)
    }

    func reminders(_ workspace: Workspace, _ book: TrajectoryBook, through: String = "2025-06-30") -> [Reminder] {
        let config = workspace.config
        return Planner(rules: config.reminders, quiet: config.quietPeriods, timeZone: config.timeZone, sources: [book.eventSource])
            .reminders(for: AgendaSet(entries: []), config: config, from: d("2024-07-01"), through: d(through),
                       now: PlanningFixture.day("2024-07-01"))
    }

    @Test("Each event is reminded at its lead times to the starter, the mentor, the school trainer and the school's directors; a quiet period moves a reminder earlier")
    func planned() throws {
        let setup = TrajectoryFixture()
        let workspace = try setup.load()
        let all = reminders(workspace, TrajectoryBook(trajectories: [starter()], done: [:], workspace: workspace))
        #expect(all.allSatisfy { $0.kind == .eventAhead && $0.origin == "trajectory:t-abc234" })
        let welcome = all.reminders(about: "welkomstgesprek")
        // 1 week before Wednesday 4 September is 28 August, in the summer holiday: moved to Friday 12 July.
        #expect(welcome.map { "\($0.sendOn) \($0.personID) \($0.occurrence)" } == [
            "2024-07-12 e.bosman 2024-09-04/1w", "2024-07-12 t-abc234 2024-09-04/1w",
            "2024-09-02 e.bosman 2024-09-04/2wd", "2024-09-02 t-abc234 2024-09-04/2wd",
        ])
        #expect(welcome[0].key == "eventAhead|trajectory:t-abc234:welkomstgesprek|2024-09-04/1w|e.bosman")
        #expect(welcome[0].title == "Welkomstgesprek: Marloes Verhoeven (startende leraar, OBS De Linde) — 4 september 2024")
        #expect(welcome[0].reason == "U ontvangt dit als mentor (werkplekbegeleider) van Marloes Verhoeven.")
        #expect(welcome[0].detail == "Met: Marloes Verhoeven (startende leraar), mentor Eva Bosman, schoolopleider Lotte Mulder.",
                "the mentor and the school trainer by name")
        // The starting teacher is addressed directly.
        #expect(welcome[1].title == "Uw welkomstgesprek met uw mentor Eva Bosman — 4 september 2024")
        #expect(welcome[1].reason == "U ontvangt dit als startende leraar bij OBS De Linde, in het inductietraject startende leraar.")
        #expect(welcome[0].themeTitle == "Inductietraject startende leraar")
        #expect(Set(all.reminders(about: "begeleidingsplan").personIDs) == ["e.bosman", "l.mulder", "t-abc234"])
        #expect(all.reminders(about: "begeleidingsplan").sendDays.sorted().first == "2024-09-30")
        // Three lesson visits, a week ahead each.
        #expect(Set(all.filter { $0.subject.hasPrefix("lesbezoek#") }.map(\.subject)) == ["lesbezoek#1", "lesbezoek#2", "lesbezoek#3"])
        #expect(Set(all.reminders(about: "lesbezoek#2").sendDays) == ["2025-01-21"])
        // Sunday 2 February: two weeks before is a Sunday too, moved to Friday; directors of the starter's school only.
        let talk = all.reminders(about: "ontwikkelgesprek")
        #expect(Set(talk.personIDs) == ["d.dewit", "t-abc234"])
        #expect(Set(talk.sendDays) == ["2025-01-17", "2025-01-30"])
    }

    @Test("An ended trajectory gives no reminders for events after its end, and a done event none at all")
    func endedAndDone() throws {
        let setup = TrajectoryFixture()
        let workspace = try setup.load()
        let ended = starter(end: .init(on: d("2024-10-01"), reason: .left))
        let all = reminders(workspace, TrajectoryBook(trajectories: [ended], done: [:], workspace: workspace))
        #expect(Set(all.map(\.subject)) == ["welkomstgesprek"])
        let done = reminders(workspace, TrajectoryBook(trajectories: [starter()], done: ["t-abc234": ["welkomstgesprek": d("2024-09-04")]],
                                                      workspace: workspace))
        #expect(done.reminders(about: "welkomstgesprek").isEmpty)
        #expect(!done.reminders(about: "begeleidingsplan").isEmpty)
    }

    @Test("The daemon's turn mails the starter, who is not in the configuration, and the mentor; the next wake-up counts trajectory events")
    func outbox() throws {
        let setup = TrajectoryFixture()
        let id = try setup.addStarter()
        let workspace = try setup.load()
        let store = try setup.store()
        let service = ReminderService(workspace: workspace, store: store, transport: FileTransport(folder: setup.fixture.folder + "/mail"),
                                      log: Log { _ in })
        let eight = PlanningFixture.moment("2024-09-02T08:00:00+02:00")
        try store.setDaemonValue("planned-through", "2024-09-02")
        #expect(try service.nextWake(after: PlanningFixture.moment("2024-08-31T12:00:00+02:00")) == eight)
        let queued = try service.enqueueDue(now: eight)
        #expect(queued.queued == 2)
        let messages = try store.outbox(statuses: [.pending])
        #expect(Set(messages.map(\.recipient)) == ["e.bosman@example.org", "marloes.verhoeven@example.net"])
        let own = try #require(messages.first { $0.person == id })
        let text = String(decoding: own.message, as: UTF8.self)
        #expect(text.contains("To: Marloes Verhoeven <marloes.verhoeven@example.net>"))
        #expect(own.subject == "Koers: Uw welkomstgesprek met uw mentor Eva Bosman — 4 september 2024")
        #expect(MailText.searchable(own.message)
            .contains("Uw welkomstgesprek met uw mentor Eva Bosman — 4 september 2024 (over 2 dagen)"))
    }
}
