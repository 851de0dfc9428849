import Foundation
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport
import Testing

@Suite("The outbox")
struct OutboxStoreTests {
    let fixture = Fixture()
    let t0 = Timestamp.parse("2024-09-02T06:00:00Z")!

    func store() throws -> Store { try Store(path: fixture.folder + "/koers.sqlite") }

    func message(_ key: String, reminders: [String] = []) -> Store.NewMessage {
        Store.NewMessage(key: key, person: "c.jansen", recipient: "c.jansen@example.org", subject: "Herinnering",
                         message: Array("Subject: x\r\n\r\nbody\r\n".utf8), messageID: "\(key)@koers.example",
                         reminderKeys: reminders.isEmpty ? [key + "|r"] : reminders, sendOn: LocalDate("2024-09-02")!)
    }

    @Test("A message key is queued once: a second enqueue writes nothing")
    func idempotent() throws {
        let s = try store()
        #expect(try s.enqueue(message("digest|c.jansen|2024-09-02"), at: t0))
        #expect(try !s.enqueue(message("digest|c.jansen|2024-09-02"), at: t0))
        #expect(try s.dueMessages(at: t0).count == 1)
        #expect(try s.handledReminderKeys(["digest|c.jansen|2024-09-02|r", "other"]) == ["digest|c.jansen|2024-09-02|r"])
    }

    @Test("A message in flight when the process dies is sent again after restart, never lost")
    func crashDuringSend() throws {
        let s = try store()
        try s.enqueue(message("m1"), at: t0)
        let m = try #require(try s.dueMessages(at: t0).first)
        try s.markSending(m.id)
        #expect(try s.dueMessages(at: t0).isEmpty, "a message being sent is not handed out twice")
        // The process dies here. A new process opens the same file:
        let restarted = try store()
        #expect(try restarted.recoverInterruptedSends() == 1)
        let again = try restarted.dueMessages(at: t0)
        #expect(again.map(\.messageID) == ["m1@koers.example"], "same Message-ID, so receivers can de-duplicate")
        #expect(again[0].attempts == 1)
    }

    @Test("Transient failures wait for their retry moment; permanent ones are kept and reported once")
    func failures() throws {
        let s = try store()
        try s.enqueue(message("m1"), at: t0)
        try s.enqueue(message("m2"), at: t0)
        let due = try s.dueMessages(at: t0)
        try s.markSending(due[0].id)
        try s.markRetry(due[0].id, response: "451 4.3.0 try later", retryAt: t0.addingTimeInterval(300))
        try s.markSending(due[1].id)
        try s.markFailed(due[1].id, response: "550 5.1.1 no such user")
        #expect(try s.dueMessages(at: t0.addingTimeInterval(299)).isEmpty)
        #expect(try s.dueMessages(at: t0.addingTimeInterval(300)).map(\.key) == ["m1"])
        #expect(try s.nextAttempt() == t0.addingTimeInterval(300))
        let failed = try s.unreportedFailures()
        #expect(failed.map(\.lastResponse) == ["550 5.1.1 no such user"])
        try s.markReported(failed.map(\.id), at: t0)
        #expect(try s.unreportedFailures().isEmpty)
        #expect(try s.requeue(failed[0].id, at: t0))
        #expect(try s.outboxCounts() == [.pending: 2])
    }

    @Test("Stale reminders are recorded without a message, and never queued later")
    func stale() throws {
        let s = try store()
        try s.recordStale([(key: "milestoneAhead|zelfscan@2024-09|2024-07-08|p.smit", sendOn: LocalDate("2024-07-08")!)], at: t0)
        #expect(try s.handledReminderKeys(["milestoneAhead|zelfscan@2024-09|2024-07-08|p.smit"]).count == 1)
        #expect(try s.dueMessages(at: t0).isEmpty)
    }

    @Test("Daemon bookkeeping survives a restart")
    func bookkeeping() throws {
        try store().setDaemonValue("planned-through", "2024-09-02")
        try store().setDaemonValue("planned-through", "2024-09-03")
        #expect(try store().daemonValue("planned-through") == "2024-09-03")
    }

    @Test("The reminder log knows what each reminder is about and its planned day, also for rows from before it did (migration 7)")
    func reminderOrderMigration() throws {
        let path = fixture.folder + "/old.sqlite"
        do {
            let old = try Database(path: path)
            try Schema.migrator.migrate(old, upTo: 6)
            try old.run("INSERT INTO reminder (key, outbox_id, status, send_on, recorded_at) VALUES (?, NULL, 'stale', '2024-08-29', 'x')",
                        [.text("milestoneAhead|ook-sop:zelfscan@2024-09|2wd|c.jansen")])
            try old.run("INSERT INTO reminder (key, outbox_id, status, send_on, recorded_at) VALUES (?, NULL, 'stale', '2024-11-14', 'x')",
                        [.text("report|year:2024|c.jansen")])
        }
        let store = try Store(path: path)
        #expect(try store.latestHandledDays(about: ["ook-sop:zelfscan@2024-09|c.jansen", "year:2024|c.jansen"])
                == ["ook-sop:zelfscan@2024-09|c.jansen": LocalDate("2024-08-29")!, "year:2024|c.jansen": LocalDate("2024-11-14")!])
        // New rows: the day the planner gave, not the day a caught-up message went out.
        var late = message("digest|c.jansen|2024-09-03", reminders: ["milestoneAhead|ook-sop:jaarrapport@2024-11|8w|c.jansen"])
        late.sendOn = LocalDate("2024-09-10")!
        late.plannedOn = ["milestoneAhead|ook-sop:jaarrapport@2024-11|8w|c.jansen": LocalDate("2024-09-06")!]
        try store.enqueue(late, at: t0)
        #expect(try store.latestHandledDays(about: ["ook-sop:jaarrapport@2024-11|c.jansen"])
                == ["ook-sop:jaarrapport@2024-11|c.jansen": LocalDate("2024-09-06")!])
        #expect(Reminder.about(ofKey: "eventAhead|trajectory:t-abc234:welkomstgesprek|2024-09-04/1w|e.bosman")
                == "trajectory:t-abc234:welkomstgesprek@2024-09-04|e.bosman", "an event moved to another day is another thing")
    }
}
