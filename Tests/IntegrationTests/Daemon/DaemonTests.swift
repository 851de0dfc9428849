import Foundation
@testable import KoersStore
import KoersTestSupport
import Testing

/// The real `koers run` process: a real SMTP server with STARTTLS and AUTH, real signals, a real
/// crash. The demo agenda has ten people to remind of the September 2024 zelfscan at 08:00 on
/// 29 August 2024; each daemon starts its clock a few seconds before. What the loop does without a
/// real process (midnight, a reload, a change to the database) is `DaemonLoopTests`.
@Suite("The reminder daemon", .serialized)
struct DaemonTests {
    static let justBeforeEight = "2024-08-29T07:59:57+02:00"
    static let from = #"{ "name": "Koers — OOK", "address": "koers@example.org" }"#

    @Test("Due reminders reach a real SMTP server over STARTTLS with AUTH, and a restart sends none again")
    func smtpOnce() throws {
        let server = try SMTPTestServer(.accept)
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("koers-pw-\(UUID().uuidString)").path
        try (SMTPTestServer.password + "\n").write(toFile: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: secret) }
        let daemon = try DaemonProcess(mail: """
            { "from": \(Self.from), "transport": "smtp",
              "smtp": { "url": "\(server.url)", "heloName": "koers.test", "username": "\(SMTPTestServer.user)",
                        "passwordFile": "\(secret)", "caFile": "\(server.certificate)", "timeoutSeconds": 10 } }
            """)
        try daemon.start(now: Self.justBeforeEight)
        #expect(DaemonProcess.eventually { server.messages.count >= 10 }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        let messages = server.messages
        #expect(messages.count == 10)
        #expect(messages.allSatisfy { $0.tls && $0.login == SMTPTestServer.user && $0.recipients.count == 1 })
        #expect(Set(messages.flatMap(\.recipients)).count == 10, "one digest per person")
        #expect(Set(messages.map(\.connection)).count == 1, "one connection for the batch")
        let text = String(decoding: messages[0].bytes, as: UTF8.self)
        #expect(text.contains("Auto-Submitted: auto-generated"))
        #expect(text.contains("Zelfscan"))
        #expect(!daemon.log.contains("@example.org"), "no addresses in the log")

        // Restarted later that morning: everything is already handled. Its first turn is done
        // when it records the turn's moment.
        try daemon.start(now: "2024-08-29T09:00:00+02:00")
        #expect(DaemonProcess.eventually { daemon.daemonValue("last-run").map { $0 >= "2024-08-29T07:00" } ?? false }, "\(daemon.log)")
        daemon.signal(SIGINT)
        #expect(daemon.waitForExit() == 0)
        #expect(server.messages.count == 10)
    }

    @Test("Killed with SIGKILL in the middle of a batch, then restarted: every message arrives, at most one twice")
    func crashMidBatch() throws {
        let tools = FileManager.default.temporaryDirectory.appendingPathComponent("koers-sendmail-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tools) }
        let delivered = tools + "/delivered"
        // A slow local mail program: each message takes 0.4 s, then its Message-ID is recorded.
        let sendmail = tools + "/sendmail"
        try """
        #!/bin/sh
        id=$(grep -m1 -i '^Message-ID:' | tr -d '\\r')
        sleep 0.4
        echo "$id" >> \(delivered)
        """.write(toFile: sendmail, atomically: true, encoding: .utf8)
        chmod(sendmail, 0o755)
        let daemon = try DaemonProcess(mail: #"{ "from": \#(Self.from), "transport": "sendmail", "sendmail": "\#(sendmail)" }"#)
        func deliveredIDs() -> [String] {
            ((try? String(contentsOfFile: delivered, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        try daemon.start(now: Self.justBeforeEight)
        #expect(DaemonProcess.eventually { deliveredIDs().count >= 3 })
        daemon.signal(SIGKILL)
        _ = daemon.waitForExit()
        let beforeRestart = deliveredIDs().count
        #expect(beforeRestart < 10, "the kill came mid-batch")

        try daemon.start(now: "2024-08-29T08:05:00+02:00")
        #expect(DaemonProcess.eventually { Set(deliveredIDs()).count == 10 }, "\(daemon.log)")
        // Its first turn, which sends all that is left, is done when it records the turn's moment.
        #expect(DaemonProcess.eventually { daemon.daemonValue("last-run").map { $0 >= "2024-08-29T06:05" } ?? false }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        let ids = deliveredIDs()
        #expect(Set(ids).count == 10)
        #expect(ids.count <= 11, "at most the message in flight at the kill is sent twice: \(ids.count)")
    }

    @Test("SIGTERM during a send finishes that message and stops with exit 0")
    func stopDuringSend() throws {
        let tools = FileManager.default.temporaryDirectory.appendingPathComponent("koers-sendmail-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tools) }
        let delivered = tools + "/delivered"
        let sendmail = tools + "/sendmail"
        try "#!/bin/sh\ncat > /dev/null\nsleep 0.5\necho ok >> \(delivered)\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        chmod(sendmail, 0o755)
        let daemon = try DaemonProcess(mail: #"{ "from": \#(Self.from), "transport": "sendmail", "sendmail": "\#(sendmail)" }"#)
        try daemon.start(now: Self.justBeforeEight)
        #expect(DaemonProcess.eventually { FileManager.default.fileExists(atPath: delivered) })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        let count = ((try? String(contentsOfFile: delivered, encoding: .utf8)) ?? "").split(separator: "\n").count
        #expect(count < 10, "stopped before the batch was done")
        #expect(daemon.log.contains("stopping"))
        // What was left is still queued, not lost.
        let store = try Store(path: daemon.folder + "/koers.sqlite")
        #expect(try store.outboxCounts()[.pending] == 10 - count)
    }
}
