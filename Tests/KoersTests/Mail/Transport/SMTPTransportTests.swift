import Foundation
@testable import KoersFormats
@testable import KoersMail
@testable import KoersModel
@testable import KoersServices
import KoersTestSupport
import Testing

/// A small message as the builder will produce it: CRLF line ends, UTF-8 body, and lines that
/// start with a dot (which SMTP must escape and the server must unescape).
enum TransportFixtures {
    static let message: [UInt8] = Array("""
    Message-ID: <20241015.zelfscan.c.jansen@koers.example>\r
    Date: Tue, 15 Oct 2024 07:30:00 +0200\r
    From: Koers <koers@koers.example>\r
    To: Carla Jansen <c.jansen@example.org>\r
    Subject: =?UTF-8?Q?Herinnering:_zelfscan_=C3=A9=C3=A9n_week?=\r
    MIME-Version: 1.0\r
    Content-Type: text/plain; charset=UTF-8\r
    Content-Transfer-Encoding: 8bit\r
    Auto-Submitted: auto-generated\r
    \r
    Beste Carla,\r
    .\r
    ..twee punten aan het begin\r
    Over één week begint de zelfscan (café om 9 uur).\r

    """.utf8)

    static func numbered(_ number: Int) -> [UInt8] {
        Array("Message-ID: <\(number)@koers.example>\r\nSubject: bericht \(number)\r\n\r\nTekst \(number)\r\n".utf8)
    }
}

extension DeliveryOutcome {
    enum Kind { case accepted, transient, permanent, configuration, interrupted }
    var kind: Kind {
        switch self {
        case .accepted: return .accepted
        case .transient: return .transient
        case .permanent: return .permanent
        case .configuration: return .configuration
        case .interrupted: return .interrupted
        }
    }
}

/// Runs `sends` messages through one session of an SMTP transport, off the concurrency pool.
func deliverOverSMTP(_ settings: SMTPSettings, messages: [[UInt8]] = [TransportFixtures.message],
                     from: String = "koers@koers.example", to: String = "c.jansen@example.org") async throws -> [DeliveryOutcome] {
    try await offThePool {
        let session = SMTPTransport(settings).openSession()
        defer { session.close() }
        return messages.map { session.send(from: from, to: to, message: $0) }
    }
}

/// Sends one message through a session that `stop` stops, and says how long the send (with the
/// session's close) took.
func deliverOverSMTP(_ settings: SMTPSettings, stop: DeliveryStop) async throws -> (outcome: DeliveryOutcome, elapsed: Duration) {
    let (outcome, elapsed) = try await timedOffThePool {
        let session = SMTPTransport(settings).openSession(stop: stop)
        let outcome = session.send(from: "koers@koers.example", to: "c.jansen@example.org", message: TransportFixtures.message)
        session.close()
        return outcome
    }
    return (outcome, elapsed)
}

@Suite("SMTP transport")
struct SMTPTransportTests {
    @Test("a message sent over STARTTLS with AUTH is accepted and arrives byte for byte")
    func acceptedOverSTARTTLS() async throws {
        let server = try SMTPTestServer(.accept)
        let outcomes = try await deliverOverSMTP(server.settings())

        let outcome = try #require(outcomes.first)
        guard case let .accepted(response) = outcome else {
            Issue.record("expected accepted, got \(outcome)")
            return
        }
        #expect(response.hasPrefix("250 "))
        #expect(!response.contains(SMTPTestServer.password))
        let received = server.messages
        try #require(received.count == 1)
        #expect(received[0].bytes == TransportFixtures.message)
        #expect(received[0].mailFrom == "koers@koers.example")
        #expect(received[0].recipients == ["c.jansen@example.org"])
        #expect(received[0].login == SMTPTestServer.user)
        #expect(received[0].tls)
        #expect(received[0].helo == "koers.test")
    }

    @Test("a wrong password is a configuration problem with the server's 535, and the password shows nowhere")
    func wrongPassword() async throws {
        let server = try SMTPTestServer(.accept)
        let wrong = "not-the-password-42"
        let outcome = try #require(try await deliverOverSMTP(server.settings(password: wrong)).first)

        guard case let .configuration(code, response, fault) = outcome else {
            Issue.record("expected configuration, got \(outcome)")
            return
        }
        #expect(code == 535)
        #expect(fault == .authentication)
        #expect(response.hasPrefix("535"))
        #expect(!response.contains(wrong))
        #expect(!"\(outcome)".contains(wrong))
        #expect(server.messages.isEmpty)
    }

    @Test("without credentials, a server that requires AUTH refuses with 530: a configuration problem")
    func missingCredentials() async throws {
        let server = try SMTPTestServer(.accept)
        let outcome = try #require(try await deliverOverSMTP(server.settings(password: nil)).first)
        #expect(outcome.code == 530)
        #expect(outcome.fault == .authentication)
        guard case .configuration = outcome else {
            Issue.record("expected configuration, got \(outcome)")
            return
        }
        #expect(server.messages.isEmpty)
    }

    @Test("STARTTLS is required by default: a server that does not offer it is a configuration problem")
    func startTLSUnavailable() async throws {
        let server = try SMTPTestServer(.plainNoTLS)
        let outcome = try #require(try await deliverOverSMTP(server.settings(password: nil)).first)

        guard case let .configuration(code, response, fault) = outcome else {
            Issue.record("expected configuration, got \(outcome)")
            return
        }
        #expect(code == nil)
        #expect(fault == .starttls)
        #expect(response.localizedCaseInsensitiveContains("STARTTLS"))
        #expect(server.messages.isEmpty)
    }

    @Test("with requireTLS off, a server without STARTTLS gets the message in plain text")
    func startTLSOptional() async throws {
        let server = try SMTPTestServer(.plainNoTLS)
        var settings = server.settings(password: nil)
        settings.requireTLS = false
        let outcome = try #require(try await deliverOverSMTP(settings).first)
        #expect(outcome.isAccepted)
        #expect(server.messages.first?.tls == false)
    }

    @Test("451 is transient; the retry opens a new connection and is accepted")
    func tempfailThenAccept() async throws {
        let server = try SMTPTestServer(.tempfailThenAccept, tempfail: 1)
        let outcomes = try await deliverOverSMTP(server.settings(), messages: [TransportFixtures.message, TransportFixtures.message])

        try #require(outcomes.count == 2)
        guard case let .transient(code, response, fault) = outcomes[0] else {
            Issue.record("expected transient, got \(outcomes[0])")
            return
        }
        #expect(code == 451)
        #expect(fault == .message, "a 451 to the message concerns that message only")
        #expect(response.hasPrefix("451 4.3.0"))
        #expect(outcomes[1].isAccepted)
        #expect(server.messages.count == 1)
        #expect(server.messages.first?.bytes == TransportFixtures.message)
        #expect(server.connectionCount == 2)
    }

    @Test("550 for the recipient is permanent, with the server's own text")
    func rejectedRecipient() async throws {
        let server = try SMTPTestServer(.reject)
        let outcome = try #require(try await deliverOverSMTP(server.settings(), to: "nobody@example.org").first)

        guard case let .permanent(code, response) = outcome else {
            Issue.record("expected permanent, got \(outcome)")
            return
        }
        #expect(outcome.fault == .message)
        #expect(code == 550)
        #expect(response.hasPrefix("550 5.1.1"))
        #expect(response.contains("User unknown"))
        #expect(server.messages.isEmpty)
    }

    @Test("a server that stops answering after EHLO is transient, detected within the timeout")
    func hangingServer() async throws {
        let server = try SMTPTestServer(.hang)
        let settings = SMTPSettings(url: server.url, heloName: "koers.test", username: SMTPTestServer.user,
                                    password: SMTPSecret(value: SMTPTestServer.password, source: "test"),
                                    connectTimeout: .seconds(1), timeout: .seconds(1), caFile: server.certificate)
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = try #require(try await deliverOverSMTP(settings).first)
        let elapsed = clock.now - started

        guard case let .transient(code, _, fault) = outcome else {
            Issue.record("expected transient, got \(outcome)")
            return
        }
        #expect(code == nil)
        #expect(fault == .timeout)
        // The server never answers: returning at all shows the timeout fired. The bound is generous
        // because test machines are shared and noisy.
        #expect(elapsed < .seconds(300), "took \(elapsed)")
        #expect(server.connectionCount == 1)
    }

    @Test("a stop cuts a send to a server that hangs off after the grace, long before its timeout: interrupted")
    func stopDuringHang() async throws {
        let server = try SMTPTestServer(.hang)
        let (outcome, elapsed) = try await deliverOverSMTP(server.settings(timeout: .seconds(120)), stop: DeliveryStop { true })
        #expect(outcome == .interrupted)
        #expect(elapsed >= DeliveryStop.grace, "the send had its grace: \(elapsed)")
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        #expect(server.connectionCount == 1)
    }

    @Test("a stop lets a send to a healthy server finish")
    func stopLetsQuickSendFinish() async throws {
        let server = try SMTPTestServer(.accept)
        let (outcome, _) = try await deliverOverSMTP(server.settings(), stop: DeliveryStop { true })
        #expect(outcome.isAccepted, "\(outcome)")
        #expect(server.messages.count == 1)
    }

    @Test("when Koers is stopping, the connection is dropped without waiting for a QUIT the server never answers")
    func stopDuringQuit() async throws {
        let server = try SMTPTestServer(.hangOnQuit)
        let (outcome, elapsed) = try await deliverOverSMTP(server.settings(timeout: .seconds(120)), stop: DeliveryStop { true })
        #expect(outcome.isAccepted, "\(outcome)")
        #expect(server.messages.count == 1)
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }

    @Test("a TLS handshake that fails after STARTTLS is a TLS configuration problem")
    func brokenHandshake() async throws {
        let server = try SMTPTestServer(.tlsBroken)
        let outcome = try #require(try await deliverOverSMTP(server.settings()).first)
        guard case let .configuration(nil, response, .tls) = outcome else {
            Issue.record("expected a TLS configuration problem, got \(outcome)")
            return
        }
        #expect(!response.isEmpty)
        #expect(server.connectionCount == 1)
    }

    @Test("a refused connection is transient")
    func refusedConnection() async throws {
        let port = SMTPTestServer.closedPort()
        let settings = SMTPSettings(url: "smtp://127.0.0.1:\(port)", heloName: "koers.test",
                                    connectTimeout: .seconds(2), timeout: .seconds(2))
        let outcome = try #require(try await deliverOverSMTP(settings).first)
        guard case let .transient(code, response, fault) = outcome else {
            Issue.record("expected transient, got \(outcome)")
            return
        }
        #expect(code == nil)
        #expect(fault == .connection)
        #expect(!response.isEmpty)
    }

    @Test("ten messages in one session use one connection")
    func connectionReuse() async throws {
        let server = try SMTPTestServer(.accept)
        let batch = (1...10).map(TransportFixtures.numbered)
        let outcomes = try await deliverOverSMTP(server.settings(), messages: batch)

        #expect(outcomes.allSatisfy { $0.isAccepted }, "\(outcomes)")
        #expect(server.connectionCount == 1)
        let received = server.messages
        #expect(received.map(\.bytes) == batch)
        #expect(Set(received.map(\.connection)).count == 1)
    }

    @Test("smtps:// with implicit TLS is accepted")
    func implicitTLS() async throws {
        let server = try SMTPTestServer(.implicitTLS)
        #expect(server.url.hasPrefix("smtps://"))
        let outcome = try #require(try await deliverOverSMTP(server.settings()).first)
        #expect(outcome.isAccepted, "\(outcome)")
        #expect(server.messages.first?.bytes == TransportFixtures.message)
        #expect(server.messages.first?.login == SMTPTestServer.user)
    }

    @Test("OAuth2: the bearer token is sent as SASL XOAUTH2")
    func xoauth2() async throws {
        let server = try SMTPTestServer(.accept)
        var settings = server.settings(password: nil)
        settings.username = "koers@school.example"
        settings.oauthToken = { _ in SMTPTestServer.token }
        let outcome = try #require(try await deliverOverSMTP(settings).first)
        #expect(outcome.isAccepted, "\(outcome)")
        #expect(server.messages.first?.login == "koers@school.example")
    }

    @Test("OAuth2: a rejected token is a configuration problem; a provider's temporary failure is transient")
    func xoauth2Failures() async throws {
        let server = try SMTPTestServer(.accept)
        var settings = server.settings(password: nil)
        settings.username = "koers@school.example"
        settings.oauthToken = { _ in "expired-token" }
        let rejected = try #require(try await deliverOverSMTP(settings).first)
        #expect(rejected.code == 535)
        #expect(rejected.fault == .authentication)
        guard case .configuration = rejected else {
            Issue.record("expected configuration, got \(rejected)")
            return
        }

        settings.oauthToken = { _ in throw TransportError.tokenUnavailable(reason: "token endpoint unreachable", temporary: true) }
        let unreachable = try #require(try await deliverOverSMTP(settings).first)
        guard case .transient(nil, _, .token) = unreachable else {
            Issue.record("expected transient, got \(unreachable)")
            return
        }
        #expect(server.connectionCount == 1)
    }

    @Test("a certificate the CA file does not vouch for is a configuration problem")
    func untrustedCertificate() async throws {
        let server = try SMTPTestServer(.accept)
        var settings = server.settings()
        settings.caFile = nil   // the system's CAs do not know the self-signed certificate
        let outcome = try #require(try await deliverOverSMTP(settings).first)
        guard case .configuration(nil, _, .tls) = outcome else {
            Issue.record("expected a TLS configuration problem, got \(outcome)")
            return
        }
        #expect(server.messages.isEmpty)
    }

    @Test("after a failure the session recovers: the next send on it is accepted")
    func recoversAfterFailure() async throws {
        let server = try SMTPTestServer(.accept)
        let settings = server.settings()
        let outcomes = try await offThePool {
            let session = SMTPTransport(settings).openSession()
            defer { session.close() }
            return [
                session.send(from: "koers@koers.example", to: "c.jansen@example.org", message: TransportFixtures.numbered(1)),
                session.send(from: "koers@koers.example", to: "bad\r\nRCPT TO:<x@y>", message: TransportFixtures.numbered(2)),
                session.send(from: "koers@koers.example", to: "p.smit@example.org", message: TransportFixtures.numbered(3)),
            ]
        }
        #expect(outcomes[0].isAccepted)
        guard case .permanent(nil, _) = outcomes[1] else {
            Issue.record("expected permanent for a malformed address, got \(outcomes[1])")
            return
        }
        #expect(outcomes[2].isAccepted)
        #expect(server.messages.map(\.recipients) == [["c.jansen@example.org"], ["p.smit@example.org"]])
    }

    @Test("the description names endpoint, TLS and AUTH mode, and never the password")
    func description() throws {
        let secret = SMTPSecret(value: "hunter2-secret", source: "systemd credential smtp-password")
        let transport = SMTPTransport(SMTPSettings(url: "smtp://mail.example:587", heloName: "koers.example",
                                                   username: "koers", password: secret))
        #expect(transport.description == "smtp://mail.example:587 (STARTTLS required, AUTH PLAIN/LOGIN)")
        #expect(SMTPTransport(SMTPSettings(url: "smtp://mail.example:587", heloName: "koers.example")).description
                == "smtp://mail.example:587 (STARTTLS required)")
        #expect(SMTPTransport(SMTPSettings(url: "smtps://mail.example:465", heloName: "koers.example")).description
                == "smtps://mail.example:465 (implicit TLS)")
        #expect(!String(describing: transport).contains("hunter2"))
        #expect(!String(reflecting: transport).contains("hunter2"))
        var dumped = ""
        dump(transport, to: &dumped)
        #expect(!dumped.contains("hunter2"))
    }

    @Test("settings that cannot work are refused without connecting", arguments: [
        "smtp://user:secret@mail.example:587",
        "http://mail.example",
        "mail.example:587",
        "smtp://mail.example:587/path",
        "smtp://",
    ])
    func invalidSettings(url: String) async throws {
        let settings = SMTPSettings(url: url, heloName: "koers.example")
        #expect(throws: TransportError.self) { try SMTPTransport(settings).validate() }
        let outcome = try #require(try await deliverOverSMTP(settings).first)
        guard case let .configuration(nil, response, .settings) = outcome else {
            Issue.record("expected configuration, got \(outcome)")
            return
        }
        #expect(!response.contains("secret"))
        #expect(!SMTPTransport(settings).description.contains("secret"))
    }

    @Test("reply codes: to RCPT or DATA 4xx transient, 5.7.x configuration, other 5xx permanent; to anything else never permanent")
    func classification() {
        func classify(_ code: Int, _ text: String, _ command: String? = "RCPT") -> DeliveryOutcome {
            SMTPSession.classify(code: code, response: text, answering: command)
        }
        #expect(classify(452, "452 4.2.2 Mailbox full") == .transient(code: 452, response: "452 4.2.2 Mailbox full", fault: .message))
        #expect(classify(451, "451 4.3.0 Try later", "DATA") == .transient(code: 451, response: "451 4.3.0 Try later", fault: .message))
        for code in [530, 534, 535, 538] {
            let outcome = classify(code, "\(code) 5.7.8 nope", "AUTH")
            #expect(outcome == .configuration(code: code, response: "\(code) 5.7.8 nope", fault: .authentication), "\(outcome)")
        }
        #expect(classify(530, "530 5.7.0 Authentication required", "MAIL")
                == .configuration(code: 530, response: "530 5.7.0 Authentication required", fault: .authentication))
        #expect(classify(454, "454 4.7.0 Temporary authentication failure", "AUTH")
                == .transient(code: 454, response: "454 4.7.0 Temporary authentication failure", fault: .authentication))
        #expect(classify(421, "421 4.7.0 Too many connections, closing", "RCPT")
                == .transient(code: 421, response: "421 4.7.0 Too many connections, closing", fault: .server))
        #expect(classify(554, "554 5.7.1 No SMTP service here", nil)
                == .configuration(code: 554, response: "554 5.7.1 No SMTP service here", fault: .server))
        #expect(classify(550, "550 5.1.8 Sender address rejected", "MAIL")
                == .configuration(code: 550, response: "550 5.1.8 Sender address rejected", fault: .sender))
        #expect(classify(454, "454 4.7.0 TLS not available", "STARTTLS")
                == .transient(code: 454, response: "454 4.7.0 TLS not available", fault: .starttls))
        #expect(classify(550, "550 5.7.1 Client does not have permissions to send as this sender")
                == .configuration(code: 550, response: "550 5.7.1 Client does not have permissions to send as this sender", fault: .message))
        #expect(classify(554, "554 5.7.0 Policy rejection", "DATA")
                == .configuration(code: 554, response: "554 5.7.0 Policy rejection", fault: .message))
        #expect(classify(550, "550 5.1.1 User unknown") == .permanent(code: 550, response: "550 5.1.1 User unknown"))
        #expect(classify(553, "553 mailbox name not allowed") == .permanent(code: 553, response: "553 mailbox name not allowed"))
        #expect(classify(552, "552-5.3.4 Message size exceeds fixed limit", "DATA")
                == .permanent(code: 552, response: "552-5.3.4 Message size exceeds fixed limit"))
    }

    @Test("the enhanced status code is read from the reply text")
    func enhancedStatus() {
        #expect(SMTPSession.enhancedStatus("550 5.7.1 Relaying denied").map { [$0.class, $0.subject, $0.detail] } == [5, 7, 1])
        #expect(SMTPSession.enhancedStatus("451-4.3.0 Try later").map { [$0.class, $0.subject, $0.detail] } == [4, 3, 0])
        #expect(SMTPSession.enhancedStatus("550 User unknown") == nil)
        #expect(SMTPSession.enhancedStatus("550") == nil)
    }
}
