/// What a failed delivery ran into, in the administrator's terms (`koers status`, the log).
///
/// Only `.message` is about the message itself. Every other fault lies on the way to the server
/// or with the server as a whole, so the next message would meet it too: the outbox ends its
/// round there instead of logging in again, or waiting out another timeout, for each message.
public enum DeliveryFault: String, Sendable, CaseIterable {
    /// The server answered about this message: its recipient (RCPT) or its content (DATA).
    case message
    /// The server refused the sender address (MAIL FROM), which every message has.
    case sender
    /// The login was refused: 530, 534, 535, 538, or any failing answer to AUTH.
    case authentication
    /// The TLS handshake failed, or the server's certificate is not trusted.
    case tls
    /// STARTTLS is required, and the server does not offer it or refuses it.
    case starttls
    /// The server (or the mail program) did not answer within the timeout.
    case timeout
    /// No connection: refused, unreachable, host name unknown, or broken off.
    case connection
    /// The server turned the session down: its greeting, its answer to EHLO, or 421 (closing).
    case server
    /// No OAuth2 token: the token endpoint refused, failed or did not answer.
    case token
    /// The mail settings cannot work: URL, EHLO name, secret, program or folder.
    case settings
    /// A problem on this machine: a full disk, a mail program that crashed.
    case local

    /// Whether every other message of the round would meet this fault too.
    public var concernsEveryMessage: Bool { self != .message }

    /// A few words for `koers status` and the log, e.g. `authentication failed`.
    public var summary: String {
        switch self {
        case .message: return "refused for this message"
        case .sender: return "sender address refused"
        case .authentication: return "authentication failed"
        case .tls: return "TLS failed"
        case .starttls: return "STARTTLS not available"
        case .timeout: return "timed out"
        case .connection: return "connection failed"
        case .server: return "server refused the session"
        case .token: return "no OAuth2 token"
        case .settings: return "mail settings unusable"
        case .local: return "local problem"
        }
    }
}
