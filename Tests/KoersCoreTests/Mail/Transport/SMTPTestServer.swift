import Foundation
@testable import KoersCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
final class SMTPTestServer {
    enum Mode: String {
        case accept
        case tempfailThenAccept = "tempfail-then-accept"
        case reject
        case plainNoTLS = "plain-no-tls"
        case implicitTLS = "implicit-tls"
        case hang
    }

    struct Received {
        var connection: Int
        var mailFrom: String
        var recipients: [String]
        var login: String?
        var tls: Bool
        var helo: String?
        var bytes: [UInt8]
    }

    enum StartError: Error, CustomStringConvertible {
        case failed(String)
        var description: String {
            switch self { case let .failed(text): return "The SMTP test server did not start: \(text)" }
        }
    }

    static let user = "koers-test"
    static let password = "correct horse battery staple"
    static let token = "test-oauth-token"
    static let python = "/usr/bin/python3"   // Debian's aiosmtpd is importable only by this one
    static let script = repository + "/Tests/Support/smtp_server.py"

    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    let mode: Mode
    let folder: String
    let port: Int
    let certificate: String
    private let process: Process
    private let exited: DispatchSemaphore

    /// Starts the harness and waits (at most `startTimeout`) until it prints `READY`.
    init(_ mode: Mode, tempfail: Int = 1, startTimeout: Duration = .seconds(30)) throws {
        self.mode = mode
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("koers-smtp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.script, "--mode", mode.rawValue, "--dir", folder,
                             "--tempfail", String(tempfail)]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let stdout = Pipe()
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        _ = FileManager.default.createFile(atPath: folder + "/stderr.log", contents: nil)
        process.standardOutput = stdout
        process.standardError = FileHandle(forWritingAtPath: folder + "/stderr.log")
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw StartError.failed("\(Self.python) could not be started: \(error)")
        }
        self.process = process
        self.exited = exited

        guard let line = Self.readLine(from: stdout.fileHandleForReading.fileDescriptor, timeout: startTimeout) else {
            let stderr = (try? String(contentsOfFile: folder + "/stderr.log", encoding: .utf8)) ?? ""
            Self.stop(process, exited)
            try? FileManager.default.removeItem(atPath: folder)
            throw StartError.failed("no READY line within \(startTimeout). stderr:\n\(stderr)")
        }
        let words = line.split(separator: " ")
        guard words.count == 3, words[0] == "READY", let port = Int(words[1]) else {
            Self.stop(process, exited)
            try? FileManager.default.removeItem(atPath: folder)
            throw StartError.failed("unexpected first line: \(line)")
        }
        self.port = port
        certificate = String(words[2])
    }

    deinit {
        Self.stop(process, exited)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// SIGTERM (the harness stops its server and exits 0); SIGKILL if it has not exited after 5 s.
    private static func stop(_ process: Process, _ exited: DispatchSemaphore) {
        if process.isRunning { process.terminate() }
        if exited.wait(timeout: .now() + .seconds(5)) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
    }

    /// `smtp://127.0.0.1:PORT`, or `smtps://…` for the implicit-TLS mode.
    var url: String { (mode == .implicitTLS ? "smtps" : "smtp") + "://127.0.0.1:\(port)" }

    /// Settings that work against this server: its URL, the harness's user and password, its
    /// certificate as the CA file, and short timeouts.
    func settings(password: String? = SMTPTestServer.password, timeout: Duration = .seconds(10)) -> SMTPSettings {
        SMTPSettings(url: url, heloName: "koers.test", username: password == nil ? nil : Self.user,
                     password: password.map { SMTPSecret(value: $0, source: "test") },
                     connectTimeout: .seconds(5), timeout: timeout, caFile: certificate)
    }

    /// Every line of the harness's JSON log.
    var log: [[String: Any]] {
        guard let text = try? String(contentsOfFile: folder + "/log.jsonl", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// Connections on which a client said EHLO or HELO.
    var connectionCount: Int { log.filter { $0["event"] as? String == "connection" }.count }

    /// The messages that arrived, in order.
    var messages: [Received] {
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
    static func closedPort() -> Int {
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

    /// Reads up to the first newline, waiting at most `timeout`; nil on timeout or end of file.
    private static func readLine(from fd: Int32, timeout: Duration) -> String? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var bytes: [UInt8] = []
        while clock.now < deadline {
            let (seconds, attoseconds) = (deadline - clock.now).components
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, min(seconds * 1000 + attoseconds / 1_000_000_000_000_000, 60_000))))
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            var byte: UInt8 = 0
            let count = read(fd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return nil
    }
}

/// Runs blocking work (a mail session) off the concurrency pool, through `MailThread`.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await MailThread.run(body)
}
