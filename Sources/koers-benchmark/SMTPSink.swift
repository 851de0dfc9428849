import Foundation

/// The test suite's SMTP server (`Tests/Support/smtp_server.py`) in `accept` mode, started with
/// Debian's python3 (whose aiosmtpd it needs): STARTTLS and AUTH required, a self-signed
/// certificate, every message stored on disk and logged.
final class SMTPSink {
    static let user = "koers-test"
    static let password = "correct horse battery staple"

    let process = Process()
    let port: Int
    /// The server's self-signed certificate, for `caFile`.
    let certificate: String
    let folder: String

    init(repository: String, folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [repository + "/Tests/Support/smtp_server.py", "--mode", "accept", "--dir", folder,
                             "--user", Self.user, "--password", Self.password]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { throw BenchmarkError("the SMTP sink exited before READY; is python3-aiosmtpd installed?") }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count == 3, words[0] == "READY", let port = Int(words[1]) else {
            throw BenchmarkError("the SMTP sink said \(text)")
        }
        self.port = port
        certificate = String(words[2])
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// Connections on which a client said EHLO so far, from the sink's log (written from the first).
    func connections() throws -> Int {
        let path = folder + "/log.jsonl"
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        let log = try String(contentsOfFile: path, encoding: .utf8)
        return log.split(separator: "\n").filter { $0.contains(#""event": "connection""#) }.count
    }

    /// `smtplib` sending the messages in `messages` (files `0.eml` …) from `sender` to `p0@…` …,
    /// with STARTTLS (the sink's certificate as the CA) and login, over one connection or a
    /// connection each: a warm-up run, then three, each timed inside Python (no interpreter
    /// start-up, no reading of the files).
    func smtplib(messages folder: String, count: Int, sender: String, connectionEach: Bool) throws -> Sample {
        let script = """
            import smtplib, ssl, sys, time
            folder, port, count, cafile, sender, user, password, each = sys.argv[1:]
            port, count, each = int(port), int(count), each == "each"
            messages = [open(f"{folder}/{n}.eml", "rb").read() for n in range(count)]
            tls = ssl.create_default_context(cafile=cafile)
            def connect():
                s = smtplib.SMTP("127.0.0.1", port, local_hostname="koers.example.org")
                s.starttls(context=tls)
                s.login(user, password)
                return s
            for run in range(4):
                start = time.perf_counter()
                s = None if each else connect()
                for n, m in enumerate(messages):
                    if each: s = connect()
                    s.sendmail(sender, [f"p{n}@example.org"], m)
                    if each: s.quit()
                if not each: s.quit()
                if run: print((time.perf_counter() - start) * 1000)
            """
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        client.arguments = ["-c", script, folder, String(port), String(count), certificate, sender, Self.user, Self.password,
                            connectionEach ? "each" : "one"]
        let out = Pipe()
        client.standardOutput = out
        try client.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        client.waitUntilExit()
        let runs = text.split(separator: "\n").compactMap { Double($0) }
        guard client.terminationStatus == 0, runs.count == 3 else { throw BenchmarkError("the smtplib client failed: \(text)") }
        return Sample(name: "smtplib STARTTLS+AUTH, " + (connectionEach ? "a connection each" : "one connection"),
                      durations: runs.map { .microseconds(Int64($0 * 1000)) })
    }
}
