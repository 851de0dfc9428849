import Foundation
@testable import KoersFormats
@testable import KoersMail
@testable import KoersModel
@testable import KoersServices
@testable import KoersStore
import KoersTestSupport
import Testing

/// `ReminderService.sendDue` against real servers in trouble (Tests/Support/smtp_server.py and
/// token_server.py): one failure that every message would meet ends the round, the other messages
/// wait untouched, the back-off grows round by round, and the failure is kept for `koers status`.
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

    /// After a round that ended at the first message: it carries the server's answer, the others
    /// are as queued, no attempt counts, and all wait until `until`.
    func expectHeld(_ store: Store, until: Date, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let messages = try queue(store)
        #expect(messages.count == 5, sourceLocation: sourceLocation)
        #expect(messages.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.nextAttemptAt == until },
                "\(messages.map { ($0.status, $0.attempts, $0.nextAttemptAt) })", sourceLocation: sourceLocation)
        #expect(messages.first?.lastResponse != nil, sourceLocation: sourceLocation)
        #expect(messages.dropFirst().allSatisfy { $0.lastResponse == nil }, "the others were not tried", sourceLocation: sourceLocation)
    }

    @Test("A wrong password: one login a round, the back-off growing 1, 2, 4 minutes; once fixed, the first message out releases the rest")
    func wrongPassword() throws {
        let server = try SMTPTestServer(.accept)
        let (service, store) = try service(SMTPTransport(server.settings(password: "wrong password")))

        let first = try service.sendDue(now: start)
        #expect(first == .init(sent: 0, retrying: 5, failed: 0))
        #expect(server.logins == [false], "one login, not one per message")
        try expectHeld(store, until: start.addingTimeInterval(60))
        let error = try #require(try store.deliveryError())
        #expect(error.fault == .authentication && error.at == start && error.text.hasPrefix("535"), "\(error)")
        #expect(error.troubledRounds == 1)

        #expect(try service.sendDue(now: start.addingTimeInterval(59)) == .init(), "nothing due before the next try")
        var moment = start.addingTimeInterval(60)
        for (round, delay) in [(2, 120.0), (3, 240.0)] {
            try service.sendDue(now: moment)
            #expect(server.logins == Array(repeating: false, count: round))
            try expectHeld(store, until: moment.addingTimeInterval(delay))
            moment.addTimeInterval(delay)
        }
        #expect(try store.deliveryError()?.troubledRounds == 3)

        // The administrator fixes the password and retries one message now: when it goes out, the
        // others are due at once too.
        service.use(service.workspace, transport: SMTPTransport(server.settings()))
        let fixed = moment.addingTimeInterval(-200)   // before the next try
        let head = try #require(try queue(store).first)
        #expect(try store.requeue(head.id, at: fixed))
        #expect(try service.sendDue(now: fixed) == .init(sent: 1, retrying: 0, failed: 0))
        #expect(try store.deliveryError() == nil)
        #expect(try store.dueMessages(at: fixed).count == 4, "released by the first message out")
        #expect(try service.sendDue(now: fixed) == .init(sent: 4, retrying: 0, failed: 0))
        #expect(server.messages.count == 5)
        #expect(try queue(store).allSatisfy { $0.status == .sent && $0.attempts == 1 })
    }

    @Test("A server that never answers costs one timeout a round, not one per message")
    func hangingServer() throws {
        let server = try SMTPTestServer(.hang)
        var settings = server.settings(timeout: .seconds(1))
        settings.connectTimeout = .seconds(1)
        let (service, store) = try service(SMTPTransport(settings))

        #expect(try service.sendDue(now: start) == .init(sent: 0, retrying: 5, failed: 0))
        #expect(server.connectionCount == 1)
        try expectHeld(store, until: start.addingTimeInterval(60))
        #expect(try store.deliveryError()?.fault == .timeout)
    }

    @Test("No STARTTLS, a failed TLS handshake, a refused connection: one attempt a round, and its kind kept for koers status",
          arguments: [(SMTPTestServer.Mode?.some(.plainNoTLS), DeliveryFault.starttls), (.some(.tlsBroken), .tls), (nil, .connection)])
    func serverTrouble(mode: SMTPTestServer.Mode?, fault: DeliveryFault) throws {
        let server = try mode.map { try SMTPTestServer($0) }
        let settings = server?.settings() ?? SMTPSettings(url: "smtp://127.0.0.1:\(SMTPTestServer.closedPort())", heloName: "koers.test",
                                                          connectTimeout: .seconds(5), timeout: .seconds(5))
        let (service, store) = try service(SMTPTransport(settings))

        #expect(try service.sendDue(now: start) == .init(sent: 0, retrying: 5, failed: 0))
        #expect((server?.connectionCount ?? 0) <= 1)
        try expectHeld(store, until: start.addingTimeInterval(60))
        let error = try #require(try store.deliveryError())
        #expect(error.fault == fault, "\(error)")
        #expect(!error.text.isEmpty)
    }

    @Test("An OAuth2 token endpoint that does not answer costs one request a round, and the kind is token")
    func silentTokenEndpoint() throws {
        let tokens = try TokenTestServer(.hang)
        let smtp = try SMTPTestServer(.accept)
        let source = OAuth2TokenSource(tokens.settings(timeout: .seconds(1)), cachePath: nil)
        var settings = smtp.settings(password: nil)
        settings.username = "koers@school.example"
        settings.oauthToken = { abortWhen in try source.token(abortWhen: abortWhen) }
        let (service, store) = try service(SMTPTransport(settings))

        #expect(try service.sendDue(now: start) == .init(sent: 0, retrying: 5, failed: 0))
        #expect(tokens.requests.count == 1)
        #expect(smtp.connectionCount == 0)
        try expectHeld(store, until: start.addingTimeInterval(60))
        #expect(try store.deliveryError()?.fault == .token)
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

    @Test("A refusal of one recipient lets the round go on; the error is kept until the next message goes out")
    func oneRecipientRefused() throws {
        let server = try HarnessProcess(script: "smtp_server.py", arguments: ["--mode", "accept", "--reject-rcpt", "p5@example.org"])
        let settings = SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", heloName: "koers.test", username: SMTPTestServer.user,
                                    password: SMTPSecret(value: SMTPTestServer.password, source: "test"), caFile: server.certificate)
        let (service, store) = try service(SMTPTransport(settings))

        #expect(try service.sendDue(now: start) == .init(sent: 4, retrying: 0, failed: 1))
        let error = try #require(try store.deliveryError())
        #expect(error.fault == .message && error.text.hasPrefix("550 5.1.1"), "\(error)")
        #expect(!error.text.contains("p5@example.org"), "no addresses for monitoring to pass on: \(error.text)")
        #expect(error.troubledRounds == 0 && error.heldUntil == nil)

        try store.enqueue(.init(key: "m6", person: "p6", recipient: "p6@example.org", subject: "Herinnering",
                                message: TransportFixtures.numbered(6), messageID: "6@koers.example",
                                reminderKeys: ["m6|r"], sendOn: LocalDate("2024-09-01")!), at: start)
        #expect(try service.sendDue(now: start) == .init(sent: 1, retrying: 0, failed: 0))
        #expect(try store.deliveryError() == nil)
    }

    @Test("A stop during a send to a server that hangs cuts it off: the message stays queued, its attempt not counted, nothing recorded")
    func stopDuringHang() throws {
        let server = try SMTPTestServer(.hang)
        let (service, store) = try service(SMTPTransport(server.settings(timeout: .seconds(120))))
        let stopAt = Date().addingTimeInterval(1)
        let report = try service.sendDue(now: start) { Date() >= stopAt }
        #expect(report == .init())
        #expect(server.connectionCount == 1, "the stop came during the send")
        let messages = try queue(store)
        #expect(messages.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.lastResponse == nil && $0.nextAttemptAt == start })
        #expect(try store.deliveryError() == nil)
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
