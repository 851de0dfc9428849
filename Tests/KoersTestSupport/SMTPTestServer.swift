import Foundation
import KoersMail
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import KoersTestSupport

/// The SMTP test harness (`Tests/Support/smtp_server.py`, Debian's python3-aiosmtpd) as a child
/// process: a real SMTP server on 127.0.0.1 with STARTTLS, AUTH and a self-signed certificate.
///
/// Each test starts its own (`try SMTPTestServer(.accept)`), so tests run in parallel; the
/// server and its folder go away when the value is released. The harness also exits by itself
/// when this process dies (it watches its parent process id).
///
///     let server = try SMTPTestServer(.accept)
///     let settings = server.settings()          // SMTPSettings: URL, user, password, CA file
///     … send …
///     server.messages                            // what arrived, bytes and envelope
///     server.connectionCount                     // how many SMTP connections said EHLO
///     server.logins                              // each AUTH: did it succeed
package final class SMTPTestServer {
    package enum Mode: String {
        case accept
        case hangOnQuit = "hang-on-quit"
        case tempfailThenAccept = "tempfail-then-accept"
        case reject
        case plainNoTLS = "plain-no-tls"
        case implicitTLS = "implicit-tls"
        case hang
        case tlsBroken = "tls-broken"
    }

    package struct Received {
        package var connection: Int
        package var mailFrom: String
        package var recipients: [String]
        package var login: String?
        package var tls: Bool
        package var helo: String?
        package var bytes: [UInt8]
    }

    package static let user = "koers-test"
    package static let password = "correct horse battery staple"
    package static let token = "test-oauth-token"

    let mode: Mode
    private let harness: HarnessProcess
    var folder: String { harness.folder }
    var port: Int { harness.port }
    package var certificate: String { harness.certificate }

    /// Starts the harness and waits (at most `startTimeout`) until it is ready.
    package init(_ mode: Mode, tempfail: Int = 1, startTimeout: Duration = .seconds(30)) throws {
        self.mode = mode
        harness = try HarnessProcess(script: "smtp_server.py", arguments: ["--mode", mode.rawValue, "--tempfail", String(tempfail)],
                                     startTimeout: startTimeout)
    }

    /// `smtp://127.0.0.1:PORT`, or `smtps://…` for the implicit-TLS mode.
    package var url: String { (mode == .implicitTLS ? "smtps" : "smtp") + "://127.0.0.1:\(port)" }

    /// Settings that work against this server: its URL, the harness's user and password, its
    /// certificate as the CA file, and short timeouts.
    package func settings(password: String? = SMTPTestServer.password, timeout: Duration = .seconds(10)) -> SMTPSettings {
        SMTPSettings(url: url, heloName: "koers.test", username: password == nil ? nil : Self.user,
                     password: password.map { SMTPSecret(value: $0, source: "test") },
                     connectTimeout: .seconds(5), timeout: timeout, caFile: certificate)
    }

    /// Every line of the harness's JSON log.
    var log: [[String: Any]] { harness.jsonLines("log.jsonl") }

    /// Connections on which a client said EHLO or HELO.
    package var connectionCount: Int { log.filter { $0["event"] as? String == "connection" }.count }

    /// Every AUTH command, in order: whether the credentials were right.
    package var logins: [Bool] { log.filter { $0["event"] as? String == "auth" }.map { $0["success"] as? Bool ?? false } }

    /// The messages that arrived, in order.
    package var messages: [Received] {
        log.filter { $0["event"] as? String == "message" }.map { entry in
            let file = folder + "/" + (entry["file"] as? String ?? "")
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))).map { [UInt8]($0) } ?? []
            return Received(connection: entry["connection"] as? Int ?? 0,
                            mailFrom: entry["mail_from"] as? String ?? "",
                            recipients: entry["rcpt_tos"] as? [String] ?? [],
                            login: entry["login"] as? String,
                            tls: entry["tls"] as? Bool ?? false,
                            helo: entry["helo"] as? String,
                            bytes: bytes)
        }
    }

    /// A TCP port on 127.0.0.1 where nobody listens (bound, then released).
    package static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(fd >= 0, "socket() failed")
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        precondition(bound, "bind() failed")
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Runs blocking work (a mail session) off the concurrency pool, through `MailThread`.
package func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await MailThread.run(body)
}

/// `offThePool`, and how long `body` took on its thread: on a busy machine the test may wait for
/// the concurrency pool afterwards, and that is no time the send took.
package func timedOffThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> (result: T, elapsed: Duration) {
    try await MailThread.run {
        let clock = ContinuousClock()
        let started = clock.now
        let result = try body()
        return (result, clock.now - started)
    }
}
