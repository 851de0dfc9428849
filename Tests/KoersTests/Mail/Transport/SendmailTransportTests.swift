import Foundation
@testable import KoersMail
@testable import KoersSystem
import KoersTestSupport
import Testing

/// A fake `sendmail` written by the test: it records its arguments (one per line) and its
/// standard input in its folder, says something on stderr and exits with a fixed status.
final class FakeSendmail {
    let folder: String
    let path: String

    init(exitStatus: Int32, says: String = "fake sendmail: done") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-sendmail-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/sendmail"
        let script = """
            #!/bin/sh
            printf '%s\\n' "$@" > '\(folder)/argv'
            cat > '\(folder)/stdin'
            grep -E '^Sig(Blk|Ign)' /proc/self/status > '\(folder)/signals' 2>/dev/null
            echo '\(says)' >&2
            exit \(exitStatus)

            """
        try writeExecutable(path, script)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    var arguments: [String]? {
        (try? String(contentsOfFile: folder + "/argv", encoding: .utf8)).map { $0.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    var input: [UInt8]? {
        (try? Data(contentsOf: URL(fileURLWithPath: folder + "/stdin"))).map { [UInt8]($0) }
    }

    var signals: String { (try? String(contentsOfFile: folder + "/signals", encoding: .utf8)) ?? "" }
}

/// Writes a script through a close-on-exec descriptor: a program started by a test running in
/// parallel must not inherit it open for writing, or running the script fails with ETXTBSY.
func writeExecutable(_ path: String, _ text: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o700))
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    guard written == bytes.count else { throw POSIXError(.EIO) }
}

func deliverThroughSendmail(_ path: String, to recipient: String = "c.jansen@example.org",
                            timeout: Duration = .seconds(30), stop: DeliveryStop = .never) async throws -> DeliveryOutcome {
    try await timedDelivery(path, to: recipient, timeout: timeout, stop: stop).outcome
}

/// `deliverThroughSendmail`, and how long the send took on its thread.
func timedDelivery(_ path: String, to recipient: String = "c.jansen@example.org", timeout: Duration = .seconds(30),
                   stop: DeliveryStop = .never) async throws -> (outcome: DeliveryOutcome, elapsed: Duration) {
    let (outcome, elapsed) = try await timedOffThePool {
        let session = SendmailTransport(path: path, timeout: timeout).openSession(stop: stop)
        defer { session.close() }
        return session.send(from: "koers@koers.example", to: recipient, message: TransportFixtures.message)
    }
    return (outcome, elapsed)
}

@Suite("sendmail transport")
struct SendmailTransportTests {
    @Test("exit 0 is accepted; the program gets -i -f FROM -- RECIPIENT and the message unchanged on stdin")
    func accepted() async throws {
        let fake = try FakeSendmail(exitStatus: 0, says: "queued as 7F3A")
        let outcome = try await deliverThroughSendmail(fake.path)

        #expect(outcome == .accepted(response: "queued as 7F3A"))
        #expect(fake.arguments == ["-i", "-f", "koers@koers.example", "--", "c.jansen@example.org"])
        #expect(fake.input == TransportFixtures.message)
    }

    @Test("a program file briefly open for writing elsewhere (ETXTBSY) is started once it is closed, not given up on")
    func textFileBusy() async throws {
        let fake = try FakeSendmail(exitStatus: 0, says: "queued as 7F3A")
        let writer = open(fake.path, O_WRONLY | O_CLOEXEC)
        #expect(writer >= 0)
        Thread.detachNewThread { usleep(30_000); close(writer) }
        let outcome = try await deliverThroughSendmail(fake.path)
        #expect(outcome == .accepted(response: "queued as 7F3A"))
    }

    @Test("the program starts with no blocked signals and SIGPIPE not ignored")
    func cleanSignals() async throws {
        let fake = try FakeSendmail(exitStatus: 0)
        _ = try await deliverThroughSendmail(fake.path)
        #expect(fake.signals.contains("SigBlk:\t0000000000000000"), "\(fake.signals)")
        let ignored = fake.signals.split(separator: "\n").first { $0.hasPrefix("SigIgn:") }
            .flatMap { UInt64($0.split(separator: "\t").last ?? "", radix: 16) } ?? 0
        #expect(ignored & (1 << (UInt64(SIGPIPE) - 1)) == 0, "\(fake.signals)")
    }

    @Test("exit 75 (EX_TEMPFAIL) is transient")
    func tempfail() async throws {
        let fake = try FakeSendmail(exitStatus: 75, says: "queue directory busy")
        let outcome = try await deliverThroughSendmail(fake.path)
        #expect(outcome == .transient(code: nil, response: "\(fake.path) exited with status 75 (EX_TEMPFAIL): queue directory busy",
                                      fault: .message))
    }

    @Test("exit 67 (EX_NOUSER) is permanent, with what the program said")
    func noSuchUser() async throws {
        let fake = try FakeSendmail(exitStatus: 67, says: "nobody@example.org... User unknown")
        let outcome = try await deliverThroughSendmail(fake.path, to: "nobody@example.org")
        #expect(outcome == .permanent(code: nil, response: "\(fake.path) exited with status 67 (EX_NOUSER): nobody@example.org... User unknown"))
    }

    @Test("a missing program is a configuration problem")
    func missingProgram() async throws {
        let outcome = try await deliverThroughSendmail("/nonexistent/koers/sendmail")
        #expect(outcome.kind == .configuration, "\(outcome)")
    }

    @Test("an address that could pass for an option never reaches the command line")
    func optionInjection() async throws {
        let fake = try FakeSendmail(exitStatus: 0)
        let outcome = try await deliverThroughSendmail(fake.path, to: "-oQ/tmp/evil@example.org")
        #expect(outcome.kind == .permanent, "\(outcome)")
        #expect(fake.arguments == nil)
    }

    @Test("a program that does not finish is stopped after the timeout: transient")
    func hangingProgram() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-sendmail-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/sendmail"
        try writeExecutable(path, "#!/bin/sh\nexec sleep 3600\n")

        let clock = ContinuousClock()
        let started = clock.now
        let outcome = try await deliverThroughSendmail(path, timeout: .milliseconds(300))
        #expect(outcome.kind == .transient, "\(outcome)")
        #expect(outcome.fault == .timeout, "one such program must not cost a timeout per message")
        // The program sleeps an hour: returning within minutes shows the timeout fired. The bound is
        // far from the 300 ms timeout because test machines are shared and noisy.
        #expect(clock.now - started < .seconds(300))
    }

    @Test("a program still running when Koers stops is terminated after the grace: interrupted, not failed")
    func stopCutsOff() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-sendmail-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/sendmail"
        try writeExecutable(path, "#!/bin/sh\nexec sleep 3600\n")

        let (outcome, elapsed) = try await timedDelivery(path, timeout: .seconds(300), stop: DeliveryStop { true })
        #expect(outcome == .interrupted)
        #expect(elapsed >= DeliveryStop.grace, "the program had its grace: \(elapsed)")
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }

    @Test("a program that finishes within the grace is not cut off by a stop")
    func stopLetsQuickSendFinish() async throws {
        let fake = try FakeSendmail(exitStatus: 0, says: "queued as 7F3A")
        let outcome = try await deliverThroughSendmail(fake.path, stop: DeliveryStop { true })
        #expect(outcome == .accepted(response: "queued as 7F3A"))
    }

    @Test("the description names the program")
    func description() {
        #expect(SendmailTransport().description == "sendmail /usr/sbin/sendmail")
    }
}
