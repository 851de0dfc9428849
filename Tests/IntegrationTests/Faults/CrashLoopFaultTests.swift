import Foundation
@testable import KoersServices
@testable import KoersSynthetic
import KoersTestSupport
import Testing

/// 200 digests in flight to a real SMTP server (STARTTLS, AUTH) while the daemon is killed with
/// SIGKILL at random moments, five times, each time restarted as systemd would.
///
/// The delivery guarantee of docs/administration.md, asserted as it is worded: nothing is lost; a
/// message is sent twice only if the process dies after the server accepted it and before the
/// database recorded that; only that one message is sent again, with the same Message-ID. So every
/// digest arrives, at most one more copy per kill, and a copy only of a message the kill left
/// `sending`.
///
/// The moments: the first kill falls a random time after the start, in planning or queueing the
/// 200 digests; the others once a random number of further messages has arrived. Two of those
/// land inside the window on purpose: the server holds back its reply to the message it just
/// stored (`--hold-file`), so the kill comes after its accept and before the daemon heard of it.
@Suite("Fault: the daemon is killed again and again with 200 messages in flight", .serialized)
struct CrashLoopFaultTests {
    static let seed: UInt64 = 20_240_829
    /// Schoolopleiders added to the example's ten recipients of the zelfscan reminder.
    static let extraSchoolopleiders = 190

    enum Moment: Equatable {
        /// A random delay after the start: planning and queueing.
        case afterStart
        /// Once a random number of further messages arrived: anywhere in the batch.
        case inBatch
        /// As `inBatch`, while the server holds back its reply to the last of them.
        case afterAccept
    }
    static let kills: [Moment] = [.afterStart, .afterAccept, .inBatch, .afterAccept, .inBatch]

    /// Adds the schoolopleiders to the installation's configuration: 200 people to remind at 08:00.
    static func addSchoolopleiders(to config: String) throws {
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: config))) as? [String: Any])
        var people = try #require(json["people"] as? [[String: Any]])
        for n in 1...extraSchoolopleiders {
            let id = String(format: "opleider%03d", n)
            people.append(["id": id, "name": "Schoolopleider \(n)", "email": "\(id)@example.org", "roles": ["schoolopleiders"]])
        }
        json["people"] = people
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: config))
    }

    /// The Message-ID header's value, without angle brackets, as the outbox keeps it.
    static func messageID(_ bytes: [UInt8]) -> String? {
        String(decoding: bytes.prefix(8192), as: UTF8.self).components(separatedBy: "\r\n")
            .first { $0.lowercased().hasPrefix("message-id:") }
            .map { $0.dropFirst("message-id:".count).trimmingCharacters(in: CharacterSet(charactersIn: " <>")) }
    }

    @Test("Killed five times at random moments with 200 digests to send: every digest arrives, and a second copy only of a message in flight at a kill, with the same Message-ID")
    func killedAtRandomMoments() throws {
        let hold = FileManager.default.temporaryDirectory.appendingPathComponent("koers-hold-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: hold) }
        let server = try HarnessProcess(script: "smtp_server.py", arguments: ["--mode", "accept", "--hold-file", hold])
        let (daemon, secret) = try DaemonDeliveryFaultTests.daemon(url: "smtp://127.0.0.1:\(server.port)", certificate: server.certificate)
        defer { try? FileManager.default.removeItem(atPath: secret) }
        try Self.addSchoolopleiders(to: daemon.config)
        /// What the server stored, in order: recipient and Message-ID of each message.
        func arrivals() -> [(recipient: String, messageID: String?)] {
            server.jsonLines("log.jsonl").filter { $0["event"] as? String == "message" }.map { entry in
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: server.folder + "/" + (entry["file"] as? String ?? "")))) ?? Data()
                return ((entry["rcpt_tos"] as? [String] ?? []).joined(separator: ","), Self.messageID([UInt8](bytes)))
            }
        }
        func arrivedCount() -> Int { server.jsonLines("log.jsonl").filter { $0["event"] as? String == "message" }.count }
        var random = SplitMix64(seed: Self.seed)
        var inFlightAtKills: [String] = []
        var heldAtKills: [String] = []

        for (round, moment) in Self.kills.enumerated() {
            try daemon.start(now: "2024-08-29T08:0\(round):00+02:00")
            switch moment {
            case .afterStart:
                #expect(DaemonProcess.eventually(120) { daemon.log.contains("started") }, "\(daemon.log)")
                usleep(UInt32(random.int(in: 0...1_500)) * 1000)
            case .inBatch, .afterAccept:
                let target = arrivedCount() + random.int(in: 1...40)
                if moment == .afterAccept { try String(target).write(toFile: hold, atomically: true, encoding: .utf8) }
                #expect(DaemonProcess.eventually(180) { arrivedCount() >= target }, "\(daemon.log)")
            }
            daemon.signal(SIGKILL)
            #expect(daemon.waitForExit(limit: 60) == SIGKILL, "killed, not exited")
            try? FileManager.default.removeItem(atPath: hold)
            let inFlight = try daemon.outboxMessages().filter { $0.status == .sending }.map(\.recipient)
            #expect(inFlight.count <= 1, "one message at a time is in flight")
            inFlightAtKills += inFlight
            if moment == .afterAccept {
                #expect(inFlight.count == 1 && inFlight.first == arrivals().last?.recipient,
                        "the kill came between the server's accept and the daemon's record of it")
                heldAtKills += inFlight
            }
        }

        try daemon.start(now: "2024-08-29T08:10:00+02:00")
        #expect(DaemonProcess.eventually(300) { Set(arrivals().map(\.recipient)).count == 200 }, "\(arrivedCount()) arrived: \(daemon.log)")
        #expect(DaemonProcess.eventually(60) { daemon.outboxCounts() == [.sent: 200] }, "\(daemon.outboxCounts())")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(limit: 60) == 0)

        let received = arrivals()
        let byRecipient = Dictionary(grouping: received, by: \.recipient)
        #expect(byRecipient.count == 200 && received.allSatisfy { !$0.recipient.contains(",") }, "every digest arrived, one per person")
        #expect(received.count - 200 <= Self.kills.count, "at most one copy more per kill: \(received.count) arrived")
        let copied = byRecipient.filter { $0.value.count > 1 }
        #expect(copied.values.allSatisfy { $0.count == 2 }, "never more than one copy more of a message")
        #expect(Set(copied.keys).isSubset(of: Set(inFlightAtKills)), "only a message in flight at a kill arrives twice")
        #expect(Set(heldAtKills).isSubset(of: Set(copied.keys)), "a message accepted before the kill but not recorded is sent again")
        #expect(copied.values.allSatisfy { Set($0.map(\.messageID)).count == 1 }, "a second copy has the same Message-ID")
        #expect(Set(received.compactMap(\.messageID)) == Set(try daemon.outboxMessages().map(\.messageID)))
        #expect(try daemon.integrityProblems() == [])
    }
}
