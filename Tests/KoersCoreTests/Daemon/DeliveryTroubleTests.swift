import Foundation
import Testing
@testable import KoersCore

/// `ReminderService.sendDue` against real servers in trouble (Tests/Support/smtp_server.py and
/// token_server.py).
@Suite("The outbox when the mail server is in trouble")
struct DeliveryTroubleTests {
    let fixture = Fixture()
    let start = Date(timeIntervalSince1970: 1_725_170_400)   // Sunday 1 September 2024, 08:00 in Amsterdam

    /// Five messages queued at `start`, each to its own recipient, and a service sending them
    /// through `transport`.
    func service(_ transport: any MailTransport) throws -> (ReminderService, Store) {
        fixture.standard()
        let workspace = try fixture.load()
        let store = try Store(path: workspace.config.databasePath)
        for n in 1...5 {
            try store.enqueue(.init(key: "m\(n)", person: "p\(n)", recipient: "p\(n)@example.org", subject: "Herinnering",
                                    message: TransportFixtures.numbered(n), messageID: "\(n)@koers.example",
                                    reminderKeys: ["m\(n)|r"], sendOn: LocalDate("2024-09-01")!), at: start)
        }
        return (ReminderService(workspace: workspace, store: store, transport: transport, log: Log { _ in }), store)
    }

    func queue(_ store: Store) throws -> [Store.OutboxMessage] {
        try store.outbox(statuses: [.pending, .sending, .sent, .failed]).sorted { $0.id < $1.id }
    }

    @Test("timeoutSeconds bounds connecting too (greeting, STARTTLS, AUTH), not only each reply after it")
    func connectTimeout() throws {
        fixture.standard(config: Fixture.config.replacingOccurrences(of: "\n  \"people\"", with: """

          "mail": { "from": { "name": "Koers", "address": "koers@example.org" }, "transport": "smtp",
                    "smtp": { "url": "smtp://mail.example:587", "heloName": "koers.test", "timeoutSeconds": 7 } },
          "people"
        """))
        let transport = try #require(try MailTransportFactory.make(try fixture.load().config, environment: [:]) as? SMTPTransport)
        #expect(transport.settings.connectTimeout == .seconds(7))
        #expect(transport.settings.timeout == .seconds(7))
    }

    @Test("A stop during a send to a server that hangs cuts it off: the message stays queued, its attempt not counted")
    func stopDuringHang() throws {
        let server = try SMTPTestServer(.hang)
        let (service, store) = try service(SMTPTransport(server.settings(timeout: .seconds(120))))
        let stopAt = Date().addingTimeInterval(1)
        let report = try service.sendDue(now: start) { Date() >= stopAt }
        #expect(report == .init())
        #expect(server.connectionCount == 1, "the stop came during the send")
        let messages = try queue(store)
        #expect(messages.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.lastResponse == nil && $0.nextAttemptAt == start })
    }
}

extension ReminderService.SendReport {
    init(sent: Int, retrying: Int, failed: Int) {
        self.init()
        self.sent = sent
        self.retrying = retrying
        self.failed = failed
    }
}
