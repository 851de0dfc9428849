import Foundation
import Glibc
@testable import KoersSystem
import KoersTestSupport
import Testing

@Suite("Child processes: started with given standard files and clean signals, waited for, stopped")
struct ChildProcessTests {
    let fixture = Fixture()

    /// An empty unlinked file for the child's standard input or output.
    func file(holding bytes: [UInt8] = []) throws -> FileDescriptor {
        let file = try FileDescriptor.anonymousFile(in: fixture.folder, prefix: "child-")
        try file.writeAll(bytes)
        try file.seek(to: 0)
        return file
    }

    func text(of output: FileDescriptor) throws -> String {
        try output.seek(to: 0)
        return String(decoding: try output.readAll(limit: 1 << 20), as: UTF8.self)
    }

    @Test("the child reads its standard input, writes standard output and error to the output, sees the environment and exits with its status")
    func exitStatus() throws {
        let input = try file(holding: Array("the message\n".utf8)), output = try file()
        defer { try? input.close(); try? output.close() }
        let child = try ChildProcess.start("/bin/sh", arguments: ["-c", "cat; echo \"$KOERS_CHILD\" >&2; exit 3"],
                                           input: input, output: output, environment: ["KOERS_CHILD": "given"])
        #expect(child.id > 0 && child.path == "/bin/sh")
        #expect(child.wait(timeout: .seconds(30)) == .ended(.exited(status: 3)))
        #expect(try text(of: output) == "the message\ngiven\n")
    }

    @Test("the child gets an empty signal mask and default dispositions, whatever the spawning thread blocks or Koers ignores")
    func cleanSignals() throws {
        Signals.ignore(.brokenPipe)
        var blocked = sigset_t(), old = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGHUP)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &blocked, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        let input = try file(), output = try file()
        defer { try? input.close(); try? output.close() }
        let child = try ChildProcess.start("/bin/grep", arguments: ["-E", "^Sig(Blk|Ign):", "/proc/self/status"],
                                           input: input, output: output, environment: [:])
        #expect(child.wait(timeout: .seconds(30)) == .ended(.exited(status: 0)))
        let fields = Dictionary(uniqueKeysWithValues: try text(of: output).split(separator: "\n").map {
            let parts = $0.split(separator: ":\t")
            return (String(parts[0]), UInt64(parts[1], radix: 16) ?? .max)
        })
        #expect(fields["SigBlk"] == 0)
        #expect(fields["SigIgn"].map { $0 & (1 << (SIGPIPE - 1)) } == 0, "SIGPIPE is back at its default")

        let killed = try ChildProcess.start("/bin/sh", arguments: ["-c", "kill -PIPE $$; sleep 5"],
                                            input: input, output: output, environment: [:])
        #expect(killed.wait(timeout: .seconds(30)) == .ended(.killed(signal: SIGPIPE)))
    }

    @Test("a child running past its timeout is reported, then terminated and reaped")
    func timeout() throws {
        let input = try file(), output = try file()
        defer { try? input.close(); try? output.close() }
        let child = try ChildProcess.start("/bin/sleep", arguments: ["30"], input: input, output: output, environment: [:])
        #expect(child.wait(timeout: .milliseconds(100)) == .timedOut)
        #expect(child.wait(timeout: .milliseconds(10), abortWhen: { true }) == .aborted)
        let clock = ContinuousClock(), started = clock.now
        child.terminate()
        #expect(clock.now - started < .seconds(5), "SIGTERM was enough")
        #expect(kill(child.id, 0) != 0 && errno == ESRCH, "the child is gone and reaped")
        guard case .lost = child.wait(timeout: nil) else { Issue.record("waited again for a reaped child"); return }
    }

    @Test("a program that cannot be started is an error naming it, temporary only when the system is short of something")
    func startFailure() throws {
        let input = try file(), output = try file()
        defer { try? input.close(); try? output.close() }
        let path = fixture.folder + "/missing"
        do {
            _ = try ChildProcess.start(path, arguments: [], input: input, output: output, environment: [:])
            Issue.record("a missing program was started")
        } catch {
            #expect(error == ChildProcess.StartError(path: path, code: ENOENT))
            #expect(!error.isTemporary)
            #expect(error.description == "Could not start \(path): No such file or directory. Check that the path names an executable program Koers may run.")
        }
        #expect(ChildProcess.StartError(path: path, code: ETXTBSY).isTemporary)
        #expect(ChildProcess.StartError(path: path, code: EAGAIN).isTemporary)
    }
}
