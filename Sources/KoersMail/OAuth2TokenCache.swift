import Foundation
import KoersFormats
import KoersModel
import KoersSystem

/// The last OAuth2 token, kept in a file of its own in the state folder (mode 0600) so that a
/// restarted daemon and the `koers mail test` command do not each ask for a new one.
///
/// The file names the endpoint, client and scope the token was issued for; a token for other
/// settings is ignored. A missing, unreadable or damaged file is simply no cache: the token is
/// fetched again, and writing the cache is best effort for the same reason.
struct OAuth2TokenCache: Sendable {
    struct Key: Equatable, Sendable {
        var tokenURL: String
        var clientID: String
        var scope: String
    }

    struct Token: Sendable {
        var accessToken: String
        var expiresAt: Date

        func isUsable(at now: Date, margin: TimeInterval) -> Bool {
            expiresAt.timeIntervalSince(now) > margin
        }
    }

    static let format = "koers-oauth2-token/1"

    let path: String

    func read(for key: Key) -> Token? {
        guard let data = FileManager.default.contents(atPath: path),
              let root = try? JSONParser.parse([UInt8](data)),
              root["format"]?.string == Self.format,
              root["tokenUrl"]?.string == key.tokenURL, root["clientId"]?.string == key.clientID,
              root["scope"]?.string == key.scope,
              let accessToken = root["accessToken"]?.string, !accessToken.isEmpty,
              let expiresAt = root["expiresAt"]?.string.flatMap(Timestamp.parse)
        else { return nil }
        return Token(accessToken: accessToken, expiresAt: expiresAt)
    }

    func write(_ token: Token, for key: Key) {
        let text = JSONWriter.write(.object([
            ("format", .string(Self.format)),
            ("tokenUrl", .string(key.tokenURL)),
            ("clientId", .string(key.clientID)),
            ("scope", .string(key.scope)),
            ("expiresAt", .string(Timestamp.format(token.expiresAt))),
            ("accessToken", .string(token.accessToken)),
        ]))
        try? AtomicFile.write(text + "\n", to: path, mode: 0o600)
    }
}
