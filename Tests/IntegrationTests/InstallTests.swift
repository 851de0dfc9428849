import Foundation
import KoersTestSupport
import Testing

/// `scripts/install` and `scripts/uninstall` into a staging root (DESTDIR): what the admin gets,
/// with which permissions, and what an uninstall keeps.
@Suite("Installing and uninstalling")
struct InstallTests {
    func script(_ name: String, root: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [KoersProcess.repository + "/scripts/" + name]
        process.environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "DESTDIR": root, "KOERS_BINARY": KoersProcess.executable]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("install puts the binary, unit, agendas and a private example configuration in place; uninstall keeps the configuration")
    func installAndUninstall() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("koers-root-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }

        let installed = try script("install", root: root)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(mode(root + "/usr/local/bin/koers") == 0o755)
        #expect(mode(root + "/etc/koers") == 0o750)
        #expect(mode(root + "/etc/koers/koers.json") == 0o640)
        #expect(mode(root + "/usr/local/share/koers/Agendas/ook-2022-2024.json") == 0o644)
        let unit = try String(contentsOfFile: root + "/etc/systemd/system/koers.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/local/bin/koers run"))
        #expect(unit.contains("User=koers\nGroup=koers\n") && !unit.contains("DynamicUser="),
                "a static user, so the people in the group koers can share its database")
        #expect(mode(root + "/var/lib/koers") == 0o2770, "the state folder: the group koers, set-group-ID, nobody else")
        let config = try String(contentsOfFile: root + "/etc/koers/koers.json", encoding: .utf8)
        #expect(config.contains("\"/usr/local/share/koers/Agendas/ook-2022-2024.json\""))
        #expect(!config.contains("../Agendas"))
        #expect(config.contains("\"database\": \"/var/lib/koers/koers.sqlite\""), "one absolute database for the daemon and every command")

        try "{ \"edited\": true }".write(toFile: root + "/etc/koers/koers.json", atomically: true, encoding: .utf8)
        let again = try script("install", root: root)
        #expect(again.status == 0)
        #expect(again.stderr.contains("kept the existing"))
        #expect(try String(contentsOfFile: root + "/etc/koers/koers.json", encoding: .utf8) == "{ \"edited\": true }")

        let removed = try script("uninstall", root: root)
        #expect(removed.status == 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/local/bin/koers"))
        #expect(!FileManager.default.fileExists(atPath: root + "/etc/systemd/system/koers.service"))
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/local/share/koers"))
        #expect(FileManager.default.fileExists(atPath: root + "/etc/koers/koers.json"), "the configuration is kept")
    }
}
