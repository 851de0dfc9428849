import Foundation
@testable import KoersFormats
@testable import KoersMail
@testable import KoersModel
@testable import KoersServices
@testable import KoersStore
import KoersTestSupport
import Testing

/// The clock jumps: forward after a suspend (or a machine that was off), back after NTP corrects a
/// clock that ran ahead. Koers reads time only through its clock, so a jump is a round at a much
/// later or earlier `now`: the daemon's round (`ReminderService`) called with such moments, and the
/// daemon's loop restarted on a clock days later or earlier (`InProcessDaemon`).
///
/// Expected: after a forward jump, what is still relevant is sent (one digest per person) and
/// what went stale is recorded, never sent; after a backward jump nothing is sent again (the
/// reminder keys are handled). Every reminder of the period is handled exactly once. The
/// installation is a daemon that has been running (its first start is `StartOverviewTests`).
///
/// What happens (the bundled agenda with the demo history): on 29 August 2024 at 08:00 ten people
/// are reminded of the September zelfscan ("over 3 dagen", relevant through 1 September); on
/// 6 September seven of the yearly report with feedforward (relevant until November); on
/// 9 September the Co-OP'er of the overdue step KC-C4.
@Suite("Fault: the clock jumps forward and back", .serialized)
struct ClockJumpFaultTests {
    static let tz = AgendaTimeZone.amsterdam

    static func local(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
        tz.moment(LocalDate(day)!, hour: hour, minute: minute)
    }

    struct Round: Equatable, CustomStringConvertible {
        var queued: Int
        var stale: Int
        var sent: Int
        var description: String { "queued \(queued), stale \(stale), sent \(sent)" }
    }

    @Test("The daemon's round, with the clock jumping a week forward, a day back, a week forward and a day back: exact messages, none skipped, none twice")
    func jumpsInProcess() throws {
        let installation = try DaemonProcess(mail: DaemonProcess.fileMail)
        let workspace = try Workspace.load(configPath: installation.config, environment: [:])
        let store = try Store(path: workspace.config.databasePath)
        let service = ReminderService(workspace: workspace, store: store,
                                      transport: FileTransport(folder: installation.folder + "/mail"), log: Log { _ in })
        try installation.markRunning(through: "2024-08-28")
        /// One round of the daemon at `now`: plan and queue, then send.
        func round(_ now: Date) throws -> Round {
            let (queued, stale) = try service.enqueueDue(now: now)
            return Round(queued: queued, stale: stale, sent: try service.sendDue(now: now).sent)
        }

        #expect(try round(Self.local("2024-08-28", 12)) == Round(queued: 0, stale: 0, sent: 0))
        #expect(try service.nextWake(after: Self.local("2024-08-28", 12)) == Self.local("2024-08-29", 8))

        // Suspended over 29 August: the zelfscan reminder ("over 3 dagen") is stale a week later.
        #expect(try round(Self.local("2024-09-04", 12)) == Round(queued: 0, stale: 10, sent: 0))
        // NTP puts the clock back a day: nothing again, and the next wake is still 6 September.
        #expect(try round(Self.local("2024-09-03", 12)) == Round(queued: 0, stale: 0, sent: 0))
        #expect(try service.nextWake(after: Self.local("2024-09-03", 12)) == Self.local("2024-09-06", 8))
        // Suspended another week: the 6 September reminders are still relevant, and the Co-OP'er's
        // 9 September reminder goes in the same digest as hers of the 6th: seven mails.
        #expect(try round(Self.local("2024-09-10", 12)) == Round(queued: 7, stale: 0, sent: 7))
        #expect(try round(Self.local("2024-09-09", 12)) == Round(queued: 0, stale: 0, sent: 0))
        #expect(try round(Self.local("2024-09-10", 13)) == Round(queued: 0, stale: 0, sent: 0))

        // Every reminder the planner has for those days was handled exactly once.
        let planner = service.planner(try TrajectoryBook(workspace: workspace, store: store))
        let planned = planner.reminders(for: try AgendaSet(workspace: workspace, store: store), config: workspace.config,
                                        from: LocalDate("2024-08-28")!, through: LocalDate("2024-09-10")!, now: Self.local("2024-09-10", 13))
        let handled = try store.database.rows("SELECT key, status FROM reminder ORDER BY key").map { ($0.text(0) ?? "", $0.text(1) ?? "") }
        #expect(planned.count == 18)
        #expect(Set(handled.map(\.0)) == Set(planned.map(\.key)) && handled.count == planned.count)
        #expect(handled.filter { $0.1 == "stale" }.count == 10)
        let outbox = try store.outbox(statuses: [.pending, .sending, .sent, .failed])
        #expect(outbox.count == 7 && outbox.allSatisfy { $0.status == .sent && $0.attempts == 1 })
        #expect(installation.mailFiles.count == 7)
    }

    @Test("koers run restarted twelve days later catches up in one digest per person, and restarted a day earlier sends nothing again")
    func jumpsAcrossRestarts() throws {
        let installation = try DaemonProcess(mail: DaemonProcess.fileMail)
        try installation.markRunning(through: "2024-08-28", at: "2024-08-28T23:00:00+02:00")
        let first = InProcessDaemon(installation, now: "2024-08-29T07:59:57+02:00")
        let beforeEight = try #require(first.start(), "\(first.log)")
        _ = try #require(first.advance(to: "2024-08-29T08:00:00+02:00", after: beforeEight), "\(first.log)")
        #expect(installation.mailFiles.count == 10, "\(first.log)")
        #expect(first.stop() == .stopped)

        // Twelve days without a turn: downtime, so the Co-OP'er's mail of the day is her overview.
        let later = InProcessDaemon(installation, now: "2024-09-10T12:00:00+02:00")
        try #require(later.start() != nil, "\(later.log)")
        #expect(installation.mailFiles.count == 17, "\(later.log)")
        #expect(try installation.outboxMessages().filter { $0.key.hasPrefix("overview|c.jansen|2024-09-10") }.count == 1)
        #expect(later.stop() == .stopped)

        // Back to just before 08:00 on the 9th, when the KC-C4 reminder (already sent) is due: the
        // daemon wakes for it and finds it handled.
        let earlier = InProcessDaemon(installation, now: "2024-09-09T07:59:58+02:00")
        let beforeDue = try #require(earlier.start(), "\(earlier.log)")
        #expect(beforeDue.until == Timestamp.parse("2024-09-09T08:00:00+02:00"))
        _ = try #require(earlier.advance(to: "2024-09-09T08:00:00+02:00", after: beforeDue), "\(earlier.log)")
        #expect(installation.daemonValue("last-run") == "2024-09-09T06:00:00.000Z", "the turn at 08:00 is done")
        #expect(earlier.stop() == .stopped)

        #expect(installation.mailFiles.count == 17)
        let outbox = try installation.outboxMessages()
        #expect(outbox.count == 17 && outbox.allSatisfy { $0.status == .sent && $0.attempts == 1 })
        let reminders = try Database(path: installation.databasePath).rows("SELECT status, count(*) FROM reminder GROUP BY status")
            .map { "\($0.text(0) ?? "") \($0.int(1) ?? 0)" }
        #expect(reminders == ["queued 18"], "every reminder queued once, none stale: the 12-day catch-up was still in time")
    }
}
