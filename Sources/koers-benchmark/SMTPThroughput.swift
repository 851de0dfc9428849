import Foundation
import KoersCore

/// Sending 1,000 messages to a real SMTP server on 127.0.0.1 (`Tests/Support/smtp_server.py` in
/// `plain-no-tls` mode, which stores every message on disk): through one `SMTPTransport` session
/// (one connection for the batch, as the outbox sends) and through a session per message; both
/// against Python's `smtplib` sending the same bytes over one connection to the same server, the
/// sink's own rate. Three runs each after a warm-up run (a run takes seconds).
func smtpThroughput(_ bench: Bench) throws -> [Row] {
    let server = try SMTPSink(repository: bench.repository, folder: bench.scratch + "/smtp")
    defer { server.stop() }
    let messages = try (0..<SMTPSink.count).map { n in
        try MessageBuilder.build(MailMessage(
            from: MailAddress(name: "Koers", address: "koers@example.org"),
            to: [MailAddress(name: "Persoon \(n)", address: "p\(n)@example.org")],
            subject: "Herinnering: lesbezoek over twee weken", date: Date(timeIntervalSince1970: 1_790_000_000),
            messageID: MessageBuilder.messageID(forKey: "benchmark-\(n)", domain: "koers.example.org"),
            text: String(repeating: "Dit is een herinnering aan een stap in de ontwikkelagenda. ", count: 20),
            html: "<p>" + String(repeating: "Dit is een herinnering aan een stap in de ontwikkelagenda. ", count: 20) + "</p>"),
            timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
    }
    let folder = bench.scratch + "/smtp-messages"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (n, bytes) in messages.enumerated() { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/\(n).eml")) }
    let transport = SMTPTransport(SMTPSettings(url: "smtp://127.0.0.1:\(server.port)", heloName: "koers.example.org",
                                               requireTLS: false))
    func send(_ batch: ArraySlice<[UInt8]>, _ session: MailSession) throws {
        for (n, bytes) in zip(batch.indices, batch) {
            guard case .accepted = session.send(from: "koers@example.org", to: "p\(n)@example.org", message: bytes) else {
                throw BenchmarkError("the SMTP sink did not accept message \(n)")
            }
        }
    }
    let reused = try timed("1000 mails over SMTP, one connection") {
        let session = transport.openSession()
        defer { session.close() }
        try send(messages[...], session)
    }
    let separate = try timed("1000 mails over SMTP, a connection each") {
        for n in messages.indices {
            let session = transport.openSession()
            defer { session.close() }
            try send(messages[n...n], session)
        }
    }
    let python = try server.pythonClient(folder: folder)
    let bytes = messages.map(\.count).reduce(0, +)
    let detail = "\(SMTPSink.count) messages, \(Format.bytes(bytes)), plain SMTP on 127.0.0.1, sink stores each on disk"
    return [Row(id: "smtp-1000-reuse", sample: reused, baseline: python, detail: detail),
            Row(id: "smtp-1000-separate", sample: separate, baseline: python, detail: detail)]
}

/// One warm-up run, then three.
private func timed(_ name: String, _ body: () throws -> Void) throws -> Sample {
    let clock = ContinuousClock()
    _ = try clock.measure(body)
    return Sample(name: name, durations: try (0..<3).map { _ in try clock.measure(body) })
}

/// The test suite's SMTP server, started with Debian's python3 (whose aiosmtpd it needs).
final class SMTPSink {
    static let count = 1000
    let process = Process()
    let port: Int
    let repository: String

    init(repository: String, folder: String) throws {
        self.repository = repository
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [repository + "/Tests/Support/smtp_server.py", "--mode", "plain-no-tls", "--dir", folder]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { throw BenchmarkError("the SMTP sink exited before READY; is python3-aiosmtpd installed?") }
            line += chunk
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count >= 2, words[0] == "READY", let port = Int(words[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchmarkError("the SMTP sink said \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// `smtplib` sending the messages in `folder` over one connection: a warm-up run, then three,
    /// each timed inside Python (no interpreter start-up).
    func pythonClient(folder: String) throws -> Sample {
        let script = """
            import smtplib, sys, time
            folder, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
            messages = [open(f"{folder}/{n}.eml", "rb").read() for n in range(count)]
            for run in range(4):
                start = time.perf_counter()
                with smtplib.SMTP("127.0.0.1", port, local_hostname="koers.example.org") as s:
                    for n, m in enumerate(messages):
                        s.sendmail("koers@example.org", [f"p{n}@example.org"], m)
                if run: print((time.perf_counter() - start) * 1000)
            """
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        client.arguments = ["-c", script, folder, String(port), String(Self.count)]
        let out = Pipe()
        client.standardOutput = out
        try client.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        client.waitUntilExit()
        let runs = text.split(separator: "\n").compactMap { Double($0) }
        guard client.terminationStatus == 0, runs.count == 3 else { throw BenchmarkError("the smtplib client failed: \(text)") }
        return Sample(name: "smtplib, one connection", durations: runs.map { .microseconds(Int64($0 * 1000)) })
    }
}
