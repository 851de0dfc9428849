import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A test server written in Python (`Tests/Support/*.py`) as a child process: started with a
/// folder of its own, ready once it prints `READY <port> <certificate>`, stopped (SIGTERM, then
/// SIGKILL) and its folder removed when the value is released. The scripts also exit by themselves
/// when this process dies (they watch their parent process id).
package final class HarnessProcess {
    package enum StartError: Error, CustomStringConvertible {
        case failed(script: String, reason: String)
        package var description: String {
            switch self { case let .failed(script, reason): return "The test server \(script) did not start: \(reason)" }
        }
    }

    /// Debian's python3-aiosmtpd and python3-icalendar are importable only by this one.
    static let python = "/usr/bin/python3"

    package let folder: String
    package let port: Int
    package let certificate: String
    private let process: Process
    private let exited: DispatchSemaphore

    /// Runs `Tests/Support/<script> --dir FOLDER <arguments>` and waits at most `startTimeout` for `READY`.
    package init(script: String, arguments: [String], startTimeout: Duration = .seconds(30)) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("koers-harness-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Fixture.repository + "/Tests/Support/" + script, "--dir", folder] + arguments
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
            throw StartError.failed(script: script, reason: "\(Self.python) could not be started: \(error)")
        }
        self.process = process
        self.exited = exited

        let line = Self.readLine(from: stdout.fileHandleForReading.fileDescriptor, timeout: startTimeout)
        let words = line?.split(separator: " ") ?? []
        guard words.count == 3, words[0] == "READY", let port = Int(words[1]) else {
            let stderr = (try? String(contentsOfFile: folder + "/stderr.log", encoding: .utf8)) ?? ""
            Self.stop(process, exited)
            try? FileManager.default.removeItem(atPath: folder)
            throw StartError.failed(script: script, reason: line.map { "unexpected first line: \($0)" }
                                    ?? "no READY line within \(startTimeout). stderr:\n\(stderr)")
        }
        self.port = port
        certificate = String(words[2])
    }

    deinit {
        Self.stop(process, exited)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The JSON lines the script appended to `name` in its folder.
    package func jsonLines(_ name: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// SIGTERM (the script stops its server and exits 0); SIGKILL if it has not exited after 5 s.
    private static func stop(_ process: Process, _ exited: DispatchSemaphore) {
        if process.isRunning { process.terminate() }
        if exited.wait(timeout: .now() + .seconds(5)) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
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
