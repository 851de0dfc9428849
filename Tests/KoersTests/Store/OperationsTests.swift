import Foundation
@testable import KoersCLI
@testable import KoersDaemon
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport
import Testing

/// What the admin relies on: an upgrade keeps the old database, `koers backup` makes a checked copy
/// while Koers runs, and `koers status` says whether all is well.
@Suite("Operations: upgrade, backup, status")
struct OperationsTests {
    let fixture = Fixture()

    func run(_ arguments: [String], now: String = "2024-10-15") -> CommandOutput {
        KoersTool.run(["--config", fixture.folder + "/koers.json", "--now", now] + arguments, environment: [:])
    }

    @Test("Opening an older database copies it aside before migrating it, once")
    func upgradeBackup() throws {
        let path = fixture.folder + "/koers.sqlite"
        do {
            let old = try Database(path: path)
            try Schema.migrator.migrate(old, upTo: 2)
        }
        let upgraded = try Store(path: path)
        let backup = try #require(upgraded.backupPath)
        #expect(backup == path + ".v2-backup")
        #expect(try Database(path: backup).scalarInt("PRAGMA user_version") == 2)
        #expect(try upgraded.database.scalarInt("PRAGMA user_version") == Int64(upgraded.schemaVersion))
        var info = stat()
        #expect(stat(backup, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try Store(path: path).backupPath == nil, "an up-to-date file is not copied again")
    }

    @Test("koers backup writes a checked copy and never overwrites one")
    func backupCommand() throws {
        fixture.standard()
        #expect(run(["set", "LL-A1", "done"]).exitCode == .ok)
        let target = fixture.folder + "/backup.sqlite"
        let first = run(["backup", target])
        #expect(first.exitCode == .ok, "\(first.stderr)")
        #expect(first.stdout.contains("integrity ok"))
        #expect(try Store(path: target).histories(agenda: "mini").count == 1)
        let again = run(["backup", target])
        #expect(again.exitCode == .usage)
        #expect(again.stderr.contains("exists already"))
    }

    @Test("koers status reports the daemon's state, and fails when a message failed")
    func statusCommand() throws {
        fixture.standard()
        let fresh = run(["status"])
        #expect(fresh.exitCode == .ok)
        #expect(fresh.stdout.contains("daemon         not running"))
        #expect(fresh.stdout.contains("last run       never"))

        let store = try Store(path: fixture.folder + "/koers.sqlite")
        let moment = Timestamp.parse("2024-10-15T06:00:00Z")!
        try store.enqueue(.init(key: "m", person: "p.smit", recipient: "p.smit@example.org", subject: "Herinnering",
                                message: Array("x".utf8), messageID: "m@x", reminderKeys: ["m"], sendOn: LocalDate("2024-10-15")!), at: moment)
        let id = try #require(try store.dueMessages(at: moment).first?.id)
        try store.markFailed(id, response: "550 no such user")
        let daemon = try DaemonLock.acquire(database: fixture.folder + "/koers.sqlite", startedAt: moment)
        defer { withExtendedLifetime(daemon) {} }
        try store.setDaemonValue("last-run", "2024-10-15T06:00:00.000Z")
        let failing = run(["status", "--json"])
        #expect(failing.exitCode == .refused)
        let state = try JSONSerialization.jsonObject(with: Data(failing.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(state["daemonRunning"] as? Bool == true, "the daemon's lock is held")
        #expect(state["daemonPID"] as? Int == Int(getpid()))
        #expect(state["daemonSince"] as? String == "2024-10-15T06:00:00.000Z")
        #expect((state["outbox"] as? [String: Int])?["failed"] == 1)
        #expect(state["lastRun"] as? String == "2024-10-15T06:00:00.000Z")
        #expect(state["nextReport"] as? String == "2024 op 2024-11-14")
    }
}
