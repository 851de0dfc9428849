import Foundation
@testable import KoersCLI
@testable import KoersFormats
@testable import KoersMail
@testable import KoersModel
@testable import KoersServices
@testable import KoersStore
import KoersTestSupport
import Testing

/// The daemon's turn (`ReminderService.enqueueDue`) when it starts in the middle of an agenda, after
/// downtime, or after the clock jumped: one overview for the Co-OP'er instead of a flood, nothing
/// lost that still matters, one mail per person per day at the sending time, and notices of one
/// thing in their order. The bundled agenda with the demo history, run in-process on a real
/// database with the file transport.
@Suite("The daemon's turn after a start, downtime or a clock jump")
struct CatchUpTests {
    static let tz = AgendaTimeZone.amsterdam

    static func local(_ day: String, _ hour: Int, _ minute: Int = 0, _ second: Int = 0) -> Date {
        tz.moment(LocalDate(day)!, hour: hour, minute: minute).addingTimeInterval(TimeInterval(second))
    }

    /// A fresh installation and the daemon's service on it.
    struct Scene {
        let installation: DaemonProcess
        let store: Store
        let service: ReminderService

        init(agenda: String? = nil) throws {
            installation = try DaemonProcess(mail: DaemonProcess.fileMail)
            if let agenda {
                try agenda.write(toFile: installation.folder + "/agenda.json", atomically: true, encoding: .utf8)
                var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: installation.config))) as! [String: Any]
                json["agendas"] = [installation.folder + "/agenda.json"]
                try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: installation.config))
            }
            let workspace = try Workspace.load(configPath: installation.config, environment: [:])
            store = try Store(path: workspace.config.databasePath)
            service = ReminderService(workspace: workspace, store: store,
                                      transport: FileTransport(folder: installation.folder + "/mail"), log: Log { _ in })
        }

        func messages() throws -> [Store.OutboxMessage] { try store.outbox(statuses: [.pending, .sending, .sent, .failed]) }

        /// The reminder keys queued (not stale), by kind.
        func queuedKinds() throws -> Set<String> {
            Set(try store.database.rows("SELECT key FROM reminder WHERE status = 'queued'").compactMap { $0.text(0)?.split(separator: "|").first.map(String.init) })
        }

        func text(_ message: Store.OutboxMessage) -> String { MailText.searchable(message.message) }
    }

    @Test("Started for the first time in the middle of the agenda: the Co-OP'er gets one overview of what is late, what comes and who hears what when; nobody is reminded of steps, only of milestones still ahead")
    func firstStart() throws {
        let scene = try Scene()
        let now = Self.local("2024-10-15", 12)
        try scene.service.enqueueDue(now: now)
        let messages = try scene.messages()
        let overview = try #require(messages.first { $0.key == "overview|c.jansen|2024-10-15" })
        #expect(overview.subject == "Koers: Overzicht bij de start van Koers (15 oktober 2024)")
        let text = scene.text(overview)
        for part in ["TE LAAT", "KC-C4", "BINNENKORT", "WIE KRIJGT WAT, EN WANNEER", "NIET VERSTUURD"] {
            #expect(text.contains(part), "\(part) in the overview")
        }
        #expect(try scene.queuedKinds().isSubset(of: ["milestoneAhead", "eventAhead"]), "no step reminders from before the start")
        #expect(Set(messages.map(\.person)).count == messages.count, "one mail per person")
        #expect(messages.allSatisfy { scene.text($0).range(of: #"@\d{4}-"#, options: .regularExpression) == nil },
                "no internal keys such as zelfscan@2024-09 in any mail")
        // The yearly report's 8-week notice (6 September) is still ahead of November: it goes out.
        #expect(messages.contains { $0.person == "a.dewit" && scene.text($0).contains("Jaarlijkse rapportage") })

        // Later that day, and the next morning: no second overview.
        try scene.service.enqueueDue(now: Self.local("2024-10-15", 16))
        try scene.service.enqueueDue(now: Self.local("2024-10-16", 8))
        #expect(try scene.messages().filter { $0.key.hasPrefix("overview|") }.count == 1)
        #expect(try scene.store.overviewDue() == nil)
    }

    @Test("Started for the first time just before the sending time: nothing before it, then the overview and the day's reminders together")
    func firstStartBeforeEight() throws {
        let scene = try Scene()
        #expect(try scene.service.enqueueDue(now: Self.local("2024-08-29", 7, 59, 55)).queued == 0)
        #expect(try scene.service.nextWake(after: Self.local("2024-08-29", 7, 59, 55)) == Self.local("2024-08-29", 8))
        try scene.service.enqueueDue(now: Self.local("2024-08-29", 8))
        let messages = try scene.messages()
        #expect(messages.count == 10, "the zelfscan's ten, one each")
        let coordinator = try #require(messages.first { $0.person == "c.jansen" })
        #expect(coordinator.key == "overview|c.jansen|2024-08-29")
        #expect(scene.text(coordinator).contains("Zelfscan Samen Opleiden (tweejaarlijks) — september 2024 (over 3 dagen)"))
    }

    @Test("A meeting right after the summer holiday, all of whose notices moved to before it: a first start in the holiday sends the latest at the next sending time")
    func movedBeforeTheHoliday() throws {
        let agenda = try String(contentsOfFile: Fixture.repository + "/Agendas/ook-2022-2024.json", encoding: .utf8)
            .replacingOccurrences(of: "\"milestones\": [", with: """
                "milestones": [
                    { "id": "startvergadering", "title": "Startvergadering schoolopleiders", "when": "2025-08-25",
                      "roles": [{ "role": "schoolopleiders", "does": "executes" }] },
                """)
        let scene = try Scene(agenda: agenda)
        // Region noord's summer holiday runs from 12 July through 24 August 2025: the 2-week and the
        // 2-working-day notices move to 11 and 10 July, before a first start in August.
        try scene.service.enqueueDue(now: Self.local("2025-08-05", 12))
        #expect(try scene.messages().filter { scene.text($0).contains("Startvergadering") }.isEmpty, "not in the holiday")
        #expect(try scene.service.nextWake(after: Self.local("2025-08-05", 12))! <= Self.local("2025-08-25", 8))
        try scene.service.enqueueDue(now: Self.local("2025-08-25", 8))
        let meeting = try scene.messages().filter { scene.text($0).contains("Startvergadering schoolopleiders — 25 augustus 2025 (vandaag)") }
        #expect(meeting.count == 4, "the three school trainers and the Co-OP'er, once each: \(meeting.map(\.person))")
        let notices = try scene.store.database.rows("SELECT key, status FROM reminder WHERE key LIKE '%startvergadering%'")
            .map { "\($0.text(0)!.split(separator: "|")[2]) \($0.text(1)!)" }
        #expect(Set(notices) == ["2w queued", "8w stale", "2wd stale"], "the latest notice only, the older ones recorded")
    }

    @Test("Caught up at 07:59:50 after a few days down: nothing before 08:00, then one mail per person, worded for the day it goes out, and the Co-OP'er's overview in hers")
    func catchUpAtTheSendingTime() throws {
        let scene = try Scene()
        try scene.installation.markRunning(through: "2024-09-05", at: "2024-09-05T23:00:00+02:00")
        try scene.store.setOverviewDue(.downtime(since: Self.local("2024-09-05", 23)))
        let early = Self.local("2024-09-09", 7, 59, 50)
        #expect(try scene.service.enqueueDue(now: early).queued == 0)
        #expect(try scene.service.nextWake(after: early) == Self.local("2024-09-09", 8))
        try scene.service.enqueueDue(now: Self.local("2024-09-09", 8))
        try scene.service.enqueueDue(now: Self.local("2024-09-09", 8, 0, 30))
        let messages = try scene.messages()
        #expect(Set(messages.map(\.person)).count == messages.count, "one mail per person: \(messages.map(\.person))")
        #expect(messages.count == 7)
        // The yearly report's notice was planned for Friday 6 September ("over 8 weken"); on Monday it says 7.
        let director = try #require(messages.first { $0.person == "a.dewit" })
        #expect(scene.text(director).contains("Jaarlijkse rapportage met feedforward (nov./dec.) — november 2024 (over 7 weken)"))
        let coordinator = try #require(messages.first { $0.person == "c.jansen" })
        #expect(coordinator.key == "overview|c.jansen|2024-09-09")
        #expect(scene.text(coordinator).contains("Koers heeft van 5 september 2024 tot vandaag niet gedraaid."))
        #expect(scene.text(coordinator).contains("KC-C4"), "her own reminder of the day is in the same mail")
    }

    @Test("After the clock jumps back, a 2-week notice is not sent after the 2-working-day notice of the same zelfscan went out")
    func noticesInOrder() throws {
        let scene = try Scene()
        try scene.installation.markRunning(through: "2024-08-28")
        try scene.service.enqueueDue(now: Self.local("2024-08-29", 8))
        #expect(try scene.messages().count == 10)
        // NTP corrects a clock that ran ahead by two weeks: back to the 2-week notice's day.
        let (queued, stale) = try scene.service.enqueueDue(now: Self.local("2024-08-16", 8))
        #expect(queued == 0)
        #expect(stale == 10, "each person's 2-week notice is recorded, never sent")
        #expect(try scene.messages().count == 10)
    }

    @Test("An agenda the daemon has not run on before gets the start's treatment, also when the daemon ran on others")
    func newAgenda() throws {
        let scene = try Scene()
        try scene.installation.markRunning(through: "2024-10-14", at: "2024-10-15T00:00:00+02:00")
        try scene.store.setHandledAgendas(["an-earlier-agenda"])
        try scene.service.enqueueDue(now: Self.local("2024-10-15", 8))
        #expect(try scene.messages().contains { $0.key == "overview|c.jansen|2024-10-15" && $0.subject.contains("Overzicht bij de start") })
        #expect(try scene.queuedKinds().isSubset(of: ["milestoneAhead", "eventAhead"]))
        #expect(try scene.store.handledAgendas()?.contains("ook-sop") == true)
    }

    @Test("A role nobody holds does not stop the daemon: the Co-OP'er hears of it in her next mail, once, and again only when the list changes")
    func unheldRole() throws {
        let scene = try Scene()
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scene.installation.config))) as! [String: Any]
        json["people"] = (json["people"] as! [[String: Any]]).map { person in
            var person = person
            person["roles"] = (person["roles"] as! [String]).filter { $0 != "werkplekbegeleiders" }
            return person
        }
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: scene.installation.config))
        let workspace = try Workspace.load(configPath: scene.installation.config, environment: [:])
        #expect(workspace.rolesWithoutHolders.map(\.role) == ["werkplekbegeleiders"])
        let service = ReminderService(workspace: workspace, store: scene.store,
                                      transport: FileTransport(folder: scene.installation.folder + "/mail"), log: Log { _ in })
        try scene.installation.markRunning(through: "2024-10-14", at: "2024-10-15T00:00:00+02:00")
        try service.enqueueDue(now: Self.local("2024-10-15", 8))
        try service.enqueueDue(now: Self.local("2024-10-16", 8))
        let told = try scene.messages().filter { $0.person == "c.jansen" && scene.text($0).contains("ROLLEN ZONDER PERSONEN") }
        #expect(told.count == 1)
        #expect(told.first.map { scene.text($0).contains("Werkplekbegeleiders, gebruikt door de agenda") } == true)
    }
}
