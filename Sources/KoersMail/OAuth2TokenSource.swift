import CCurl
import Foundation
import KoersFormats
import KoersModel
import Synchronization

/// Obtains the bearer token for SASL XOAUTH2 with the OAuth2 client-credentials flow (RFC 6749
/// §4.4), as Microsoft 365 requires for SMTP once basic authentication is switched off.
///
/// A token is reused until five minutes before it expires, from memory and from a cache file in
/// the state folder (mode 0600), so a restart does not ask for a new one. Expiry is judged by the
/// real clock (`clock`), not the daemon's simulated one: the token endpoint lives in real time.
///
/// Failures are typed for the outbox: no answer or a 5xx/429 answer is temporary (the message is
/// retried), a 4xx answer such as `invalid_client` is a configuration problem for the admin.
public final class OAuth2TokenSource: Sendable {
    public struct Settings: Sendable {
        public var tokenURL: String
        public var clientID: String
        public var clientSecret: SMTPSecret
        public var scope: String
        /// PEM file of the certificate authority to trust instead of the system's (tests, private CAs).
        public var caFile: String?
        public var timeout: Duration

        public init(tokenURL: String, clientID: String, clientSecret: SMTPSecret, scope: String,
                    caFile: String? = nil, timeout: Duration = .seconds(30)) {
            self.tokenURL = tokenURL
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.scope = scope
            self.caFile = caFile
            self.timeout = timeout
        }
    }

    /// How long before its expiry a token is no longer handed out.
    static let margin: TimeInterval = 300

    private let settings: Settings
    private let cache: OAuth2TokenCache?
    private let clock: any WallClock
    private let current = Mutex<OAuth2TokenCache.Token?>(nil)

    /// `cachePath` nil keeps tokens in memory only.
    public init(_ settings: Settings, cachePath: String?, clock: any WallClock = SystemClock()) {
        self.settings = settings
        self.cache = cachePath.map { OAuth2TokenCache(path: $0) }
        self.clock = clock
    }

    /// A token valid for at least five more minutes: the one held, the cached one, or a new one.
    /// A request to the endpoint is cut off when `shouldAbort` turns true (`.stopped`).
    public func token(abortWhen shouldAbort: @escaping () -> Bool = { false }) throws(TransportError) -> String {
        let now = clock.now()
        let key = OAuth2TokenCache.Key(tokenURL: settings.tokenURL, clientID: settings.clientID, scope: settings.scope)
        return try current.withLock { (held: inout OAuth2TokenCache.Token?) throws(TransportError) -> String in
            if let token = held, token.isUsable(at: now, margin: Self.margin) { return token.accessToken }
            if let token = cache?.read(for: key), token.isUsable(at: now, margin: Self.margin) {
                held = token
                return token.accessToken
            }
            let token = try fetch(now: now, abortWhen: shouldAbort)
            held = token
            cache?.write(token, for: key)
            return token.accessToken
        }
    }

    private func fetch(now: Date, abortWhen shouldAbort: @escaping () -> Bool) throws(TransportError) -> OAuth2TokenCache.Token {
        let form = [("grant_type", "client_credentials"), ("client_id", settings.clientID),
                    ("client_secret", settings.clientSecret.value), ("scope", settings.scope)]
            .map { "\(Self.formEncode($0))=\(Self.formEncode($1))" }
            .joined(separator: "&")
        let received: (transfer: CurlTransfer, body: [UInt8])
        do throws(CurlError) {
            let easy = try CurlEasy()
            try easy.set(CURLOPT_URL, settings.tokenURL)
            try easy.set(CURLOPT_PROTOCOLS_STR, "https")
            try easy.set(CURLOPT_COPYPOSTFIELDS, form)
            try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Int(settings.timeout.components.seconds * 1000))
            try easy.set(CURLOPT_TIMEOUT_MS, Int(settings.timeout.components.seconds * 1000))
            if let caFile = settings.caFile { try easy.set(CURLOPT_CAINFO, caFile) }
            received = easy.performReceiving(abortWhen: shouldAbort)
        } catch {
            throw .tokenUnavailable(reason: "libcurl could not be set up: \(error.message)", temporary: true)
        }
        let (transfer, body) = received
        if transfer.failed(with: CURLE_ABORTED_BY_CALLBACK) { throw .stopped }
        guard transfer.succeeded else {
            throw .tokenUnavailable(reason: "\(settings.tokenURL) did not answer: \(transfer.errorMessage)",
                                    temporary: true)
        }
        let json = try? JSONParser.parse(body)
        guard transfer.responseCode == 200 else {
            let error = json?["error"]?.string.map { " (\($0))" } ?? ""
            let temporary = transfer.responseCode >= 500 || transfer.responseCode == 429
            throw .tokenUnavailable(reason: "\(settings.tokenURL) answered HTTP \(transfer.responseCode)\(error)",
                                    temporary: temporary)
        }
        guard let accessToken = json?["access_token"]?.string, !accessToken.isEmpty,
              !accessToken.contains(where: { $0.isNewline || $0 == "\0" }) else {
            throw .tokenUnavailable(reason: "\(settings.tokenURL) answered without a usable access_token",
                                    temporary: false)
        }
        let lifetime = json?["expires_in"]?.int ?? json?["expires_in"]?.string.flatMap { Int($0) } ?? 3600
        return OAuth2TokenCache.Token(accessToken: accessToken,
                                      expiresAt: now.addingTimeInterval(TimeInterval(max(lifetime, 0))))
    }

    /// `application/x-www-form-urlencoded`: everything but RFC 3986's unreserved characters as %XX.
    static func formEncode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return encoded
    }
}
