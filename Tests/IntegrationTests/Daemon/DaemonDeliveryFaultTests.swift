import Foundation
@testable import KoersModel
@testable import KoersServices
@testable import KoersStore
import KoersTestSupport
import Testing

/// The real `koers run` against a real SMTP server that answers 451 (try again later) or 550 (no
/// such user), refuses the password, or hangs: what the outbox promises in docs/administration.md,
/// and what `koers status` tells the administrator meanwhile, checked on the daemon as a whole.
///
/// The daemon's clock (`--now`) runs at real speed and the first back-off is a minute. Rather than
/// wait for it, the retry test restarts the daemon with its clock three seconds before the retry
/// moment the outbox recorded: the daemon finds nothing due, sleeps until that moment by itself,
/// wakes and sends. The outbox lives in the database, so a restart is how it would go after a
/// reboot as well.
@Suite("The reminder daemon when the mail server refuses or hangs", .serialized)
struct DaemonDeliveryFaultTests {
    static let justBeforeEight = "2024-08-29T07:59:57+02:00"
    static let from = #"{ "name": "Koers — OOK", "address": "koers@example.org" }"#

    /// An installation mailing through the SMTP server at `url` (STARTTLS, AUTH, its certificate).
    static func daemon(url: String, certificate: String, password: String = SMTPTestServer.password,
                       timeoutSeconds: Int = 10) throws -> (DaemonProcess, secret: String) {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("koers-pw-\(UUID().uuidString)").path
        try (password + "\n").write(toFile: secret, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(mail: """
            { "from": \(from), "transport": "smtp",
              "smtp": { "url": "\(url)", "heloName": "koers.test", "username": "\(SMTPTestServer.user)",
                        "passwordFile": "\(secret)", "caFile": "\(certificate)", "timeoutSeconds": \(timeoutSeconds) } }
            """)
        return (daemon, secret)
    }

    /// `koers status --json`, the parts about delivery.
    struct Status: Decodable {
        struct DeliveryError: Decodable {
            var at: String
            var kind: String
            var summary: String
            var text: String
            var waiting: Int
            var nextAttempt: String?
        }
        var deliveryError: DeliveryError?
        var outbox: [String: Int]
    }

    /// `koers status` as text and as JSON, with their exit statuses.
    static func status(_ daemon: DaemonProcess) throws -> (text: String, textStatus: Int32, json: Status, jsonStatus: Int32) {
        let text = try daemon.output(["status"])
        let json = try daemon.output(["status", "--json"])
        return (text.stdout, text.status, try JSONDecoder().decode(Status.self, from: Data(json.stdout.utf8)), json.status)
    }

    struct OutboxLine: Decodable {
        var id: Int64
        var status: String
        var person: String
        var subject: String
        var attempts: Int
        var nextAttemptAt: String
        var lastResponse: String?
        var createdAt: String
    }

    /// `koers outbox --json` (with `--all`: also what was sent).
    static func outbox(_ daemon: DaemonProcess, all: Bool = false) throws -> [OutboxLine] {
        let r = try daemon.output(["--now", "2024-09-30", "outbox", "--json"] + (all ? ["--all"] : []))
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode([OutboxLine].self, from: Data(r.stdout.utf8))
    }

    static func messageID(_ bytes: [UInt8]) -> String? {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
            .first { $0.lowercased().hasPrefix("message-id:") }
    }

    @Test("451 for the first message: the others go at once, it is retried after the back-off, and each arrives exactly once")
    func tempfailThenAccept() throws {
        let server = try SMTPTestServer(.tempfailThenAccept, tempfail: 1)
        let (daemon, secret) = try Self.daemon(url: server.url, certificate: server.certificate)
        defer { try? FileManager.default.removeItem(atPath: secret) }

        try daemon.start(now: Self.justBeforeEight)
        #expect(DaemonProcess.eventually { daemon.log.contains("sent 9, retrying 1, failed 0") }, "\(daemon.log)")
        #expect(server.messages.count == 9)
        #expect(daemon.log.contains("retrying in 60 s"))
        let waiting = try Self.outbox(daemon)
        #expect(waiting.count == 1)
        let retry = try #require(waiting.first)
        #expect(retry.status == "pending" && retry.attempts == 1)
        #expect(retry.lastResponse?.hasPrefix("451 4.3.0") == true, "\(retry.lastResponse ?? "")")
        let queuedAt = try #require(Timestamp.parse(retry.createdAt))
        let retryAt = try #require(Timestamp.parse(retry.nextAttemptAt))
        #expect(abs(retryAt.timeIntervalSince(queuedAt) - 60) < 0.01, "first back-off: one minute after the attempt")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)

        // Three seconds before the retry is due: nothing to do at start; the daemon wakes for it.
        try daemon.start(now: Timestamp.format(retryAt.addingTimeInterval(-3)))
        #expect(DaemonProcess.eventually { daemon.log.contains("sent 1, retrying 0, failed 0") }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)

        let messages = server.messages
        #expect(messages.count == 10)
        let recipients = messages.flatMap(\.recipients)
        #expect(Set(recipients).count == 10 && recipients.count == 10, "one digest per person, none twice: \(recipients)")
        #expect(messages.last?.recipients == ["\(retry.person)@example.org"], "the refused one came last")
        #expect(Set(messages.compactMap { Self.messageID($0.bytes) }).count == 10)
        #expect(try Self.outbox(daemon).isEmpty, "nothing pending or failed")
        let sent = try Self.outbox(daemon, all: true)
        #expect(sent.count == 10 && sent.allSatisfy { $0.status == "sent" })
        #expect(sent.first { $0.id == retry.id }?.attempts == 2)
        #expect(sent.filter { $0.id != retry.id }.allSatisfy { $0.attempts == 1 })
    }

    @Test("550 for one recipient: that message is marked failed, the others are delivered, and the Co-OP'er's next digest lists it")
    func rejectOneRecipient() throws {
        let rejected = "a.dewit@example.org"
        let server = try HarnessProcess(script: "smtp_server.py", arguments: ["--mode", "accept", "--reject-rcpt", rejected])
        let (daemon, secret) = try Self.daemon(url: "smtp://127.0.0.1:\(server.port)", certificate: server.certificate)
        defer { try? FileManager.default.removeItem(atPath: secret) }
        /// What arrived: recipients and message bytes, in order.
        func arrived() -> [(recipients: [String], bytes: [UInt8])] {
            server.jsonLines("log.jsonl").filter { $0["event"] as? String == "message" }.map { entry in
                let file = server.folder + "/" + (entry["file"] as? String ?? "")
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
                return (entry["rcpt_tos"] as? [String] ?? [], [UInt8](bytes))
            }
        }

        try daemon.start(now: Self.justBeforeEight)
        #expect(DaemonProcess.eventually { daemon.log.contains("sent 9, retrying 0, failed 1") }, "\(daemon.log)")
        #expect(daemon.log.contains("refused permanently"))
        #expect(!daemon.log.contains(rejected), "no addresses in the log")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        let first = arrived()
        #expect(first.count == 9)
        #expect(!first.flatMap(\.recipients).contains(rejected))
        let failed = try Self.outbox(daemon)
        #expect(failed.count == 1)
        #expect(failed.first?.status == "failed" && failed.first?.person == "a.dewit" && failed.first?.attempts == 1)
        #expect(failed.first?.lastResponse?.hasPrefix("550 5.1.1") == true, "\(failed.first?.lastResponse ?? "")")

        // The next moment anything is due is 6 September 2024, 08:00, with a digest for the Co-OP'er.
        // That is when the running daemon would wake next; a daemon started then does the same.
        try daemon.start(now: "2024-09-06T08:00:00+02:00")
        #expect(DaemonProcess.eventually { daemon.log.contains("sent 6, retrying 0, failed 1") }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)

        let second = Array(arrived().dropFirst(first.count))
        let toCoordinator = second.filter { $0.recipients == ["c.jansen@example.org"] }
        #expect(toCoordinator.count == 1, "one digest a day, failures included")
        let parsed = try MailTest.parse(try #require(toCoordinator.first).bytes)
        let digest = try #require(parsed.text)
        #expect(digest.contains("Deze berichten konden niet worden afgeleverd"))
        #expect(digest.contains(rejected))
        #expect(digest.contains("550 5.1.1"))
        #expect(digest.contains("Zelfscan"), "the failure comes with her reminders of that day")
        #expect(!second.flatMap(\.recipients).contains(rejected))

        // The first failure is reported; the new one (the 6 September digest for a.dewit) waits for the next digest.
        let store = try Store(path: daemon.folder + "/koers.sqlite")
        let unreported = try store.unreportedFailures()
        #expect(unreported.count == 1)
        #expect(unreported.first?.id != failed.first?.id)
        #expect(try Self.outbox(daemon).filter { $0.status == "failed" }.count == 2)
    }

    @Test("A wrong password: one login, not one per message; koers status exits 1 naming it while mail waits; fixed and reloaded, all goes out and status is 0")
    func wrongPassword() throws {
        let server = try SMTPTestServer(.accept)
        let (daemon, secret) = try Self.daemon(url: server.url, certificate: server.certificate, password: "not the password")
        defer { try? FileManager.default.removeItem(atPath: secret) }

        try daemon.start(now: Self.justBeforeEight)
        #expect(DaemonProcess.eventually { daemon.log.contains("authentication failed") }, "\(daemon.log)")
        // The 08:00 turn is done when it records its moment; the next is a minute later.
        #expect(DaemonProcess.eventually { daemon.daemonValue("last-run").map { $0 >= "2024-08-29T06:00" } ?? false }, "\(daemon.log)")
        #expect(server.logins == [false], "one login for the round: \(server.logins)")
        #expect(daemon.log.components(separatedBy: "authentication failed").count == 2, "logged once: \(daemon.log)")
        #expect(daemon.log.contains("10 message(s) wait, without an attempt counted, for the next try in 60 s"), "\(daemon.log)")
        let waiting = try Self.outbox(daemon)
        #expect(waiting.count == 10 && waiting.allSatisfy { $0.status == "pending" && $0.attempts == 0 })
        #expect(waiting.filter { $0.lastResponse != nil }.map { $0.lastResponse?.prefix(3) } == ["535"], "only the first was tried")
        #expect(Set(waiting.map(\.nextAttemptAt)).count == 1, "all wait for the same next try")

        let failing = try Self.status(daemon)
        #expect(failing.textStatus == 1 && failing.jsonStatus == 1)
        let line = failing.text.split(separator: "\n").first { $0.hasPrefix("delivery error ") }.map(String.init) ?? ""
        #expect(line.contains(": authentication failed (535 "), "\(failing.text)")
        #expect(line.hasSuffix("10 message(s) waiting, next try \(waiting[0].nextAttemptAt)"), "\(line)")
        let error = try #require(failing.json.deliveryError)
        #expect(error.kind == "authentication" && error.summary == "authentication failed" && error.waiting == 10)
        #expect(error.text.hasPrefix("535") && Timestamp.parse(error.at) != nil)
        #expect(!daemon.log.contains("@example.org") && !failing.text.contains("not the password"))
        let listing = try daemon.output(["--now", "2024-09-30", "outbox"]).stdout
        #expect(listing.hasPrefix("Waiting because of the delivery error at "), "\(listing)")
        #expect(listing.contains("authentication failed (535"), "\(listing)")

        // Fixed: the right password in the file and a reload. The held mail goes at once.
        try (SMTPTestServer.password + "\n").write(toFile: secret, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(DaemonProcess.eventually { server.messages.count == 10 }, "\(daemon.log)")
        #expect(daemon.log.contains("10 message(s) held back by mail server trouble are tried again now"), "\(daemon.log)")
        #expect(server.logins == [false, true])
        #expect(DaemonProcess.eventually { (try? Self.status(daemon).jsonStatus) == 0 })
        let healthy = try Self.status(daemon)
        #expect(healthy.textStatus == 0 && healthy.json.deliveryError == nil && healthy.json.outbox["sent"] == 10)
        #expect(healthy.text.contains("delivery error none since the last message sent"), "\(healthy.text)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test("A server that hangs, with a long timeout: SIGTERM stops the daemon within 10 s; the message stays queued untried and goes at the next start with the same Message-ID")
    func stopDuringHang() throws {
        let hanging = try SMTPTestServer(.hang)
        let (daemon, secret) = try Self.daemon(url: hanging.url, certificate: hanging.certificate, timeoutSeconds: 120)
        defer { try? FileManager.default.removeItem(atPath: secret) }

        try daemon.start(now: Self.justBeforeEight)
        #expect(DaemonProcess.eventually { hanging.connectionCount == 1 }, "\(daemon.log)")
        usleep(1_000_000)
        let stopped = Date()
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(limit: 60) == 0)
        let took = Date().timeIntervalSince(stopped)
        #expect(took < 10, "took \(took) s: \(daemon.log)")
        #expect(daemon.log.contains("cut off by the stop"), "\(daemon.log)")
        let queued = try daemon.outboxMessages()
        #expect(queued.count == 10 && queued.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.lastResponse == nil })
        #expect(try Self.status(daemon).json.deliveryError == nil, "a stop is no delivery error")

        // The next start, against a server that works: the same messages, with the same Message-IDs.
        let working = try SMTPTestServer(.accept)
        var config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: daemon.config))) as! [String: Any]
        var mail = config["mail"] as! [String: Any]
        var smtp = mail["smtp"] as! [String: Any]
        smtp["url"] = working.url
        smtp["caFile"] = working.certificate
        mail["smtp"] = smtp
        config["mail"] = mail
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: daemon.config))
        try daemon.start(now: "2024-08-29T08:05:00+02:00")
        #expect(DaemonProcess.eventually { working.messages.count == 10 }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        #expect(Set(working.messages.compactMap { CrashLoopFaultTests.messageID($0.bytes) }) == Set(queued.map(\.messageID)))
        #expect(try daemon.outboxMessages().allSatisfy { $0.status == .sent && $0.attempts == 1 })
    }
}
