import Foundation
import KoersModel

/// What happened to one message for one recipient, in the terms the outbox acts on.
///
/// `code` is the SMTP reply code when the server gave one (nil for network failures, local
/// problems and the sendmail and file transports). `response` is the server's last reply line
/// (for example `250 2.0.0 Ok: queued as 4F2A`), or, when there was no reply, what went wrong
/// (libcurl's message, sendmail's exit status and output, the file error). It never holds a
/// password, a token or the message body. `fault` says what the failure ran into: only
/// `.message` is about this message; any other fault ends the outbox's round.
public enum DeliveryOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The server (or program, or folder) took responsibility for the message: SMTP 2xx.
    case accepted(response: String)
    /// Try again later: SMTP 4xx, connection refused or reset, a timeout, sendmail's EX_TEMPFAIL,
    /// a full disk, an OAuth2 token endpoint that is down.
    case transient(code: Int?, response: String, fault: DeliveryFault)
    /// This message will never be accepted for this recipient: SMTP 5xx such as 550 (no such user)
    /// or 553, a malformed address, sendmail exiting with another status. Mark it failed.
    case permanent(code: Int?, response: String)
    /// Koers is set up wrongly and an administrator must act: authentication failed (530, 534,
    /// 535, 538), a 5.7.x policy refusal, STARTTLS unavailable while required, a TLS certificate
    /// problem, an invalid URL, an unreadable secret, a missing folder or program, a 5xx answer
    /// to anything but the recipient or the message. Retrying without a change will not help.
    case configuration(code: Int?, response: String, fault: DeliveryFault)
    /// Cut off because Koers is stopping (see `DeliveryStop`). The server may or may not have the
    /// message: it stays queued and goes again, with the same Message-ID, at the next start.
    case interrupted

    /// The SMTP reply code, when there was one.
    public var code: Int? {
        switch self {
        case .accepted, .interrupted: return nil
        case let .transient(code, _, _), let .permanent(code, _), let .configuration(code, _, _): return code
        }
    }

    /// The server's last reply line, or what went wrong.
    public var response: String {
        switch self {
        case let .accepted(response): return response
        case let .transient(_, response, _), let .permanent(_, response), let .configuration(_, response, _):
            return response
        case .interrupted: return "interrupted: Koers is stopping"
        }
    }

    /// What a failure ran into; nil when the message was accepted or the transfer cut off.
    public var fault: DeliveryFault? {
        switch self {
        case .accepted, .interrupted: return nil
        case .permanent: return .message
        case let .transient(_, _, fault), let .configuration(_, _, fault): return fault
        }
    }

    public var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .accepted(response): return "accepted: \(response)"
        case let .transient(_, response, fault): return "temporary failure, \(fault.summary): \(response)"
        case let .permanent(_, response): return "refused permanently: \(response)"
        case let .configuration(_, response, fault): return "configuration problem, \(fault.summary): \(response)"
        case .interrupted: return response
        }
    }
}

/// One open connection (or its equivalent), reused for a batch of messages.
///
/// A session is used from one thread at a time and is not `Sendable`. `send` blocks until the
/// server has answered (or a timeout fires), so call it from a thread or dispatch queue of its
/// own, never from the Swift concurrency pool. After a failure the session starts afresh: the
/// next `send` opens a new connection. `close` ends the connection politely (SMTP `QUIT`); a
/// session is also closed when it is released.
public protocol MailSession: AnyObject {
    /// Delivers `message` (the complete RFC 5322 text, CRLF line ends) to one recipient.
    func send(from envelopeFrom: String, to recipient: String, message: [UInt8]) -> DeliveryOutcome
    func close()
}

/// A way to deliver mail: SMTP, the local sendmail, or a folder of `.eml` files.
public protocol MailTransport: Sendable {
    /// For logs, for example `smtp://mail.example:587 (STARTTLS required)`. Never holds a secret.
    var description: String { get }
    /// Opens a session. Opening never blocks; the connection is made by the first `send`. A send
    /// that is still running when `stop` is requested is cut off after `DeliveryStop.grace`.
    func openSession(stop: DeliveryStop) -> MailSession
}

extension MailTransport {
    /// A session nothing stops.
    public func openSession() -> MailSession { openSession(stop: .never) }
}

/// Runs blocking mail work (a whole session: open, send a batch, close) on a thread of its own,
/// never on the Swift concurrency pool, and returns its result:
///
///     let outcomes = await MailThread.run {
///         let session = transport.openSession()
///         defer { session.close() }
///         return batch.map { session.send(from: sender, to: $0.recipient, message: $0.bytes) }
///     }
public enum MailThread {
    public static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { () throws(E) -> T in try body() })
            }
            thread.name = "koers-mail"
            thread.start()
        }
        return try result.get()
    }
}

/// Checks an envelope address before it goes into an SMTP command or a command line: no CR, LF,
/// NUL or other control characters, no angle brackets, no spaces, not starting with `-`.
/// The description of a problem names the role ("sender", "recipient"), never the address.
func envelopeAddressProblem(_ address: String, role: String, allowEmpty: Bool) -> String? {
    if address.isEmpty { return allowEmpty ? nil : "the \(role) address is empty" }
    if address.utf8.count > 320 { return "the \(role) address is longer than 320 bytes" }
    for byte in address.utf8 where byte < 0x21 || byte == 0x7F || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
        return "the \(role) address contains a space, a control character or an angle bracket"
    }
    if address.hasPrefix("-") { return "the \(role) address starts with '-'" }
    if !address.contains("@") { return "the \(role) address has no '@'" }
    return nil
}
