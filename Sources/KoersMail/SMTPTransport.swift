import CCurl
import Foundation
import KoersModel

/// How to reach the SMTP server.
///
/// - `url`: `smtp://host:587` (STARTTLS, required by default) or `smtps://host:465` (TLS from the
///   first byte). No user name, password, path or query in it.
/// - `heloName`: the name Koers gives in EHLO, e.g. the server's own host name.
/// - `requireTLS`: for `smtp://`, refuse to continue without STARTTLS (default). When false,
///   STARTTLS is used if the server offers it.
/// - `username` with `password`: AUTH PLAIN or LOGIN (libcurl picks what the server offers).
/// - `username` with `oauthToken`: SASL XOAUTH2 with the bearer token the closure returns (called
///   once per connection, with a check that turns true when Koers is stopping; it may throw
///   `TransportError.tokenUnavailable` or `.stopped`).
/// - `connectTimeout`: for connecting: the TCP connection, TLS, and the greeting, EHLO and AUTH.
/// - `timeout`: the longest the server may stay silent: per reply, and while the message is
///   being sent. Each send is also cut off after `connectTimeout + 5 × timeout` as a backstop.
/// - `caFile`: a PEM file of certificate authorities to trust instead of the system's.
public struct SMTPSettings: Sendable {
    public var url: String
    public var heloName: String
    public var requireTLS: Bool
    public var username: String?
    public var password: SMTPSecret?
    public var oauthToken: (@Sendable (_ abortWhen: @escaping () -> Bool) throws -> String)?
    public var connectTimeout: Duration
    public var timeout: Duration
    public var caFile: String?

    public init(url: String, heloName: String, requireTLS: Bool = true, username: String? = nil,
                password: SMTPSecret? = nil, oauthToken: (@Sendable (_ abortWhen: @escaping () -> Bool) throws -> String)? = nil,
                connectTimeout: Duration = .seconds(30), timeout: Duration = .seconds(60), caFile: String? = nil) {
        self.url = url
        self.heloName = heloName
        self.requireTLS = requireTLS
        self.username = username
        self.password = password
        self.oauthToken = oauthToken
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.caFile = caFile
    }
}

/// Sends mail over SMTP through libcurl: `smtp://` with STARTTLS (required by default) or
/// `smtps://`, AUTH PLAIN/LOGIN or XOAUTH2. A session is one connection, reused for a batch.
public struct SMTPTransport: MailTransport {
    public let settings: SMTPSettings

    public init(_ settings: SMTPSettings) {
        self.settings = settings
    }

    public var description: String {
        let endpoint: SMTPEndpoint
        do throws(TransportError) {
            endpoint = try SMTPEndpoint(settings)
        } catch {
            guard case let .invalidSettings(reason) = error else { return "smtp (invalid settings)" }
            return "smtp (invalid settings: \(reason))"
        }
        var details: [String] = []
        if endpoint.implicitTLS {
            details.append("implicit TLS")
        } else {
            details.append(settings.requireTLS ? "STARTTLS required" : "STARTTLS if offered")
        }
        if settings.oauthToken != nil {
            details.append("AUTH XOAUTH2")
        } else if settings.password != nil {
            details.append("AUTH PLAIN/LOGIN")
        }
        return "\(endpoint.display) (\(details.joined(separator: ", ")))"
    }

    public func openSession(stop: DeliveryStop) -> MailSession {
        SMTPSession(settings: settings, stop: stop)
    }

    /// Checks the settings without connecting.
    public func validate() throws(TransportError) {
        _ = try SMTPEndpoint(settings)
    }
}

/// The URL taken apart and checked: scheme, authority, and the URL libcurl gets (EHLO name as
/// its path).
struct SMTPEndpoint {
    let display: String
    let curlURL: String
    let implicitTLS: Bool

    init(_ settings: SMTPSettings) throws(TransportError) {
        let url = settings.url.trimmingASCIIWhitespace()
        guard let schemeEnd = url.range(of: "://") else {
            throw .invalidSettings("the URL must start with smtp:// or smtps://")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "smtp" || scheme == "smtps" else {
            throw .invalidSettings("the URL must start with smtp:// or smtps://, not \(scheme)://")
        }
        var rest = url[schemeEnd.upperBound...]
        let authority: Substring
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            authority = rest[..<slash]
            rest = rest[slash...]
        } else {
            authority = rest
            rest = ""
        }
        guard rest.isEmpty || rest == "/" else {
            throw .invalidSettings("the URL must be only smtp://host:port (the EHLO name is a setting of its own)")
        }
        guard !authority.contains("@") else {
            throw .invalidSettings("the URL must not contain a user name or password: set the user name "
                + "as a setting and keep the password in a file or systemd credential")
        }
        guard !authority.isEmpty,
              authority.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value != 0x7F && !"\\%".unicodeScalars.contains($0) })
        else {
            throw .invalidSettings("the URL has no valid host")
        }
        let helo = settings.heloName
        guard !helo.isEmpty, helo.utf8.count <= 255,
              helo.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-[]:".unicodeScalars.contains($0)) })
        else {
            throw .invalidSettings("the EHLO name must be a host name (letters, digits, '.', '-') or an address literal")
        }
        if let username = settings.username,
           username.isEmpty || username.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .invalidSettings("the user name is empty or contains control characters")
        }
        if settings.password != nil || settings.oauthToken != nil, settings.username == nil {
            throw .invalidSettings("a password or OAuth2 token needs a user name")
        }
        if settings.password != nil, settings.oauthToken != nil {
            throw .invalidSettings("give either a password or an OAuth2 token, not both")
        }
        implicitTLS = scheme == "smtps"
        display = "\(scheme)://\(authority)"
        curlURL = "\(scheme)://\(authority)/\(helo)"
    }
}

/// One SMTP connection (one libcurl easy handle), opened by the first `send`.
final class SMTPSession: MailSession {
    private let settings: SMTPSettings
    private let stop: DeliveryStop
    private var easy: CurlEasy?

    init(settings: SMTPSettings, stop: DeliveryStop = .never) {
        self.settings = settings
        self.stop = stop
    }

    deinit { easy = nil }

    /// Says QUIT, unless Koers is stopping: then the connection is just dropped, as a server that
    /// hangs on QUIT would otherwise hold up the stop for a whole timeout.
    func close() {
        if stop.isRequested { easy?.shutDownConnection() }
        easy = nil
    }

    func send(from envelopeFrom: String, to recipient: String, message: [UInt8]) -> DeliveryOutcome {
        if let problem = envelopeAddressProblem(envelopeFrom, role: "sender", allowEmpty: true) {
            return .configuration(code: nil, response: "Not sent: \(problem).", fault: .sender)
        }
        if let problem = envelopeAddressProblem(recipient, role: "recipient", allowEmpty: false) {
            return .permanent(code: nil, response: "Not sent: \(problem).")
        }
        // One grace for the whole send, the token request included.
        let cutoff = stop.cutoff()
        let easy: CurlEasy
        switch connection(abortWhen: cutoff) {
        case let .success(ready): easy = ready
        case let .failure(outcome): return outcome
        }
        do throws(CurlError) {
            try easy.set(CURLOPT_MAIL_FROM, "<\(envelopeFrom)>")
            try easy.setRecipients(["<\(recipient)>"])
            try easy.set(CURLOPT_TIMEOUT_MS, Self.milliseconds(settings.connectTimeout + settings.timeout * 5))
        } catch {
            self.easy = nil
            return .configuration(code: nil, response: "libcurl refused an option: \(error.message)", fault: .settings)
        }
        let outcome = Self.outcome(of: easy.perform(uploading: message, abortWhen: cutoff))
        if !outcome.isAccepted {
            // Start afresh: the next send opens a new connection.
            self.easy = nil
        }
        return outcome
    }

    private enum Connection { case success(CurlEasy), failure(DeliveryOutcome) }

    /// The open handle, or a new one configured from the settings.
    private func connection(abortWhen shouldAbort: @escaping () -> Bool) -> Connection {
        if let easy { return .success(easy) }
        let endpoint: SMTPEndpoint
        do throws(TransportError) {
            endpoint = try SMTPEndpoint(settings)
        } catch {
            return .failure(.configuration(code: nil, response: error.description, fault: .settings))
        }
        var bearer: String?
        if let oauthToken = settings.oauthToken {
            do {
                bearer = try oauthToken(shouldAbort)
            } catch TransportError.stopped {
                return .failure(.interrupted)
            } catch let error as TransportError {
                if case let .tokenUnavailable(_, temporary) = error, temporary {
                    return .failure(.transient(code: nil, response: error.description, fault: .token))
                }
                return .failure(.configuration(code: nil, response: error.description, fault: .token))
            } catch {
                return .failure(.configuration(code: nil, response: "Could not obtain an OAuth2 token: \(error)", fault: .token))
            }
        }
        do throws(CurlError) {
            let easy = try CurlEasy()
            try easy.set(CURLOPT_URL, endpoint.curlURL)
            try easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
            if !endpoint.implicitTLS {
                try easy.set(CURLOPT_USE_SSL, Int((settings.requireTLS ? CURLUSESSL_ALL : CURLUSESSL_TRY).rawValue))
            }
            try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
            try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
            if let caFile = settings.caFile { try easy.set(CURLOPT_CAINFO, caFile) }
            if let username = settings.username { try easy.set(CURLOPT_USERNAME, username) }
            if let password = settings.password { try easy.set(CURLOPT_PASSWORD, password.value) }
            if let bearer {
                try easy.set(CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2")
                try easy.set(CURLOPT_XOAUTH2_BEARER, bearer)
            }
            try easy.set(CURLOPT_UPLOAD, true)
            try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(settings.connectTimeout))
            let silence = Self.wholeSeconds(settings.timeout)
            // Per reply (also bounds the QUIT when the session closes) …
            try easy.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, silence)
            // … and while the message is being sent: under 1 byte/s for that long aborts.
            try easy.set(CURLOPT_LOW_SPEED_LIMIT, 1)
            try easy.set(CURLOPT_LOW_SPEED_TIME, silence)
            self.easy = easy
            return .success(easy)
        } catch {
            return .failure(.configuration(code: nil, response: "Could not set up libcurl: \(error.message)", fault: .settings))
        }
    }

    // MARK: - Classification

    static func outcome(of transfer: CurlTransfer) -> DeliveryOutcome {
        if transfer.failed(with: CURLE_ABORTED_BY_CALLBACK) { return .interrupted }
        let code = transfer.responseCode
        let reply = finalReply(transfer.serverLines, code: code)
        if transfer.succeeded {
            return .accepted(response: reply?.text ?? "\(code)")
        }
        if code >= 400 {
            let text = reply?.text ?? "\(code) (\(transfer.errorMessage))"
            return classify(code: code, response: text, answering: reply?.answering)
        }
        // No failing SMTP reply: a network, TLS or local problem.
        let text = transfer.errorMessage
        if transfer.failed(with: CURLE_USE_SSL_FAILED) {
            return .configuration(code: nil, response: text, fault: .starttls)
        }
        if transfer.failed(with: CURLE_SSL_CONNECT_ERROR)
            || transfer.failed(with: CURLE_PEER_FAILED_VERIFICATION)
            || transfer.failed(with: CURLE_SSL_CERTPROBLEM)
            || transfer.failed(with: CURLE_SSL_CIPHER)
            || transfer.failed(with: CURLE_SSL_CACERT_BADFILE)
            || transfer.failed(with: CURLE_SSL_ISSUER_ERROR)
            || transfer.failed(with: CURLE_SSL_PINNEDPUBKEYNOTMATCH)
            || transfer.failed(with: CURLE_SSL_CRL_BADFILE)
            || transfer.failed(with: CURLE_SSL_ENGINE_NOTFOUND)
            || transfer.failed(with: CURLE_SSL_ENGINE_SETFAILED)
            || transfer.failed(with: CURLE_SSL_ENGINE_INITFAILED)
            || transfer.failed(with: CURLE_SSL_SHUTDOWN_FAILED) {
            return .configuration(code: nil, response: text, fault: .tls)
        }
        if transfer.failed(with: CURLE_LOGIN_DENIED) || transfer.failed(with: CURLE_AUTH_ERROR) {
            return .configuration(code: nil, response: text, fault: .authentication)
        }
        if transfer.failed(with: CURLE_URL_MALFORMAT)
            || transfer.failed(with: CURLE_UNSUPPORTED_PROTOCOL)
            || transfer.failed(with: CURLE_NOT_BUILT_IN) {
            return .configuration(code: nil, response: text, fault: .settings)
        }
        if transfer.failed(with: CURLE_FILESIZE_EXCEEDED) {
            // The server announced a size limit this message exceeds.
            return .configuration(code: nil, response: text, fault: .message)
        }
        if transfer.failed(with: CURLE_OPERATION_TIMEDOUT) {
            return .transient(code: nil, response: text, fault: .timeout)
        }
        // COULDNT_CONNECT, COULDNT_RESOLVE_HOST, SEND_ERROR, RECV_ERROR, GOT_NOTHING,
        // WEIRD_SERVER_REPLY, … : the network or the server is in trouble now.
        return .transient(code: nil, response: text, fault: .connection)
    }

    /// An SMTP failure reply, judged by its code and by the command it answered (nil: the
    /// greeting). A refused recipient or message (RCPT, DATA): 4xx transient, 5.7.x configuration,
    /// other 5xx permanent. A refusal of anything else concerns every message: 4xx transient,
    /// 5xx configuration, never permanent (it says nothing about this message). 530, 534, 535
    /// and 538 are always a failed login, 421 always the server closing the session.
    static func classify(code: Int, response: String, answering command: String?) -> DeliveryOutcome {
        let fault: DeliveryFault
        switch (code, command) {
        case (530, _), (534, _), (535, _), (538, _), (_, "AUTH"?): fault = .authentication
        case (421, _): fault = .server
        case (_, "STARTTLS"?): fault = .starttls
        case (_, "MAIL"?): fault = .sender
        case (_, "RCPT"?), (_, "DATA"?): fault = .message
        default: fault = .server
        }
        switch code {
        case 400..<500:
            return .transient(code: code, response: response, fault: fault)
        case 500..<600:
            if fault.concernsEveryMessage {
                return .configuration(code: code, response: response, fault: fault)
            }
            if let enhanced = enhancedStatus(response), enhanced.class == 5, enhanced.subject == 7 {
                return .configuration(code: code, response: response, fault: fault)
            }
            return .permanent(code: code, response: response)
        default:
            return .transient(code: code, response: response, fault: fault)
        }
    }

    /// The last line of the reply that carried `code` (CURLINFO_RESPONSE_CODE), e.g.
    /// `250 2.0.0 Ok: queued as 4F2A`. After a refused RCPT libcurl still says QUIT, so the very
    /// last line may be `221 Bye`; the reply that decided is the last one with `code`.
    static func finalReply(_ lines: [ServerLine], code: Int) -> ServerLine? {
        let prefix = String(code)
        if code > 0, let line = lines.last(where: { $0.text.hasPrefix(prefix) }) { return line }
        return lines.last
    }

    /// The RFC 3463 enhanced status code after the reply code: `550 5.7.1 …` → (5, 7, 1).
    static func enhancedStatus(_ response: String) -> (class: Int, subject: Int, detail: Int)? {
        let bytes = Array(response.utf8)
        guard bytes.count >= 9, bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-") else { return nil }
        let rest = String(decoding: bytes[4...], as: UTF8.self)
        let token = rest.split(separator: " ", maxSplits: 1).first ?? ""
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let c = Int(parts[0]), let s = Int(parts[1]), let d = Int(parts[2]),
              [2, 4, 5].contains(c), parts[1].count <= 3, parts[2].count <= 3 else { return nil }
        return (c, s, d)
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let ms = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int(max(1, min(ms, Int64(Int32.max))))
    }

    static func wholeSeconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(max(1, min(seconds + (attoseconds > 0 ? 1 : 0), Int64(Int32.max / 1000))))
    }
}

private extension String {
    func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
