import Foundation
@testable import KoersCLI
@testable import KoersFormats
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport
import Testing

/// The database is locked by a long transaction of another process (a big `koers history import`,
/// a slow disk): here the test process holds `BEGIN IMMEDIATE` through the project's own `Store`,
/// records a status change in it, and commits only after the others have hit the lock.
///
/// Expected: `koers set` gives up after the busy timeout with exit 75 and says to try again; the
/// daemon logs the error and runs its round again when the lock holder commits (the commit wakes
/// it), so every message goes out; nothing recorded by anyone is lost.
@Suite("Fault: the database is locked by a long transaction", .serialized)
struct DatabaseBusyFaultTests {
    /// A step that is planned in the demo history and may start on 15 October 2024.
    static let heldStep = "LL-B2"

    /// Runs `body` inside a write transaction on the installation's database, as a long command
    /// would, and records a change to `heldStep` in it before committing.
    static func holdingTheLock(_ daemon: DaemonProcess, _ body: () throws -> Void) throws {
        let store = try Store(path: daemon.databasePath)
        let workspace = try Workspace.load(configPath: daemon.config, environment: [:])
        let (entry, step) = try AgendaSet(workspace: workspace, store: store).resolve(heldStep)
        let tz = workspace.config.timeZone
        let moment = tz.moment(LocalDate("2024-10-15")!, hour: 12)
        try store.write {
            try body()
            try store.record(agenda: entry.agenda.id, step: step, to: .inProgress, target: nil, at: moment, recordedAt: moment,
                             by: "c.jansen", note: "Vastgelegd in een lange invoer", timeZone: tz)
        }
    }

    @Test("While a long transaction holds the database: koers set exits 75 and says to try again, the daemon logs it and sends everything once the holder commits, and nothing recorded is lost")
    func lockedWhenDue() throws {
        let daemon = try DaemonProcess(mail: DaemonProcess.fileMail)
        try daemon.start(now: "2024-08-29T07:59:54+02:00")
        // The first round is done and the daemon sleeps until 08:00, when ten digests are due.
        #expect(DaemonProcess.eventually(60) { daemon.daemonValue("next-due") == "2024-08-29T06:00:00.000Z" }, "\(daemon.log)")
        try #require(daemon.mailFiles.isEmpty, "the daemon reached 08:00 before the lock was taken: \(daemon.log)")

        try Self.holdingTheLock(daemon) {
            let refused = try daemon.output(["--now", "2024-10-15", "set", "LO-A3", "in-progress"])
            #expect(refused.status == ExitCode.busy.rawValue, "\(refused.stderr)")
            #expect(refused.stderr.contains("The database is busy"), "\(refused.stderr)")
            #expect(refused.stderr.contains("Wait a moment and try again"), "\(refused.stderr)")
            // At 08:00 the daemon wants to queue the digests and waits out the busy timeout.
            #expect(DaemonProcess.eventually(120) { daemon.log.contains("The database is busy") }, "\(daemon.log)")
            #expect(daemon.log.contains("trying again in a minute, or sooner when the database changes"))
            #expect(daemon.mailFiles.isEmpty, "nothing is sent while the database cannot record it")
        }

        #expect(DaemonProcess.eventually(120) { daemon.mailFiles.count == 10 }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(limit: 60) == 0)
        let outbox = try daemon.outboxMessages()
        #expect(outbox.count == 10 && outbox.allSatisfy { $0.status == .sent && $0.attempts == 1 }, "each digest sent once")
        #expect(try daemon.statusEventCount() == DaemonProcess.demoHistoryEvents + 1, "the lock holder's change is kept")
        // The refused command recorded nothing; run again, it is recorded.
        #expect(try daemon.cli(["--now", "2024-10-15", "set", "LO-A3", "in-progress"]) == 0)
        #expect(try daemon.statusEventCount() == DaemonProcess.demoHistoryEvents + 2)
        #expect(try daemon.integrityProblems() == [])
    }

    @Test("Locked while a message is with the mail program: its outcome cannot be recorded, and it is sent again in the next round (at most that one twice), not left in flight until a restart")
    func lockedDuringSend() throws {
        let tools = FileManager.default.temporaryDirectory.appendingPathComponent("koers-sendmail-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tools) }
        // A mail program that takes each message, notes its Message-ID, and delivers it once the
        // test creates `go`.
        let sendmail = tools + "/sendmail"
        try """
        #!/bin/sh
        id=$(grep -m1 -i '^Message-ID:' | tr -d '\\r')
        echo "$id" >> \(tools)/taken
        while [ ! -e \(tools)/go ]; do sleep 0.05; done
        echo "$id" >> \(tools)/delivered
        """.write(toFile: sendmail, atomically: true, encoding: .utf8)
        chmod(sendmail, 0o755)
        func lines(_ name: String) -> [String] {
            ((try? String(contentsOfFile: tools + "/" + name, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        let daemon = try DaemonProcess(mail: """
            { "from": { "name": "Koers — OOK", "address": "koers@example.org" }, "transport": "sendmail", "sendmail": "\(sendmail)" }
            """)
        try daemon.start(now: "2024-08-29T07:59:58+02:00")
        #expect(DaemonProcess.eventually(60) { lines("taken").count == 1 }, "\(daemon.log)")
        let inFlight = try #require(lines("taken").first)

        try Self.holdingTheLock(daemon) {
            #expect(FileManager.default.createFile(atPath: tools + "/go", contents: nil))
            #expect(DaemonProcess.eventually(60) { lines("delivered").count == 1 })
            // Delivered, but the daemon cannot record it.
            #expect(DaemonProcess.eventually(120) { daemon.log.contains("The database is busy") }, "\(daemon.log)")
            #expect(lines("delivered") == [inFlight], "nothing else is sent while the database cannot record it")
        }

        #expect(DaemonProcess.eventually(120) { Set(lines("delivered")).count == 10 }, "\(daemon.log)")
        #expect(DaemonProcess.eventually(60) { (try? daemon.outboxMessages().allSatisfy { $0.status == .sent }) == true },
                "nothing left in flight: \(String(describing: try? daemon.outboxMessages().map(\.status)))")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(limit: 60) == 0)
        let delivered = lines("delivered")
        #expect(Set(delivered).count == 10)
        #expect(delivered.count <= 11, "at most the message in flight at the lock is sent twice")
        #expect(delivered.filter { $0 == inFlight }.count == delivered.count - 9, "a second copy can only be the one in flight")
        #expect(try daemon.statusEventCount() == DaemonProcess.demoHistoryEvents + 1)
        #expect(try daemon.integrityProblems() == [])
    }
}
