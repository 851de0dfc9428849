import Foundation
@testable import KoersCLI
@testable import KoersFormats
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport
import Testing

/// The daemon's loop (`Daemon.run`) in the test process on a clock the test moves: what it sleeps
/// until, what wakes it, and what it does then. The bundled agenda with the demo history on a real
/// database, mail written by the file transport; no real second passes while it sleeps. Real
/// signals, SIGKILL and a real SMTP server are `DaemonTests`.
@Suite("The daemon's loop, in-process on a clock the test moves")
struct DaemonLoopTests {
    static func moment(_ text: String) -> Date { Timestamp.parse(text)! }

    /// Records a status change on a connection of its own, and closes it, as `koers set` does.
    static func record(config: String, _ step: String, _ kind: StepStatus.Kind, note: String? = nil, at time: String) throws {
        let workspace = try Workspace.load(configPath: config, environment: [:])
        let store = try Store(path: workspace.config.databasePath)
        let (entry, placed) = try AgendaSet(workspace: workspace, store: store).resolve(step)
        _ = try store.record(agenda: entry.agenda.id, step: placed, to: kind, target: nil, at: moment(time), recordedAt: moment(time),
                             by: "c.jansen", note: note, timeZone: workspace.config.timeZone)
    }

    @Test("It sleeps until the next due moment, then wakes and sends what is due, and sleeps on until midnight; a stop ends it")
    func wakesWhenDue() throws {
        let installation = try DaemonProcess(mail: DaemonProcess.fileMail)
        let daemon = InProcessDaemon(installation, now: "2024-08-29T07:59:57+02:00")
        let first = try #require(daemon.start(), "\(daemon.log)")
        #expect(first.until == Self.moment("2024-08-29T08:00:00+02:00"))
        #expect(installation.mailFiles.isEmpty, "nothing is due before 08:00")
        #expect(daemon.notifications.all == ["READY next due 2024-08-29T06:00:00.000Z"])

        let second = try #require(daemon.advance(to: "2024-08-29T08:00:00+02:00", after: first), "\(daemon.log)")
        #expect(installation.mailFiles.count == 10, "\(daemon.log)")
        #expect(daemon.log.contains("sent 10, retrying 0, failed 0"))
        #expect(second.until == Self.moment("2024-08-30T00:00:00+02:00"), "nothing else today: it wakes at midnight")

        #expect(daemon.stop() == .stopped)
        #expect(RunCommand.exitCode(.stopped) == .ok)
        #expect(daemon.log.contains("stopping"))
        #expect(daemon.notifications.all.last == "STOPPING")
        #expect(installation.mailFiles.count == 10)
    }

    @Test("The site is written again at midnight, when 'late' changes with the date, also with no mail due")
    func siteAtMidnight() throws {
        let installation = try DaemonProcess(mail: DaemonProcess.fileMail, reports: #"{ "siteFolder": "site" }"#)
        try installation.markRunning(through: "2024-06-30", at: "2024-06-30T23:00:00+02:00")
        // KC-C4 was planned for 2024-H1 and is still open: from 1 July on the site calls it late.
        let daemon = InProcessDaemon(installation, now: "2024-06-30T23:59:55+02:00")
        let page = installation.folder + "/site/index.html"
        func text() -> String { (try? String(contentsOfFile: page, encoding: .utf8)) ?? "" }
        let first = try #require(daemon.start(), "\(daemon.log)")
        #expect(first.until == Self.moment("2024-07-01T00:00:00+02:00"))
        #expect(daemon.log.components(separatedBy: "site written").count == 2, "\(daemon.log)")
        #expect(text().contains("KC-C4") && !text().contains("te laat sinds 1 juli 2024"))

        let second = try #require(daemon.advance(to: "2024-07-01T00:00:00+02:00", after: first), "\(daemon.log)")
        #expect(daemon.log.components(separatedBy: "site written").count == 3, "written again after midnight: \(daemon.log)")
        #expect(text().contains("te laat sinds 1 juli 2024"))
        #expect(installation.mailFiles.isEmpty)
        #expect(second.until > first.until)
        #expect(daemon.stop() == .stopped)
    }

    @Test("A change another process commits to the database wakes it to plan again: a reminder no longer due is not waited for")
    func databaseChangeWakes() throws {
        let installation = try DaemonProcess(mail: DaemonProcess.fileMail)
        try installation.markRunning(through: "2024-09-08", at: "2024-09-09T06:00:00+02:00")
        // At 08:00 the Co-OP'er is to be reminded of KC-C4, overdue.
        let daemon = InProcessDaemon(installation, now: "2024-09-09T07:00:00+02:00", watchDatabase: true)
        let first = try #require(daemon.start(), "\(daemon.log)")
        #expect(first.until == Self.moment("2024-09-09T08:00:00+02:00"))

        // `koers set KC-C4 done` from the command line: another connection commits, and closes.
        try Self.record(config: installation.config, "KC-C4", .done, at: "2024-09-09T07:00:00+02:00")

        let midnight = Self.moment("2024-09-10T00:00:00+02:00")
        let replanned = try #require(daemon.clock.sleep(after: first) { $0.until == midnight },
                                     "woken by the commit, nothing is due today any more: \(daemon.log)")
        _ = try #require(daemon.advance(to: "2024-09-10T00:00:00+02:00", after: replanned), "\(daemon.log)")
        #expect(installation.mailFiles.isEmpty, "no reminder of a step that is done")
        #expect(daemon.stop() == .stopped)
    }

    @Test("A change another process commits while a turn is under way is not lost: the loop plans again and the site shows it")
    func changeDuringTurn() throws {
        let installation = try DaemonProcess(mail: DaemonProcess.fileMail)
        let config = installation.config
        // When the 08:00 turn has written the site and sent the digests, and before it ends, the
        // Co-OP'er records progress from the command line.
        let daemon = InProcessDaemon(installation, now: "2024-08-29T07:59:57+02:00", watchDatabase: true) { line in
            guard line.contains("sent 10, retrying 0, failed 0") else { return }
            try? Self.record(config: config, "KC-C4", .done, note: "Besproken in het MT", at: "2024-08-29T08:00:00+02:00")
        }
        let steps = installation.folder + "/site/stappen.html"
        func recorded() -> Bool { ((try? String(contentsOfFile: steps, encoding: .utf8)) ?? "").contains("Besproken in het MT") }
        let first = try #require(daemon.start(), "\(daemon.log)")
        _ = try #require(daemon.advance(to: "2024-08-29T08:00:00+02:00", after: first), "\(daemon.log)")
        #expect(installation.mailFiles.count == 10)
        #expect(try installation.statusEventCount() == DaemonProcess.demoHistoryEvents + 1, "recorded during the turn")
        #expect(daemon.clock.sleep(after: first, limit: 10) { _ in recorded() } != nil, "the site shows the change: \(daemon.log)")
        #expect(daemon.stop() == .stopped)
    }

    @Test("A reload (SIGHUP) with a broken configuration is refused: the loop goes on with the previous one and sends on it")
    func brokenReload() throws {
        let installation = try DaemonProcess(mail: DaemonProcess.fileMail)
        let daemon = InProcessDaemon(installation, now: "2024-08-29T07:59:50+02:00")
        let first = try #require(daemon.start(), "\(daemon.log)")
        let good = try String(contentsOfFile: installation.config, encoding: .utf8)
        try good.replacingOccurrences(of: "\"timeZone\"", with: "\"tijdzone\"")
            .write(toFile: installation.config, atomically: true, encoding: .utf8)

        daemon.wakeup.post(.reload)
        let second = try #require(daemon.clock.sleep(after: first), "\(daemon.log)")
        #expect(daemon.log.contains("reload refused"), "\(daemon.log)")
        #expect(daemon.log.contains("unknown key \"tijdzone\""))
        #expect(Array(daemon.notifications.all.dropFirst()) == ["RELOADING", "READY reloaded", "STATUS next due 2024-08-29T06:00:00.000Z"])
        #expect(second.until == Self.moment("2024-08-29T08:00:00+02:00"), "still planning on the previous configuration")

        _ = try #require(daemon.advance(to: "2024-08-29T08:00:00+02:00", after: second), "\(daemon.log)")
        #expect(installation.mailFiles.count == 10, "still sending on the previous configuration: \(daemon.log)")
        #expect(daemon.stop() == .stopped)
    }

    @Test("A turn that fails (the database refuses a write) is logged and tried again a minute later, without a change to wake it")
    func failedTurnRetries() throws {
        let installation = try DaemonProcess(mail: DaemonProcess.fileMail)
        let daemon = InProcessDaemon(installation, now: "2024-08-29T07:59:57+02:00")
        let first = try #require(daemon.start(), "\(daemon.log)")
        let database = try Database(path: installation.databasePath)
        try database.execute("CREATE TRIGGER refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")

        let failed = try #require(daemon.advance(to: "2024-08-29T08:00:00+02:00", after: first), "\(daemon.log)")
        #expect(daemon.log.contains("this round failed; trying again in a minute"), "\(daemon.log)")
        #expect(daemon.log.contains("refused by the test"))
        #expect(failed.until == Self.moment("2024-08-29T08:01:00+02:00"))
        #expect(installation.mailFiles.isEmpty)
        #expect(installation.daemonValue("last-error")?.hasPrefix("2024-08-29T06:00:00.000Z") == true)

        try database.execute("DROP TRIGGER refuse")
        _ = try #require(daemon.advance(to: "2024-08-29T08:01:00+02:00", after: failed), "\(daemon.log)")
        #expect(installation.mailFiles.count == 10, "\(daemon.log)")
        let outbox = try installation.outboxMessages()
        #expect(outbox.count == 10 && outbox.allSatisfy { $0.status == .sent && $0.attempts == 1 })
        #expect(daemon.stop() == .stopped)
    }

    @Test("It does not start beside another daemon on the same database, nor on a broken configuration; the command line makes those exit 75 and 65")
    func notStarted() throws {
        let installation = try DaemonProcess(mail: DaemonProcess.fileMail)
        let running = InProcessDaemon(installation, now: "2024-08-29T07:59:57+02:00")
        try #require(running.start() != nil, "\(running.log)")
        let second = InProcessDaemon(installation, now: "2024-08-29T07:59:57+02:00")
        #expect(second.start() == nil)
        #expect(second.ended() == .alreadyRunning)
        #expect(second.log.contains("another koers daemon"), "\(second.log)")
        #expect(RunCommand.exitCode(.alreadyRunning) == .busy)
        #expect(running.stop() == .stopped)

        let good = try String(contentsOfFile: installation.config, encoding: .utf8)
        try good.replacingOccurrences(of: "\"timeZone\"", with: "\"tijdzone\"")
            .write(toFile: installation.config, atomically: true, encoding: .utf8)
        let broken = InProcessDaemon(installation, now: "2024-08-29T07:59:57+02:00")
        #expect(broken.start() == nil)
        #expect(broken.ended() == .invalidConfiguration)
        #expect(RunCommand.exitCode(.invalidConfiguration) == .invalidData)
        #expect(RunCommand.exitCode(.storageFailure) == .storage)
    }
}
