import Foundation
import Testing
@testable import KoersFormats
@testable import KoersMail
@testable import KoersServices
@testable import KoersCLI

@Suite("koers person export: everything held about one person, as JSON")
struct PersonExportTests {
    func json(_ out: CommandOutput) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    @Test("A starter's export holds her trajectory with its events, the mail to her with its content, and her reminder log")
    func starter() throws {
        let setup = TrajectoryFixture()
        let id = try setup.addStarter()
        let store = try setup.store()
        try store.setDaemonValue("planned-through", "2024-09-02")
        let service = ReminderService(workspace: try setup.load(), store: store,
                                      transport: FileTransport(folder: setup.fixture.folder + "/mail"), log: Log { _ in })
        try service.enqueueDue(now: PlanningFixture.moment("2024-09-02T08:00:00+02:00"))
        #expect(setup.koers("starter", "done", id, "welkomstgesprek", "--on", "2024-09-04", now: "2024-09-05").exitCode == .ok)

        let out = setup.koers("person", "export", id, now: "2024-09-05")
        #expect(out.exitCode == .ok, "\(out.stderr)")
        let export = try json(out)
        #expect(export["format"] as? String == "koers-person-export/1")
        #expect(export["configuration"] == nil)
        let trajectory = try #require(export["trajectory"] as? [String: Any])
        #expect(trajectory["name"] as? String == "Marloes Verhoeven")
        #expect(trajectory["email"] as? String == "marloes.verhoeven@example.net")
        #expect(trajectory["mentor"] as? String == "e.bosman")
        let events = try #require(trajectory["events"] as? [[String: Any]])
        #expect(events.count == 6)
        #expect(events[0]["id"] as? String == "welkomstgesprek" && events[0]["doneOn"] as? String == "2024-09-04")
        let messages = try #require(export["messages"] as? [[String: Any]])
        #expect(messages.count == 1)
        #expect((messages[0]["content"] as? String)?.contains("Beste Marloes Verhoeven,") == true)
        let reminders = try #require(export["reminders"] as? [[String: Any]])
        #expect(reminders.compactMap { $0["key"] as? String }.sorted() == [
            "eventAhead|trajectory:\(id):welkomstgesprek|2024-09-04/2wd|e.bosman",
            "eventAhead|trajectory:\(id):welkomstgesprek|2024-09-04/2wd|\(id)",
        ])
    }

    @Test("A mentor's export holds her configuration entry and the trajectories she guides, without the starter's name")
    func mentor() throws {
        let setup = TrajectoryFixture()
        let id = try setup.addStarter()
        let out = setup.koers("person", "export", "e.bosman", now: "2024-09-05")
        #expect(out.exitCode == .ok, "\(out.stderr)")
        let export = try json(out)
        let entry = try #require(export["configuration"] as? [String: Any])
        #expect(entry["name"] as? String == "Eva Bosman" && entry["school"] as? String == "de-linde")
        let guides = try #require(export["guides"] as? [[String: Any]])
        #expect(guides.count == 1 && guides[0]["trajectory"] as? String == id && guides[0]["role"] as? String == "mentor")
        #expect(!out.stdout.contains("Marloes"))
        #expect(setup.koers("person", "export", "niemand", now: "2024-09-05").exitCode == .refused)
    }
}
