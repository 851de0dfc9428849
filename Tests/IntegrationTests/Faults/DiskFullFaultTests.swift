import Foundation
@testable import KoersCLI
import KoersTestSupport
import Testing

/// The disk fills up. A file size limit (RLIMIT_FSIZE, set by `prlimit` in the child) stands in
/// for it: a write past the limit fails with EFBIG where a full disk gives ENOSPC, and SQLite
/// reports both as a refused write. Koers ignores the SIGXFSZ that comes with it, so the write
/// fails instead of the process being killed mid-commit.
///
/// Expected: a clear "disk is full" error (exit 74 for the CLI, a log line for the daemon, which
/// keeps running), nothing half-written, the earlier data intact, and everything done once there
/// is room again.
@Suite("Fault: the disk is full", .serialized)
struct DiskFullFaultTests {
    @Test("koers set on a full disk exits 74 with a clear message instead of dying of SIGXFSZ, and records nothing")
    func setOnFullDisk() throws {
        let daemon = try DaemonProcess(mail: DaemonProcess.fileMail)
        // The daemon runs (holding the -wal and -shm files) with nothing due until September.
        try daemon.start(now: "2024-08-29T12:00:00+02:00")
        #expect(DaemonProcess.eventually(60) { daemon.daemonValue("last-run") != nil }, "\(daemon.log)")

        // 4 KiB: no commit fits, as no block is left on a full disk.
        let full = try daemon.output(["--now", "2024-10-15", "set", "LO-A3", "in-progress"], wrapper: FaultWrapper.fileSizeLimit(4096))
        #expect(full.status == ExitCode.storage.rawValue, "exit status \(full.status) (25 is death by SIGXFSZ): \(full.stderr)")
        #expect(full.stderr.contains("The disk is full, or a quota or file size limit was reached: the last change was not saved"),
                "\(full.stderr)")
        #expect(full.stderr.contains("Free some disk space"))
        #expect(try daemon.statusEventCount() == DaemonProcess.demoHistoryEvents)
        #expect(try daemon.integrityProblems() == [])

        let roomAgain = try daemon.output(["--now", "2024-10-15", "set", "LO-A3", "in-progress"])
        #expect(roomAgain.status == 0, "\(roomAgain.stderr)")
        #expect(try daemon.statusEventCount() == DaemonProcess.demoHistoryEvents + 1)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(limit: 60) == 0)
        #expect(try daemon.integrityProblems() == [])
    }

    @Test("The daemon on a full disk logs it and keeps running; with room again it sends every digest once, and the earlier data is intact")
    func daemonOnFullDisk() throws {
        let daemon = try DaemonProcess(mail: DaemonProcess.fileMail)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: daemon.databasePath)[.size] as? Int)
        // The database may not grow, and its write-ahead log may hold as much: room for starting
        // and a few digests, not for ten.
        try daemon.start(now: "2024-08-29T07:59:58+02:00", wrapper: FaultWrapper.fileSizeLimit(max(size, 65_536)))
        #expect(DaemonProcess.eventually(120) { daemon.log.contains("The disk is full") || daemon.processIdentifier == nil },
                "\(daemon.log)")
        #expect(daemon.log.contains("this round failed; trying again in a minute"))
        let pid = try #require(daemon.processIdentifier, "the daemon died of the full disk: \(daemon.log)")
        #expect(daemon.mailFiles.count < 10)
        #expect(try daemon.integrityProblems() == [])
        #expect(try daemon.statusEventCount() == DaemonProcess.demoHistoryEvents)

        // Room again (the limit lifted on the running process); a reload makes it try at once
        // instead of at the next minute.
        #expect(try FaultWrapper.liftFileSizeLimit(of: pid) == 0)
        daemon.signal(SIGHUP)
        #expect(DaemonProcess.eventually(120) { daemon.mailFiles.count == 10 }, "\(daemon.log)")
        #expect(DaemonProcess.eventually(60) { (try? daemon.outboxMessages().allSatisfy { $0.status == .sent }) == true })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(limit: 60) == 0)

        let outbox = try daemon.outboxMessages()
        #expect(outbox.count == 10)
        #expect(outbox.filter { $0.attempts > 1 }.count <= 1, "only a message whose outcome could not be recorded goes twice")
        #expect(try daemon.statusEventCount() == DaemonProcess.demoHistoryEvents)
        #expect(try daemon.integrityProblems() == [])
    }
}
