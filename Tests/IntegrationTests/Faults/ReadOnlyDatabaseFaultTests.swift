import Foundation
@testable import KoersCLI
import KoersTestSupport
import Testing

/// The database cannot be written: its file is read-only (mode 0400, e.g. a restore copied in
/// with the wrong mode) or its folder is (mode 0500, so the -wal and -shm files cannot be made).
///
/// Expected: `koers set` exits 74 and names what to check. The daemon does not start (exit 74,
/// one clear log line); under systemd `Restart=on-failure` starts it again every 30 s, so once
/// the permission is fixed it runs and sends as if nothing had happened. A daemon already running
/// keeps its open file and is not affected. Nothing recorded is lost, and nothing read-only is
/// left behind that would keep failing after the fix.
@Suite("Fault: the database cannot be written", .serialized)
struct ReadOnlyDatabaseFaultTests {
    enum ReadOnlyPart: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case file, folder
        var testDescription: String { "read-only \(rawValue)" }
    }

    @Test("koers set exits 74 saying what to check, the daemon does not start (exit 74, logged), and once the permission is fixed everything works and nothing is lost",
          arguments: ReadOnlyPart.allCases)
    func readOnly(_ part: ReadOnlyPart) throws {
        let daemon = try DaemonProcess(mail: DaemonProcess.fileMail)
        let path = part == .file ? daemon.databasePath : daemon.folder
        let (readOnly, writable): (mode_t, mode_t) = part == .file ? (0o400, 0o600) : (0o500, 0o700)
        #expect(chmod(path, readOnly) == 0)
        defer { chmod(path, writable) }
        let unprivileged = FaultWrapper.withoutCapabilities

        let refused = try daemon.output(["--now", "2024-10-15", "set", "LO-A3", "in-progress"], wrapper: unprivileged)
        #expect(refused.status == ExitCode.storage.rawValue, "\(refused.stderr)")
        #expect(refused.stderr.contains("Cannot write to the database at \(daemon.databasePath): it is read-only"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Check the permissions of the file, of the -wal and -shm files beside it, and of its directory"))

        try daemon.start(now: "2024-08-29T07:59:57+02:00", wrapper: unprivileged)
        #expect(daemon.waitForExit(limit: 60) == ExitCode.storage.rawValue, "\(daemon.log)")
        #expect(daemon.log.contains("not started: Cannot write to the database at \(daemon.databasePath): it is read-only"), "\(daemon.log)")
        #expect(daemon.mailFiles.isEmpty)

        #expect(chmod(path, writable) == 0)
        for leftover in ["-wal", "-shm"] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: daemon.databasePath + leftover)
            if let mode = attributes?[.posixPermissions] as? Int {
                #expect(mode & 0o200 != 0, "\(leftover) left behind read-only: mode \(String(mode, radix: 8))")
            }
        }
        // What systemd does after RestartSec.
        try daemon.start(now: "2024-08-29T07:59:57+02:00", wrapper: unprivileged)
        #expect(DaemonProcess.eventually(120) { daemon.mailFiles.count == 10 }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(limit: 60) == 0)

        let outbox = try daemon.outboxMessages()
        #expect(outbox.count == 10 && outbox.allSatisfy { $0.status == .sent && $0.attempts == 1 })
        #expect(try daemon.statusEventCount() == DaemonProcess.demoHistoryEvents, "the refused change recorded nothing")
        #expect(try daemon.output(["--now", "2024-10-15", "set", "LO-A3", "in-progress"], wrapper: unprivileged).status == 0)
        #expect(try daemon.statusEventCount() == DaemonProcess.demoHistoryEvents + 1)
        #expect(try daemon.integrityProblems() == [])
    }

    @Test("A daemon already running keeps its open database when the file is made read-only, and goes on sending")
    func runningDaemonUnaffected() throws {
        let daemon = try DaemonProcess(mail: DaemonProcess.fileMail)
        try daemon.start(now: "2024-08-29T07:59:57+02:00", wrapper: FaultWrapper.withoutCapabilities)
        #expect(DaemonProcess.eventually(60) { daemon.log.contains("started") }, "\(daemon.log)")
        #expect(chmod(daemon.databasePath, 0o400) == 0)
        defer { chmod(daemon.databasePath, 0o600) }
        #expect(DaemonProcess.eventually(120) { daemon.mailFiles.count == 10 }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(limit: 60) == 0)
        #expect(try daemon.outboxMessages().allSatisfy { $0.status == .sent })
    }
}
