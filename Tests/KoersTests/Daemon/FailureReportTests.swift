import Foundation
@testable import KoersFormats
@testable import KoersMail
@testable import KoersModel
@testable import KoersServices
@testable import KoersStore
import KoersTestSupport
import Testing

/// A refused message is reported to the Co-OP'er, without breaking "one mail per person per day"
/// and "no mail on quiet days".
@Suite("Reporting failed messages to the Co-OP'er")
struct FailureReportTests {
    let fixture = Fixture()
    let tz = AgendaTimeZone.amsterdam

    func local(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
        tz.moment(LocalDate(day)!, hour: hour, minute: minute)
    }

    /// A service on a fresh store holding one message to Pieter that the server refused with 550
    /// on Tuesday 3 September 2024 at 08:00, and a digest for Carla (the Co-OP'er) queued that morning.
    func service() throws -> (ReminderService, Store) {
        fixture.standard()
        let workspace = try fixture.load()
        let store = try Store(path: workspace.config.databasePath)
        let sent = local("2024-09-03", 8)
        func message(_ key: String, _ person: String, _ address: String) -> Store.NewMessage {
            Store.NewMessage(key: key, person: person, recipient: address, subject: "Herinnering",
                             message: Array("Subject: Herinnering\r\n\r\nTekst\r\n".utf8), messageID: "\(key)@koers.example",
                             reminderKeys: [key + "|r"], sendOn: LocalDate("2024-09-03")!)
        }
        try store.enqueue(message("digest|p.smit|2024-09-03|1", "p.smit", "p.smit@example.org"), at: sent)
        try store.enqueue(message("digest|c.jansen|2024-09-03|1", "c.jansen", "c.jansen@example.org"), at: sent)
        let refused = try #require(try store.dueMessages(at: sent).first { $0.person == "p.smit" })
        try store.markSending(refused.id)
        try store.markFailed(refused.id, response: "550 5.1.1 Recipient address rejected")
        try store.setDaemonValue("planned-through", "2024-09-03")
        let service = ReminderService(workspace: workspace, store: store,
                                      transport: FileTransport(folder: fixture.folder + "/mail"), log: Log { _ in })
        return (service, store)
    }

    func failureMails(_ store: Store) throws -> [Store.OutboxMessage] {
        try store.outbox(statuses: [.pending, .sent]).filter {
            $0.person == "c.jansen" && String(decoding: $0.message, as: UTF8.self).contains("550 5.1.1")
        }
    }

    @Test("Not in a second mail the same day: the failure waits for the next working day's sending time")
    func waitsForNextDay() throws {
        let (service, store) = try service()
        try service.enqueueDue(now: local("2024-09-03", 8, 1))
        #expect(try failureMails(store).isEmpty)
        #expect(try store.unreportedFailures().count == 1)
        let wake = try #require(try service.nextWake(after: local("2024-09-03", 8, 1)))
        #expect(wake <= local("2024-09-04", 8))

        try service.enqueueDue(now: local("2024-09-04", 7, 59))
        #expect(try failureMails(store).isEmpty, "not before the sending time")
        try service.enqueueDue(now: local("2024-09-04", 8))
        #expect(try failureMails(store).count == 1)
        #expect(try store.unreportedFailures().isEmpty)
    }

    @Test("Not on a weekend: a failure found on Saturday is reported on Monday at the sending time")
    func notOnWeekends() throws {
        let (service, store) = try service()
        try service.enqueueDue(now: local("2024-09-07", 9))
        #expect(try failureMails(store).isEmpty)
        #expect(try service.nextWake(after: local("2024-09-07", 9)) ?? .distantFuture <= local("2024-09-09", 8))
        try service.enqueueDue(now: local("2024-09-09", 8))
        #expect(try failureMails(store).count == 1)
    }
}
