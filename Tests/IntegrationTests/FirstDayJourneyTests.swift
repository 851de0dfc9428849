import Foundation
import KoersTestSupport
import Testing

/// The administrator's and the Co-OP'er's first day on a server: `scripts/install` into a staging
/// root, the configuration edited, the daemon started as the service user `koers`, progress
/// recorded from the command line by a person in the group `koers`, and the daemon acting on it.
/// Users are numeric ids switched to with `setpriv`, so the test needs root but no accounts.
@Suite("Journey: the first day on a server")
struct FirstDayJourneyTests {
    /// The service user and group `koers`, the Co-OP'er (in the group) and someone outside it.
    static let koersUser: UInt32 = 4801, koersGroup: UInt32 = 4800, coordinator: UInt32 = 4802, outsider: UInt32 = 4803

    /// The staging root, as a package's maintainer scripts would leave it.
    final class Server {
        let root: String
        var config: String { root + "/etc/koers/koers.json" }
        var state: String { root + "/var/lib/koers" }
        var database: String { state + "/koers.sqlite" }
        var binary: String { root + "/usr/local/bin/koers" }
        private(set) var daemon: Process?
        var daemonLog: String { (try? String(contentsOfFile: root + "/daemon.log", encoding: .utf8)) ?? "" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("koers-server-\(UUID().uuidString)").path
            let install = try KoersProcess.run([KoersProcess.repository + "/scripts/install"],
                                               environment: ["DESTDIR": root, "KOERS_BINARY": KoersProcess.executable,
                                                             "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"],
                                               program: "/bin/bash")
            guard install.status == 0 else { throw Failure("scripts/install failed: \(install.stderr)") }
            // What the package's postinst does where the script itself would (useradd, chown).
            guard chown(state, FirstDayJourneyTests.koersUser, FirstDayJourneyTests.koersGroup) == 0, chmod(state, 0o2770) == 0
            else { throw Failure("chown \(state)") }
            for name in try [""] + FileManager.default.contentsOfDirectory(atPath: root + "/etc/koers").map({ "/" + $0 }) {
                guard chown(root + "/etc/koers" + name, 0, FirstDayJourneyTests.koersGroup) == 0 else { throw Failure("chgrp \(name)") }
            }
            // The administrator's edits: this server's paths (the staging root stands for /).
            let installed = try String(contentsOfFile: config, encoding: .utf8)
            try installed
                .replacingOccurrences(of: "\"/usr/local/share/koers/", with: "\"\(root)/usr/local/share/koers/")
                .replacingOccurrences(of: "\"/var/lib/koers/koers.sqlite\"", with: "\"\(database)\"")
                .write(toFile: config, atomically: false, encoding: .utf8)
        }

        deinit {
            if let daemon, daemon.isRunning { daemon.terminate(); daemon.waitUntilExit() }
            try? FileManager.default.removeItem(atPath: root)
        }

        /// `koers` as another user: `groups` are the supplementary groups.
        func koers(as user: UInt32, group: UInt32, groups: [UInt32] = [], _ arguments: [String]) throws -> KoersProcess.Result {
            try KoersProcess.run(identity(user, group, groups) + [binary, "--config", config] + arguments, program: "/usr/bin/setpriv")
        }

        func startDaemon(now: String) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = identity(FirstDayJourneyTests.koersUser, FirstDayJourneyTests.koersGroup, [])
                + [binary, "--config", config, "--now", now, "run"]
            process.environment = ["PATH": "/usr/bin:/bin"]
            if !FileManager.default.fileExists(atPath: root + "/daemon.log") {
                FileManager.default.createFile(atPath: root + "/daemon.log", contents: nil)
            }
            let log = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/daemon.log"))
            log.seekToEndOfFile()
            process.standardError = log
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            if daemon == nil { daemon = process }
            return process
        }

        private func identity(_ user: UInt32, _ group: UInt32, _ groups: [UInt32]) -> [String] {
            ["--reuid=\(user)", "--regid=\(group)"] + (groups.isEmpty ? ["--clear-groups"] : ["--groups=" + groups.map(String.init).joined(separator: ",")])
                + ["--"]
        }

        /// Every file in the state folder, with its group and mode.
        func stateFiles() throws -> [(name: String, group: UInt32, mode: mode_t)] {
            try FileManager.default.contentsOfDirectory(atPath: state).sorted().compactMap { name in
                var info = stat()
                guard stat(state + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
                return (name, info.st_gid, info.st_mode & 0o7777)
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func waitUntil(_ limit: TimeInterval = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if condition() { return true }
            usleep(100_000)
        }
        return condition()
    }

    @Test("Installed, configured and started as koers, the daemon shares one database with the Co-OP'er in the group koers: she records progress, the daemon acts on it, outsiders and a second daemon are refused",
          .enabled(if: getuid() == 0, "switches users with setpriv"))
    func firstDay() throws {
        let server = try Server()
        let configFiles = try FileManager.default.contentsOfDirectory(atPath: server.root + "/etc/koers").sorted()
        let check = try server.koers(as: Self.coordinator, group: Self.coordinator, groups: [Self.koersGroup], ["check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("database \(server.database) (not created yet)"), "\(check.stdout)")

        let daemon = try server.startDaemon(now: "2024-10-15T12:30:00+02:00")
        #expect(Self.waitUntil { server.daemonLog.contains("started on \(server.database)") }, "\(server.daemonLog)")
        #expect(Self.waitUntil { FileManager.default.fileExists(atPath: server.state + "/site/index.html") }, "\(server.daemonLog)")
        // Started in the middle of the agenda: one overview for the Co-OP'er, in the state folder's mail folder.
        #expect(Self.waitUntil {
            let mails = (try? FileManager.default.contentsOfDirectory(atPath: server.state + "/mail")) ?? []
            return mails.contains { name in
                let text = (try? String(contentsOfFile: server.state + "/mail/" + name, encoding: .utf8)) ?? ""
                return text.contains("To: Carla Jansen <c.jansen@example.org>") && text.contains("Overzicht bij de start")
            }
        }, "\(server.daemonLog)")

        // The Co-OP'er records progress from her own account, as a member of the group koers.
        let set = try server.koers(as: Self.coordinator, group: Self.coordinator, groups: [Self.koersGroup],
                                   ["--now", "2024-10-15", "set", "LO-A3", "done", "--by", "c.jansen", "--note", "Besproken in het MT"])
        #expect(set.status == 0, "\(set.stderr)")
        // The daemon notices the change in the shared file and publishes the step as done.
        #expect(Self.waitUntil {
            let page = (try? String(contentsOfFile: server.state + "/site/stappen.html", encoding: .utf8)) ?? ""
            return page.contains("Besproken in het MT")
        }, "the daemon rewrites the site after her change: \(server.daemonLog)")

        let status = try server.koers(as: Self.coordinator, group: Self.coordinator, groups: [Self.koersGroup], ["status"])
        #expect(status.stdout.contains("daemon         running (pid \(daemon.processIdentifier)"), "\(status.stdout)\(status.stderr)")
        #expect(status.stdout.contains("database       \(server.database)"))

        // Everything in the state folder belongs to the group koers and is closed to others.
        let files = try server.stateFiles()
        #expect(Set(files.map(\.name)).isSuperset(of: ["koers.sqlite", "koers.sqlite-wal", "koers.sqlite-shm", "koers.sqlite.daemon"]), "\(files.map(\.name))")
        for file in files {
            #expect(file.group == Self.koersGroup, "\(file.name) has group \(file.group)")
            #expect(file.mode & 0o007 == 0, "\(file.name) is open to others: \(String(file.mode, radix: 8))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: server.root + "/etc/koers").sorted() == configFiles,
                "the daemon and the commands never write into the configuration folder")

        // Someone outside the group is told what to ask for, and changes nothing.
        let outsider = try server.koers(as: Self.outsider, group: Self.outsider, ["--now", "2024-10-15", "show", "LO-A3"])
        #expect(outsider.status != 0)
        #expect(outsider.stderr.contains("usermod -aG koers"), "\(outsider.stderr)")

        // A second daemon on the same database refuses, naming the running one; the first runs on.
        let second = try server.startDaemon(now: "2024-10-15T12:31:00+02:00")
        second.waitUntilExit()
        #expect(second.terminationStatus == 75)
        #expect(server.daemonLog.contains("another koers daemon (pid \(daemon.processIdentifier)"), "\(server.daemonLog)")
        #expect(daemon.isRunning)

        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        let after = try server.koers(as: Self.coordinator, group: Self.coordinator, groups: [Self.koersGroup], ["status"])
        #expect(after.stdout.contains("daemon         not running"), "the lock went with the process: \(after.stdout)")
    }
}
