import Foundation
import KoersSystem

/// Hands each message to the local MTA: `sendmail -i -f FROM -- RECIPIENT`, the message on
/// standard input. Exit status 0 is accepted, 75 (EX_TEMPFAIL) transient, any other status
/// permanent; a program that cannot be started is a configuration problem, one killed by a signal
/// or running longer than `timeout` (then terminated) transient. A program still running
/// `DeliveryStop.grace` after a stop request is terminated too, and the message stays queued.
/// The program is started as a `ChildProcess`, with a clean signal mask, and the environment of
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

        let child: ChildProcess
        do throws(ChildProcess.StartError) {
            child = try ChildProcess.start(path, arguments: ["-i", "-f", envelopeFrom.isEmpty ? "<>" : envelopeFrom, "--", recipient],
                                           input: files.input, output: files.output,
                                           environment: ProcessInfo.processInfo.environment)
        } catch {
            let text = "Could not start \(path): \(error.reason)"
            // Being replaced, or out of resources.
            return error.isTemporary ? .transient(code: nil, response: text, fault: .local)
                : .configuration(code: nil, response: text, fault: .settings)
        }

        let ending: ChildProcess.Ending
        switch child.wait(timeout: timeout, abortWhen: stop.cutoff()) {
        case let .ended(ended):
            ending = ended
        case .timedOut:
            child.terminate()
            return .transient(code: nil, response: "\(path) did not finish within \(timeout) and was stopped.", fault: .timeout)
        case .aborted:
            child.terminate()
            return .interrupted
        case let .lost(reason):
            return .transient(code: nil, response: "The exit status of \(path) is unknown (\(reason)).", fault: .local)
        }
        let said = Self.lastLine(of: files.output)
        let suffix = said.isEmpty ? "" : ": \(said)"
        switch ending {
        case let .killed(signal):
            return .transient(code: nil, response: "\(path) was killed by signal \(signal)\(suffix)", fault: .local)
        case .exited(status: 0):
            return .accepted(response: said.isEmpty ? "\(path) accepted the message (exit status 0)" : said)
        case .exited(status: 75):
            return .transient(code: nil, response: "\(path) exited with status 75 (EX_TEMPFAIL)\(suffix)", fault: .message)
        case let .exited(code):
            return .permanent(code: nil, response: "\(path) exited with status \(code)\(Self.exitName(code))\(suffix)")
        }
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
