import Foundation
@testable import KoersMail
@testable import KoersModel
@testable import KoersServices
import KoersTestSupport
import Testing

/// `Tests/Support/token_server.py`: a real HTTPS token endpoint on 127.0.0.1.
final class TokenTestServer {
    enum Mode: String { case ok, invalidClient = "invalid-client", unavailable, hang }

    static let clientID = "koers-client"
    static let secret = "client secret value"
    static let scope = "https://outlook.office365.com/.default"

    let harness: HarnessProcess
    var url: String { "https://127.0.0.1:\(harness.port)/tenant/oauth2/v2.0/token" }
    var requests: [[String: Any]] { harness.jsonLines("requests.jsonl") }

    init(_ mode: Mode, expiresIn: Int = 3599) throws {
        harness = try HarnessProcess(script: "token_server.py",
                                     arguments: ["--mode", mode.rawValue, "--expires-in", String(expiresIn)])
    }

    func settings(secret: String = TokenTestServer.secret, timeout: Duration = .seconds(10)) -> OAuth2TokenSource.Settings {
        .init(tokenURL: url, clientID: Self.clientID, clientSecret: SMTPSecret(value: secret, source: "test"),
              scope: Self.scope, caFile: harness.certificate, timeout: timeout)
    }
}

private func token(from source: OAuth2TokenSource) async throws -> String {
    try await offThePool { try source.token() }
}

private func tokenError(from source: OAuth2TokenSource) async -> TransportError? {
    do {
        _ = try await token(from: source)
        return nil
    } catch {
        return error as? TransportError
    }
}

/// The fixture's configuration with SMTP settings: `smtp` is the inside of the "smtp" object.
private func smtpConfig(database: String, smtp: String) -> String {
    """
    {
      "format": "koers-config/1",
      "database": "\(database)",
      "timeZone": "Europe/Amsterdam",
      "agendas": ["agenda.json"],
      "people": [
        { "id": "c.jansen", "name": "Carla Jansen", "email": "c.jansen@example.org", "roles": ["co-oper", "directieteam"] },
        { "id": "p.smit", "name": "Pieter Smit", "email": "p.smit@example.org", "roles": ["schoolleiders"] }
      ],
      "mail": {
        "from": { "name": "Koers", "address": "koers@school.example" },
        "transport": "smtp",
        "smtp": {
    \(smtp)
        }
      }
    }
    """
}

@Suite("OAuth2 token source")
struct OAuth2TokenSourceTests {
    let moment = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("fetches a token with the client-credentials grant over HTTPS, form-encoded")
    func fetches() async throws {
        let server = try TokenTestServer(.ok)
        let source = OAuth2TokenSource(server.settings(), cachePath: nil, clock: FixedClock(moment))

        #expect(try await token(from: source) == SMTPTestServer.token)
        let request = try #require(server.requests.first)
        #expect(request["path"] as? String == "/tenant/oauth2/v2.0/token")
        #expect(request["content_type"] as? String == "application/x-www-form-urlencoded")
        #expect(request["secret_ok"] as? Bool == true)
        let fields = try #require(request["fields"] as? [String: String])
        #expect(fields == ["grant_type": "client_credentials", "client_id": TokenTestServer.clientID,
                           "scope": TokenTestServer.scope])
    }

    @Test("reuses a token until five minutes before it expires, also across restarts through the cache file")
    func caches() async throws {
        let server = try TokenTestServer(.ok, expiresIn: 3600)
        let fixture = Fixture()
        let cache = fixture.folder + "/oauth2-token.json"

        let first = OAuth2TokenSource(server.settings(), cachePath: cache, clock: FixedClock(moment))
        _ = try await token(from: first)
        _ = try await token(from: first)
        #expect(server.requests.count == 1)

        var info = stat()
        #expect(stat(cache, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let text = try String(contentsOfFile: cache, encoding: .utf8)
        #expect(!text.contains(TokenTestServer.secret))

        let restarted = OAuth2TokenSource(server.settings(), cachePath: cache,
                                          clock: FixedClock(moment.addingTimeInterval(3000)))
        #expect(try await token(from: restarted) == SMTPTestServer.token)
        #expect(server.requests.count == 1)

        let nearExpiry = OAuth2TokenSource(server.settings(), cachePath: cache,
                                           clock: FixedClock(moment.addingTimeInterval(3301)))
        _ = try await token(from: nearExpiry)
        #expect(server.requests.count == 2)
    }

    @Test("a cached token for another client or scope is not used")
    func cacheKeyedBySettings() async throws {
        let server = try TokenTestServer(.ok)
        let fixture = Fixture()
        let cache = fixture.folder + "/oauth2-token.json"
        _ = try await token(from: OAuth2TokenSource(server.settings(), cachePath: cache, clock: FixedClock(moment)))

        var other = server.settings()
        other.scope = "https://graph.microsoft.com/.default"
        let error = await tokenError(from: OAuth2TokenSource(other, cachePath: cache, clock: FixedClock(moment)))
        #expect(server.requests.count == 2, "the other scope asked the endpoint itself")
        #expect(error == .tokenUnavailable(reason: "\(server.url) answered HTTP 401 (invalid_client)", temporary: false))
    }

    @Test("a wrong client secret is a configuration problem; an endpoint that is down or unreachable is temporary")
    func failures() async throws {
        let wrongSecret = try TokenTestServer(.ok)
        let refused = await tokenError(from: OAuth2TokenSource(wrongSecret.settings(secret: "wrong"), cachePath: nil))
        #expect(refused == .tokenUnavailable(reason: "\(wrongSecret.url) answered HTTP 401 (invalid_client)", temporary: false))
        #expect(refused?.description.contains("Check the OAuth2 client settings") == true)

        let down = try TokenTestServer(.unavailable)
        let unavailable = await tokenError(from: OAuth2TokenSource(down.settings(), cachePath: nil))
        #expect(unavailable == .tokenUnavailable(reason: "\(down.url) answered HTTP 503", temporary: true))

        var nobody = down.settings()
        nobody.tokenURL = "https://127.0.0.1:\(SMTPTestServer.closedPort())/token"
        guard case let .tokenUnavailable(reason, temporary)? = await tokenError(from: OAuth2TokenSource(nobody, cachePath: nil)) else {
            Issue.record("expected tokenUnavailable")
            return
        }
        #expect(temporary)
        #expect(reason.hasPrefix("\(nobody.tokenURL) did not answer"))
    }

    @Test("an endpoint that never answers is cut off by a stop, long before its timeout; the send is interrupted")
    func stopWhileEndpointHangs() async throws {
        let tokens = try TokenTestServer(.hang)
        let smtp = try SMTPTestServer(.accept)
        let source = OAuth2TokenSource(tokens.settings(timeout: .seconds(120)), cachePath: nil)
        var settings = smtp.settings(password: nil)
        settings.username = "koers@school.example"
        settings.oauthToken = { abortWhen in try source.token(abortWhen: abortWhen) }
        let (outcome, elapsed) = try await deliverOverSMTP(settings, stop: DeliveryStop { true })
        #expect(outcome == .interrupted)
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        #expect(tokens.requests.count == 1)
        #expect(smtp.connectionCount == 0)
    }

    @Test("an endpoint that is down, unreachable, silent or refusing makes a token fault, which ends the outbox's round")
    func tokenFaults() async throws {
        let down = try TokenTestServer(.unavailable)
        let hanging = try TokenTestServer(.hang)
        let refusing = try TokenTestServer(.invalidClient)
        let smtp = try SMTPTestServer(.accept)
        var nobody = down.settings()
        nobody.tokenURL = "https://127.0.0.1:\(SMTPTestServer.closedPort())/token"
        for tokenSettings in [down.settings(), nobody, hanging.settings(timeout: .seconds(1)), refusing.settings()] {
            let source = OAuth2TokenSource(tokenSettings, cachePath: nil)
            var settings = smtp.settings(password: nil)
            settings.username = "koers@school.example"
            settings.oauthToken = { abortWhen in try source.token(abortWhen: abortWhen) }
            let outcome = try #require(try await deliverOverSMTP(settings).first)
            #expect(outcome.fault == .token, "\(outcome)")
            #expect(outcome.fault?.concernsEveryMessage == true)
        }
        #expect(smtp.connectionCount == 0, "no login without a token")
    }

    @Test("an endpoint whose certificate is not trusted is refused")
    func untrustedCertificate() async throws {
        let server = try TokenTestServer(.ok)
        var settings = server.settings()
        settings.caFile = nil
        let error = await tokenError(from: OAuth2TokenSource(settings, cachePath: nil))
        guard case let .tokenUnavailable(_, temporary)? = error else {
            Issue.record("expected tokenUnavailable, got \(String(describing: error))")
            return
        }
        #expect(temporary)
        #expect(server.requests.isEmpty)
    }

    @Test("form encoding escapes everything but unreserved characters")
    func formEncoding() {
        #expect(OAuth2TokenSource.formEncode("https://outlook.office365.com/.default")
                == "https%3A%2F%2Foutlook.office365.com%2F.default")
        #expect(OAuth2TokenSource.formEncode("a b+c&d=é~") == "a%20b%2Bc%26d%3D%C3%A9~")
    }

    @Test("a configuration with oauth2 sends through SMTP with a token from the endpoint, cached in the state folder")
    func configuredTransport() async throws {
        let tokens = try TokenTestServer(.ok)
        let smtp = try SMTPTestServer(.accept)
        let fixture = Fixture()
        fixture.write("client-secret", TokenTestServer.secret + "\n")
        fixture.standard(config: smtpConfig(database: "state/koers.sqlite", smtp: """
              "url": "\(smtp.url)", "heloName": "koers.test", "username": "koers@school.example",
              "caFile": "\(smtp.certificate)", "timeoutSeconds": 10,
              "oauth2": { "tokenUrl": "\(tokens.url)", "clientId": "\(TokenTestServer.clientID)",
                          "clientSecretFile": "\(fixture.folder)/client-secret", "caFile": "\(tokens.harness.certificate)" }
        """))
        try FileManager.default.createDirectory(atPath: fixture.folder + "/state", withIntermediateDirectories: true)
        let config = try fixture.load().config

        let outcome = try await offThePool {
            let session = try MailTransportFactory.make(config, environment: [:]).openSession()
            defer { session.close() }
            return session.send(from: "koers@school.example", to: "c.jansen@example.org", message: TransportFixtures.message)
        }
        #expect(outcome.isAccepted, "\(outcome)")
        #expect(smtp.messages.first?.login == "koers@school.example")
        #expect(tokens.requests.count == 1)
        #expect(FileManager.default.fileExists(atPath: fixture.folder + "/state/oauth2-token.json"))
    }

    @Test("a client secret file that cannot be read is named as the OAuth2 client secret, not as the SMTP password")
    func unreadableClientSecret() throws {
        let fixture = Fixture()
        fixture.standard(config: smtpConfig(database: "koers.sqlite", smtp: """
              "url": "smtp://smtp.office365.com:587", "heloName": "koers.test", "username": "koers@school.example",
              "oauth2": { "tokenUrl": "https://login.microsoftonline.com/t/oauth2/v2.0/token", "clientId": "x",
                          "clientSecretFile": "\(fixture.folder)/missing-secret" }
        """))
        let config = try fixture.load().config
        #expect(throws: TransportError.secretUnreadable(.oauth2ClientSecret, source: "file \(fixture.folder)/missing-secret",
                                                        reason: "No such file or directory")) {
            try MailTransportFactory.make(config, environment: [:])
        }
        let error = TransportError.secretEmpty(.oauth2ClientSecret, source: "file /etc/koers/client-secret")
        #expect(error.description == "The OAuth2 client secret in file /etc/koers/client-secret is empty. "
                + "Write the OAuth2 client secret into it, on one line.")
    }

    @Test("oauth2 needs exactly one client secret source, a user name, and no password next to it")
    func configurationChecks() throws {
        let fixture = Fixture()
        fixture.standard(config: smtpConfig(database: "koers.sqlite", smtp: """
              "url": "smtp://smtp.office365.com:587", "heloName": "koers.test", "passwordFile": "/etc/koers/pw",
              "oauth2": { "tokenUrl": "https://login.microsoftonline.com/t/oauth2/v2.0/token", "clientId": "x" }
        """))
        let messages = fixture.check().diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(messages.contains { $0.contains(":15:17: error: mail.smtp.oauth2: ") && $0.contains("give exactly one of \"clientSecretFile\"") })
        #expect(messages.contains { $0.contains(":15:17: error: mail.smtp.oauth2: ") && $0.contains("OAuth2 replaces the password") })
        #expect(messages.contains { $0.contains(":13:13: error: mail.smtp: ") && $0.contains("authentication needs \"username\"") })
    }
}
