import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import KoersSystem

/// Hands each message to the local MTA: `sendmail -i -f FROM -- RECIPIENT`, the message on
/// standard input. Exit status 0 is accepted, 75 (EX_TEMPFAIL) transient, any other status
/// permanent; a program that cannot be started is a configuration problem, one killed by a signal
/// or running longer than `timeout` (then terminated) transient. A program still running
/// `DeliveryStop.grace` after a stop request is terminated too, and the message stays queued.
/// The program is started with `posix_spawn`, with a clean signal mask, and the environment of
/// Koers.
public struct SendmailTransport: MailTransport {
    public let path: String
    public let timeout: Duration

    public init(path: String = "/usr/sbin/sendmail", timeout: Duration = .seconds(300)) {
        self.path = path
        self.timeout = timeout
    }

    public var description: String { "sendmail \(path)" }

    public func openSession(stop: DeliveryStop) -> MailSession {
        SendmailSession(path: path, timeout: timeout, stop: stop)
    }
}

/// Each send runs the program once; there is no connection to keep.
final class SendmailSession: MailSession {
    private let path: String
    private let timeout: Duration
    private let stop: DeliveryStop

    init(path: String, timeout: Duration, stop: DeliveryStop) {
        self.path = path
        self.timeout = timeout
        self.stop = stop
    }

    func close() {}

    func send(from envelopeFrom: String, to recipient: String, message: [UInt8]) -> DeliveryOutcome {
        if let problem = envelopeAddressProblem(envelopeFrom, role: "sender", allowEmpty: true) {
            return .configuration(code: nil, response: "Not sent: \(problem).", fault: .sender)
        }
        if let problem = envelopeAddressProblem(recipient, role: "recipient", allowEmpty: false) {
            return .permanent(code: nil, response: "Not sent: \(problem).")
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            return .configuration(code: nil, response: "\(path) is not an executable program: install an MTA "
                + "that provides sendmail, or configure another transport.", fault: .settings)
        }
        // The message goes to the child through an unlinked temporary file rather than a pipe:
        // no writer thread, no SIGPIPE, no deadlock against a child that does not read.
        let files: (input: FileDescriptor, output: FileDescriptor)
        do throws(FileError) {
            files = try Self.standardFiles(holding: message)
        } catch {
            return .transient(code: nil, response: "Could not prepare the message for sendmail: \(error.reason)", fault: .local)
        }
        // Once the program has run, a failure to close changes nothing about the delivery.
        defer {
            try? files.input.close()
            try? files.output.close()
        }

        let pid: pid_t
        switch Self.spawn(path, ["-i", "-f", envelopeFrom.isEmpty ? "<>" : envelopeFrom, "--", recipient],
                          input: files.input.rawValue, output: files.output.rawValue) {
        case let .success(started): pid = started
        case let .failure(problem):
            let text = "Could not start \(path): \(problem.reason)"
            switch problem.code {
            case ETXTBSY, EAGAIN, ENOMEM, EMFILE, ENFILE, EINTR:
                return .transient(code: nil, response: text, fault: .local)   // being replaced, or out of resources
            default:
                return .configuration(code: nil, response: text, fault: .settings)
            }
        }

        let status: Int32
        switch Self.wait(for: pid, timeout: timeout, abortWhen: stop.cutoff()) {
        case let .exited(waitStatus):
            status = waitStatus
        case .timedOut:
            Self.terminate(pid)
            return .transient(code: nil, response: "\(path) did not finish within \(timeout) and was stopped.", fault: .timeout)
        case .aborted:
            Self.terminate(pid)
            return .interrupted
        case let .lost(reason):
            return .transient(code: nil, response: "The exit status of \(path) is unknown (\(reason)).", fault: .local)
        }
        let said = Self.lastLine(of: files.output)
        let suffix = said.isEmpty ? "" : ": \(said)"
        let signal = status & 0x7F
        if signal != 0 {
            return .transient(code: nil, response: "\(path) was killed by signal \(signal)\(suffix)", fault: .local)
        }
        switch (status >> 8) & 0xFF {
        case 0:
            return .accepted(response: said.isEmpty ? "\(path) accepted the message (exit status 0)" : said)
        case 75:
            return .transient(code: nil, response: "\(path) exited with status 75 (EX_TEMPFAIL)\(suffix)", fault: .message)
        case let code:
            return .permanent(code: nil, response: "\(path) exited with status \(code)\(Self.exitName(code))\(suffix)")
        }
    }

    /// Starts `path` with `arguments`, stdin from `input`, stdout and stderr to `output`, the
    /// environment inherited. The child gets an empty signal mask and default dispositions for
    /// the signals Koers may block or ignore (SIGPIPE above all): Foundation's `Process` would
    /// pass on the spawning thread's mask and ignored signals.
    private static func spawn(_ path: String, _ arguments: [String], input: Int32, output: Int32) -> Result<pid_t, SpawnFailure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2, SIGXFSZ] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }

        // ETXTBSY: the program file is open for writing, also when that is a copy of the descriptor
        // that another thread's fork holds for a moment before its exec (an upgrade replacing the
        // mail program, or a test writing one). It passes within milliseconds on an idle machine:
        // try again for about half a second.
        var pid = pid_t()
        var result = posix_spawn(&pid, path, &actions, &attributes, argv, environment)
        for attempt in 0..<6 where result == ETXTBSY {
            usleep(10_000 << attempt)
            result = posix_spawn(&pid, path, &actions, &attributes, argv, environment)
        }
        guard result == 0 else { return .failure(SpawnFailure(code: result, reason: String(cString: strerror(result)))) }
        return .success(pid)
    }

    private enum Waited { case exited(Int32), timedOut, aborted, lost(String) }

    /// SIGTERM, then SIGKILL when the program has not exited 5 seconds later; reaped either way.
    private static func terminate(_ pid: pid_t) {
        kill(pid, SIGTERM)
        if case .timedOut = wait(for: pid, timeout: .seconds(5)) {
            kill(pid, SIGKILL)
            _ = wait(for: pid, timeout: nil)
        }
    }

    /// The wait status of `pid` once it has exited, `.timedOut` when `timeout` passes first (nil:
    /// wait as long as it takes), or `.aborted` when `shouldAbort` turns true first. Polls with
    /// `WNOHANG`, backing off to 50 ms.
    private static func wait(for pid: pid_t, timeout: Duration?, abortWhen shouldAbort: () -> Bool = { false }) -> Waited {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        var pause: UInt32 = 1_000
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, timeout == nil ? 0 : WNOHANG)
            if result == pid { return .exited(status) }
            if result < 0 && errno != EINTR { return .lost(String(cString: strerror(errno))) }
            if let deadline, clock.now >= deadline { return .timedOut }
            if shouldAbort() { return .aborted }
            if result == 0 {
                usleep(pause)
                pause = min(pause * 2, 50_000)
            }
        }
    }

    struct SpawnFailure: Error {
        let code: Int32
        let reason: String
    }

    /// The program's standard input, the message in an unlinked temporary file positioned at its
    /// start, and its output, another such file, empty.
    private static func standardFiles(holding message: [UInt8]) throws(FileError) -> (input: FileDescriptor, output: FileDescriptor) {
        let folder = NSTemporaryDirectory()
        let input = try FileDescriptor.anonymousFile(in: folder, prefix: "koers-sendmail-")
        do throws(FileError) {
            try input.writeAll(message)
            try input.seek(to: 0)
            return (input, try FileDescriptor.anonymousFile(in: folder, prefix: "koers-sendmail-"))
        } catch {
            try? input.close()
            throw error
        }
    }

    /// The last non-empty line the program wrote (at most 300 characters).
    private static func lastLine(of output: FileDescriptor) -> String {
        guard let size = try? output.status().size, size > 0,
              (try? output.seek(to: max(0, size - 4096))) != nil,
              let tail = try? output.readAll(limit: 4096)
        else { return "" }
        let text = String(decoding: tail, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        return String(line.trimmingCharacters(in: .whitespaces).prefix(300))
    }

    private static func exitName(_ status: Int32) -> String {
        switch status {
        case 64: return " (EX_USAGE)"
        case 65: return " (EX_DATAERR)"
        case 67: return " (EX_NOUSER)"
        case 68: return " (EX_NOHOST)"
        case 69: return " (EX_UNAVAILABLE)"
        case 70: return " (EX_SOFTWARE)"
        case 71: return " (EX_OSERR)"
        case 73: return " (EX_CANTCREAT)"
        case 74: return " (EX_IOERR)"
        case 77: return " (EX_NOPERM)"
        case 78: return " (EX_CONFIG)"
        default: return ""
        }
    }
}
