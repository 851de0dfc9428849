import Foundation
import Testing
@testable import KoersModel
@testable import KoersFormats
@testable import KoersStore
@testable import KoersMail
@testable import KoersServices

@Suite("koers person erase: the person's data leaves the database file, the anonymous counts stay")
struct ErasureTests {
    /// A starter added in August; the daemon's code mails the welcome reminders on 2 September (sent)
    /// and queues the next ones on 30 September (pending).
    func scene() throws -> (TrajectoryFixture, String, Store) {
        let setup = TrajectoryFixture()
        let id = try setup.addStarter()
        let store = try setup.store()
        let service = ReminderService(workspace: try setup.load(), store: store,
                                      transport: FileTransport(folder: setup.fixture.folder + "/mail"), log: Log { _ in })
        let first = PlanningFixture.moment("2024-09-02T08:00:00+02:00")
        try store.setDaemonValue("planned-through", "2024-09-02")
        try service.enqueueDue(now: first)
        try service.sendDue(now: first)
        try service.enqueueDue(now: PlanningFixture.moment("2024-09-30T08:00:00+02:00"))
        return (setup, id, store)
    }

    @Test("Erasing a starter removes name and address from the database file and its WAL; mail naming her is deleted or wiped")
    func starter() throws {
        let (setup, id, store) = try scene()
        #expect(try store.outbox(statuses: [.sent]).count == 2)
        #expect(try store.outbox(statuses: [.pending]).count == 3)
        #expect(try setup.fileContains("Marloes Verhoeven"), "the name is in the file before erasure")
        #expect(try setup.fileContains("marloes.verhoeven@example.net"))

        setup.fixture.write("koers.sqlite.v5-backup", "an older copy")
        let out = setup.koers("person", "erase", id, now: "2024-10-01")
        #expect(out.exitCode == .ok, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("erased starter trajectory \(id): 4 message(s) deleted, 1 wiped"), "\(out.stdout)")
        #expect(out.stdout.hasSuffix("delete them when no longer needed: koers.sqlite.v5-backup\n"), "\(out.stdout)")

        #expect(try !setup.fileContains("Marloes Verhoeven"))
        #expect(try !setup.fileContains("Verhoeven"))
        #expect(try !setup.fileContains("marloes.verhoeven@example.net"))
        #expect(try !setup.fileContains("Marloes"))
        let check = try setup.store()
        #expect(try check.trajectory(id) == nil)
        #expect(try check.outbox(statuses: [.pending]).isEmpty, "the pending mail naming her is gone")
        let sent = try check.outbox(statuses: [.sent])
        #expect(sent.map(\.subject) == ["gewist"], "the mentor's sent mail is kept as a record, wiped")
        #expect(sent[0].message.isEmpty && sent[0].recipient.isEmpty)
        #expect(try check.trajectoryTombstones(.starter).count == 1)
        let outcomes = setup.koers("starter", "outcomes", "--json", now: "2024-10-01").stdout
        #expect(outcomes.contains("\"started\" : 1"))
        #expect(setup.koers("person", "export", id, now: "2024-10-01").exitCode == .refused)
        let mode = try FileManager.default.attributesOfItem(atPath: setup.databasePath)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o660, "VACUUM keeps the file's mode: the folder's group, nobody else")
        #expect(try check.integrityProblems().isEmpty)
    }

    @Test("Erasing a configuration person clears their mail and their name as recorder, and tells the admin to edit the configuration")
    func configurationPerson() throws {
        let (setup, _, store) = try scene()
        var out = setup.koers("set", "LL-A1", "done", "--by", "e.bosman", "--note", "Gedaan", now: "2024-10-01")
        #expect(out.exitCode == .ok, "\(out.stderr)")
        #expect(try setup.fileContains("e.bosman@example.org"))
        out = setup.koers("person", "erase", "e.bosman", now: "2024-10-02")
        #expect(out.exitCode == .ok, "\(out.stderr)")
        #expect(out.stdout.contains("1 status change recorder(s) cleared"))
        #expect(out.stdout.contains("still named as mentor or school trainer (by id) in: t-"))
        #expect(out.stdout.contains("now remove e.bosman from \"people\" in \(setup.configPath)"))
        #expect(try !setup.fileContains("e.bosman@example.org"))
        #expect(try !setup.fileContains("Eva Bosman"))
        #expect(try store.outbox(statuses: [.pending, .sent, .failed]).allSatisfy { $0.person != "e.bosman" })
        // The history keeps the change, without who recorded it.
        let history = try store.history(agenda: "mini", step: StepKey("LL-A1")!).events
        #expect(history.map(\.status) == [.done] && history[0].by == nil && history[0].note == "Gedaan")
        // Status history stays append-only in every other respect.
        #expect(throws: StoreError.self) {
            try store.database.run("UPDATE status_event SET note = 'x'")
        }
        #expect(setup.koers("person", "erase", "niemand", now: "2024-10-02").exitCode == .refused)
    }
}
