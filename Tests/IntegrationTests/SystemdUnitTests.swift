import Foundation
import Testing

@Suite("The systemd unit")
struct SystemdUnitTests {
    @Test("systemd-analyze rates the unit's exposure 2.0 or lower")
    func exposure() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = ["security", "--offline=yes", KoersProcess.repository + "/systemd/koers.service"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let line = try #require(text.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let words = line.split(separator: " ")
        let index = try #require(words.firstIndex(of: "koers.service:"))
        let exposure = try #require(Double(words[index + 1]))
        #expect(exposure <= 2.0, "\(line)")
    }
}
