import Foundation
import KoersFormats
import KoersMail
import KoersModel
import KoersServices
import KoersStore

/// 1,000 messages (one reminder each) through Koers' outbox to a real SMTP server on 127.0.0.1
/// (`SMTPSink`: STARTTLS and AUTH PLAIN/LOGIN required, its self-signed certificate as `caFile`,
/// every message stored on disk). Each timed run starts on a fresh database file (opened and
/// migrated before the clock starts) and ends when all 1,000 are marked sent:
/// - enqueue: `Store.enqueue` of each message (one transaction each, as the daemon queues a
///   digest, so that each message and its reminders are durable on their own), against plain
///   INSERTs of the same rows into the outbox table through Koers' `Database`, each committed on
///   its own (autocommit): what remains is Koers' duplicate check and reminder rows;
/// - enqueue+send, reused connections: the enqueue, then the daemon's `ReminderService.sendDue`
///   rounds until the outbox is empty (a round takes at most 500 messages over one connection, and
///   marks each sending, then sent, logging a line each to /dev/null); against `smtplib` sending
///   the same bytes with STARTTLS and login over one connection, the sink's own rate;
/// - enqueue+send, a connection each: the same, through a transport that opens a connection
///   (EHLO, STARTTLS, AUTH) per message; against `smtplib` doing the same.
/// One warm-up run, then three (a run takes seconds).
func smtpThroughput(_ bench: Bench) throws -> [Row] {
    let server = try SMTPSink(repository: bench.repository, folder: bench.scratch + "/smtp")
    defer { server.stop() }
    let workspace = try Workspace.load(configPath: bench.exampleConfig, environment: [:])
    let sender = workspace.config.mail.fromAddress
    let messages = try benchmarkMessages(sender: sender)
    let folder = bench.scratch + "/smtp-messages"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (n, message) in messages.enumerated() { try Data(message.message).write(to: URL(fileURLWithPath: folder + "/\(n).eml")) }
    let passwordFile = bench.scratch + "/smtp-password"
    guard FileManager.default.createFile(atPath: passwordFile, contents: Data(SMTPSink.password.utf8),
                                         attributes: [.posixPermissions: 0o600]) else {
        throw BenchmarkError("could not write \(passwordFile)")
    }
    let transport = SMTPTransport(SMTPSettings(
        url: "smtp://127.0.0.1:\(server.port)", heloName: "koers.example.org", username: SMTPSink.user,
        password: try SMTPSecret(file: passwordFile), caFile: server.certificate))
    let devNull = FileHandle(forWritingAtPath: "/dev/null")!
    let log = Log { line in devNull.write(Data(line.utf8)) }

    var databases = 0
    func freshStore() throws -> Store {
        databases += 1
        return try Store(path: bench.scratch + "/outbox/\(databases).sqlite")
    }
    func enqueue(_ store: Store) throws {
        for message in messages where try !store.enqueue(message, at: outboxNow) {
            throw BenchmarkError("the outbox already held \(message.key)")
        }
    }
    /// The daemon's send rounds until every message is sent.
    func drain(_ service: ReminderService) throws {
        var sent = 0
        while sent < messages.count {
            let report = try service.sendDue(now: outboxNow)
            guard report.sent > 0, report.retrying == 0, report.failed == 0 else {
                throw BenchmarkError("a send round did not deliver everything: \(report)")
            }
            sent += report.sent
        }
    }

    let enqueued = try timed("enqueue 1000 mails into the outbox", prepare: freshStore, enqueue)
    let inserted = try timed("1000 INSERTs, a commit each", prepare: { try Database(path: try freshStore().path) }) { database in
        let insert = try database.prepare("""
            INSERT INTO outbox (key, person, recipient, subject, message, message_id, status, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
            """)
        let stamp = SQLiteValue.text(Timestamp.format(outboxNow))
        for m in messages {
            try insert.run([.text(m.key), .text(m.person), .text(m.recipient), .text(m.subject), .blob(m.message),
                            .text(m.messageID), stamp, stamp])
        }
    }

    var connections: [Int] = []
    func sendSample(_ name: String, through transport: any MailTransport) throws -> Sample {
        let before = try server.connections()
        let sample = try timed(name, prepare: { () throws -> (Store, ReminderService) in
            let store = try freshStore()
            return (store, ReminderService(workspace: workspace, store: store, transport: transport, log: log))
        }) { store, service in
            try enqueue(store)
            try drain(service)
        }
        connections.append((try server.connections() - before) / (timedRuns + 1))
        return sample
    }
    let reused = try sendSample("enqueue+send 1000 mails over SMTP, reused connections", through: transport)
    let separate = try sendSample("enqueue+send 1000 mails over SMTP, a connection each",
                                  through: ConnectionPerMessage(transport: transport))
    let smtplibReused = try server.smtplib(messages: folder, count: messages.count, sender: sender, connectionEach: false)
    let smtplibSeparate = try server.smtplib(messages: folder, count: messages.count, sender: sender, connectionEach: true)

    let bytes = Format.bytes(messages.map(\.message.count).reduce(0, +))
    let delivery = "STARTTLS+AUTH, \(bytes) stored by the sink; "
    return [
        Row(id: "outbox-enqueue-1000", sample: enqueued, baseline: inserted,
            detail: "\(messages.count) messages, \(bytes), a reminder each, a commit each"),
        Row(id: "outbox-smtp-1000-reused", sample: reused, baseline: smtplibReused,
            detail: delivery + "\(connections[0]) connections a run (500 a round)"),
        Row(id: "outbox-smtp-1000-separate", sample: separate, baseline: smtplibSeparate,
            detail: delivery + "\(connections[1]) connections a run"),
    ]
}

/// The moment messages are queued and sent at: they are due at once.
private let outboxNow = Date(timeIntervalSince1970: 1_790_000_000)

/// A digest-sized reminder mail (3 KiB) to each of 1,000 people, built as the daemon builds them,
/// ready for the outbox.
private func benchmarkMessages(sender: String) throws -> [Store.NewMessage] {
    let text = String(repeating: "Dit is een herinnering aan een stap in de ontwikkelagenda. ", count: 20)
    return try (0..<1000).map { n in
        let key = "benchmark-\(n)"
        let message = MailMessage(
            from: MailAddress(name: "Koers", address: sender),
            to: [MailAddress(name: "Persoon \(n)", address: "p\(n)@example.org")],
            subject: "Herinnering: lesbezoek over twee weken", date: outboxNow,
            messageID: MessageBuilder.messageID(forKey: key, domain: "koers.example.org"),
            text: text, html: "<p>" + text + "</p>")
        return Store.NewMessage(key: key, person: "p\(n)", recipient: "p\(n)@example.org", subject: message.subject,
                                message: try MessageBuilder.build(message, timeZone: TimeZone(identifier: "Europe/Amsterdam")!),
                                messageID: message.messageID, reminderKeys: ["benchmark-step-\(n)"],
                                sendOn: LocalDate("2026-09-21")!)
    }
}

/// Runs after the warm-up run: a run takes seconds.
private let timedRuns = 3

/// One warm-up run, then `timedRuns`; `prepare` (not timed) makes each run's input.
private func timed<Input>(_ name: String, prepare: () throws -> Input, _ body: (Input) throws -> Void) throws -> Sample {
    let clock = ContinuousClock()
    var durations: [Duration] = []
    for run in 0...timedRuns {
        let input = try prepare()
        let duration = try clock.measure { try body(input) }
        if run > 0 { durations.append(duration) }
    }
    return Sample(name: name, durations: durations)
}

/// `transport` without connection reuse: every `send` opens a session of its own (a connection
/// with EHLO, STARTTLS and AUTH), sends, and closes it. Lets the daemon's own `sendDue` send a
/// connection per message.
private struct ConnectionPerMessage: MailTransport {
    let transport: SMTPTransport

    var description: String { transport.description + ", a connection per message" }

    func openSession(stop: DeliveryStop) -> MailSession { Session(transport: transport, stop: stop) }

    private final class Session: MailSession {
        let transport: SMTPTransport
        let stop: DeliveryStop
        init(transport: SMTPTransport, stop: DeliveryStop) {
            self.transport = transport
            self.stop = stop
        }

        func send(from envelopeFrom: String, to recipient: String, message: [UInt8]) -> DeliveryOutcome {
            let session = transport.openSession(stop: stop)
            defer { session.close() }
            return session.send(from: envelopeFrom, to: recipient, message: message)
        }

        func close() {}
    }
}
