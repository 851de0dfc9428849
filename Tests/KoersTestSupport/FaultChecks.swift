import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KoersStore

/// What the fault tests check after a fault, on the installation of a `DaemonProcess`: the file's
/// own integrity check, the status history, the outbox and the mail written.
extension DaemonProcess {
    /// The mail section of a configuration that writes each message into `mail/` beside the database.
    package static let fileMail = #"{ "from": { "name": "Koers — OOK", "address": "koers@example.org" }, "transport": "file", "folder": "mail" }"#

    /// The demo history's status changes, all in the database before any fault.
    package static let demoHistoryEvents = 79

    package var databasePath: String { folder + "/koers.sqlite" }

    /// `PRAGMA integrity_check` on a connection of its own: empty when the file is sound.
    package func integrityProblems() throws -> [String] { try Database(path: databasePath).integrityCheck() }

    /// How many status changes the database holds.
    package func statusEventCount() throws -> Int {
        Int(try Database(path: databasePath).scalarInt("SELECT count(*) FROM status_event") ?? -1)
    }

    /// Every message in the outbox, whatever its state.
    package func outboxMessages() throws -> [Store.OutboxMessage] {
        try Store(path: databasePath).outbox(statuses: [.pending, .sending, .sent, .failed], limit: 10_000)
    }

    /// How many messages the outbox holds in each state.
    package func outboxCounts() -> [Store.OutboxMessage.Status: Int] { (try? Store(path: databasePath).outboxCounts()) ?? [:] }

    /// A value the daemon keeps in `daemon_state` (`last-run`, `next-due` …), read on a connection of its own.
    package func daemonValue(_ name: String) -> String? { try? Store(path: databasePath).daemonValue(name) }

    /// The `.eml` files the file transport wrote, one per Message-ID.
    package var mailFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/mail")) ?? []).filter { $0.hasSuffix(".eml") }
    }
}

/// Commands that run `koers` under a fault; they set it up and then exec koers, keeping the process id.
package enum FaultWrapper {
    /// RLIMIT_FSIZE (util-linux `prlimit`): no file may be written beyond `bytes`. A write past it
    /// fails with EFBIG, as a write on a full disk fails with ENOSPC, and raises SIGXFSZ, which
    /// kills a process that neither ignores nor blocks it (`systemdSignals`). Only the soft limit
    /// is set, so `liftFileSizeLimit` can lift it again without privileges.
    package static func fileSizeLimit(_ bytes: Int) -> [String] {
        systemdSignals + ["/usr/bin/prlimit", "--fsize=\(bytes):", "--"]
    }

    /// The signals as systemd starts a service: none blocked, none ignored. A child of the test
    /// process inherits the spawning thread's signal mask, in which SIGXFSZ is blocked, and
    /// Python ignores SIGXFSZ and SIGPIPE, which `exec` keeps; this undoes both and execs.
    static let systemdSignals = ["/usr/bin/python3", "-c", """
        import os, signal, sys
        for number in (signal.SIGXFSZ, signal.SIGPIPE): signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        os.execv(sys.argv[1], sys.argv[1:])
        """]

    /// Lifts the file size limit of a running process: the disk has room again.
    package static func liftFileSizeLimit(of pid: Int32) throws -> Int32 {
        let lift = Process()
        lift.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        lift.arguments = ["--pid", String(pid), "--fsize=unlimited:"]
        try lift.run()
        lift.waitUntilExit()
        return lift.terminationStatus
    }

    /// File permissions bind root only without CAP_DAC_OVERRIDE. As root, koers runs with no
    /// capabilities at all (util-linux `setpriv`), as the systemd unit runs it
    /// (`CapabilityBoundingSet=`); as anyone else, as it is.
    package static var withoutCapabilities: [String] {
        geteuid() == 0 ? ["/usr/bin/setpriv", "--bounding-set=-all", "--inh-caps=-all", "--"] : []
    }
}
