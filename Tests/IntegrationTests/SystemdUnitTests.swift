import Foundation
import Testing

@Suite("The systemd unit")
struct SystemdUnitTests {
    @Test("systemd-analyze rates the unit's exposure 1.5 or lower")
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
        #expect(exposure <= 1.5, "\(line)")
    }

    static func unit() throws -> String {
        try String(contentsOfFile: KoersProcess.repository + "/systemd/koers.service", encoding: .utf8)
    }

    @Test("systemd-analyze verify finds nothing to ignore or complain about in the unit")
    func verifies() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-unit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.unit().replacingOccurrences(of: "/usr/local/bin/koers", with: KoersProcess.executable)
            .write(toFile: folder + "/koers.service", atomically: true, encoding: .utf8)
        let result = try KoersProcess.run(["verify", folder + "/koers.service"], program: "/usr/bin/systemd-analyze")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty && result.stdout.isEmpty, "\(result.stdout)\(result.stderr)")
    }

    @Test("The unit runs as the static user koers, shares its state folder with the group, and starts without a secret file")
    func sharedStateAndOptionalSecret() throws {
        let lines = try Self.unit().split(separator: "\n").map(String.init)
        #expect(lines.contains("User=koers") && lines.contains("Group=koers") && !lines.contains { $0.hasPrefix("DynamicUser=") })
        #expect(lines.contains("StateDirectory=koers") && lines.contains("StateDirectoryMode=2770") && lines.contains("UMask=0007"))
        // systemd fails a unit whose LoadCredential= file is missing, unless SetCredential= gives a
        // default for the same id: then the file transport (no secret) starts without one.
        let loaded = lines.filter { $0.hasPrefix("LoadCredential=") }.map { $0.dropFirst("LoadCredential=".count).split(separator: ":")[0] }
        let defaults = Set(lines.filter { $0.hasPrefix("SetCredential=") }.map { $0.dropFirst("SetCredential=".count).split(separator: ":")[0] })
        #expect(!loaded.isEmpty)
        for id in loaded { #expect(defaults.contains(id), "LoadCredential=\(id) has no SetCredential= default") }
    }
}
