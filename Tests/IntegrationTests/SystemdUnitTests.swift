import Foundation
import KoersTestSupport
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

    /// What systemd gives the service for `SetCredential=smtp-password:\n` when the file is missing.
    static func emptyCredential() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-credentials-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "\n".write(toFile: folder + "/smtp-password", atomically: true, encoding: .utf8)
        return folder
    }

    @Test("With the unit's empty default credential, the file transport starts, and SMTP says which file to write the password into")
    func withoutSecretFile() throws {
        let credentials = try Self.emptyCredential()
        defer { try? FileManager.default.removeItem(atPath: credentials) }
        let site = try Installation()
        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: KoersProcess.executable)
        daemon.arguments = ["--config", site.config, "--now", "2024-07-20T03:00:00+02:00", "run"]
        daemon.environment = ["PATH": "/usr/bin:/bin", "CREDENTIALS_DIRECTORY": credentials]
        let log = site.folder + "/daemon.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        daemon.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try daemon.run()
        var started = false
        for _ in 0..<100 where !started {
            usleep(100_000)
            started = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("started on")
        }
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(started, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        #expect(daemon.terminationStatus == 0)

        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site.config))) as! [String: Any]
        var mail = json["mail"] as! [String: Any]
        mail["transport"] = "smtp"
        mail["folder"] = nil
        mail["smtp"] = ["url": "smtp://127.0.0.1:2525", "heloName": "koers.test", "username": "koers", "passwordCredential": "smtp-password"]
        json["mail"] = mail
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: site.config))
        let smtp = try KoersProcess.run(["--config", site.config, "--now", "2024-07-20T03:00:00+02:00", "run"],
                                        environment: ["CREDENTIALS_DIRECTORY": credentials])
        #expect(smtp.status == 65)
        #expect(smtp.stderr.contains("The SMTP password in systemd credential smtp-password is empty: the file the unit's "
                                     + "LoadCredential=smtp-password:… line names (/etc/koers/smtp-password in the unit Koers ships) is missing or empty"),
                "\(smtp.stderr)")
    }
}
