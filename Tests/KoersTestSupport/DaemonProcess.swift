import Foundation
import KoersCLI
import KoersFormats
import KoersModel
import KoersStore

/// A real `koers run` process on a throw-away installation: the bundled agenda with the demo
/// history, a configuration written by the test, and its own state folder.
package final class DaemonProcess {
    package let folder: String
    package let config: String
    private var process: Process?
    private let logFile: String

    /// `mail` is the JSON of the configuration's "mail" section.
    package init(mail: String, reports: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-daemon-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        logFile = folder + "/daemon.log"
        let example = try String(contentsOfFile: Fixture.repository + "/Config/koers.example.json", encoding: .utf8)
        var json = try JSONSerialization.jsonObject(with: Data(example.utf8)) as! [String: Any]
        json["database"] = "koers.sqlite"
        json["agendas"] = [Fixture.repository + "/Agendas/ook-2022-2024.json"]
        json["templates"] = [Fixture.repository + "/Agendas/templates/stappenplan-toetreding.json"]
        json["scanInstruments"] = (json["scanInstruments"] as? [String] ?? []).map { Fixture.repository + "/Config/" + $0 }
        json["trajectories"] = (json["trajectories"] as? [String] ?? []).map { Fixture.repository + "/Config/" + $0 }
        json["mail"] = try JSONSerialization.jsonObject(with: Data(mail.utf8))
        if let reports { json["reports"] = try JSONSerialization.jsonObject(with: Data(reports.utf8)) }
        // The quiet-period files the example includes (relative to its folder) go beside the copy.
        for name in (json["quietPeriods"] as? [String: Any])?["include"] as? [String] ?? [] {
            try FileManager.default.copyItem(atPath: Fixture.repository + "/Config/" + name, toPath: folder + "/" + name)
        }
        config = folder + "/koers.json"
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: config))
        // In-process, so that a test of the loop alone never needs the executable.
        let imported = KoersTool.run(["--config", config, "--now", "2024-08-01", "history", "import",
                                      Fixture.repository + "/Agendas/demo/ook-2022-2024.history.json"])
        precondition(imported.exitCode == .ok, "demo history import failed: \(imported.stderr)")
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Makes the database that of a daemon that has been running, its last turn at `at`, having
    /// handled every reminder through `through`: no first start, and (with `at` within a day of the
    /// next start) no downtime.
    package func markRunning(through day: String, at moment: String? = nil) throws {
        let workspace = try Workspace.load(configPath: config, environment: [:])
        let store = try Store(path: workspace.config.databasePath)
        try store.setPlannedThrough(LocalDate(day)!)
        try store.setHandledAgendas(Set(workspace.agendas.map(\.id)))
        if let moment { try store.setDaemonValue("last-run", Timestamp.format(Timestamp.parse(moment)!)) }
    }

    /// Runs a one-off koers command on this installation; returns its exit status.
    @discardableResult
    package func cli(_ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: KoersProcess.executable)
        p.arguments = ["--config", config] + arguments
        p.environment = ["PATH": "/usr/bin:/bin"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Runs a one-off koers command on this installation; returns its exit status and what it printed.
    /// `wrapper` is a command that runs koers under a fault (e.g. `prlimit --fsize=4096 --`).
    package func output(_ arguments: [String], wrapper: [String] = []) throws -> (status: Int32, stdout: String, stderr: String) {
        // Files, not pipes (see MailTest.parse): a pipe read interrupted by SIGCHLD traps on Linux.
        let out = folder + "/cli-\(UUID().uuidString).out", err = out + ".err"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: wrapper.first ?? KoersProcess.executable)
        p.arguments = wrapper.dropFirst() + (wrapper.isEmpty ? [] : [KoersProcess.executable]) + ["--config", config] + arguments
        p.environment = ["PATH": "/usr/bin:/bin"]
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        p.standardOutput = outHandle
        p.standardError = errHandle
        try p.run()
        p.waitUntilExit()
        return (p.terminationStatus, try String(contentsOfFile: out, encoding: .utf8), try String(contentsOfFile: err, encoding: .utf8))
    }

    /// Starts `koers run` with its clock at `now`, under `wrapper` if given (see `output`).
    package func start(now: String, wrapper: [String] = []) throws {
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: wrapper.first ?? KoersProcess.executable)
        p.arguments = wrapper.dropFirst() + (wrapper.isEmpty ? [] : [KoersProcess.executable]) + ["--config", config, "--now", now, "run"]
        p.environment = ["PATH": "/usr/bin:/bin"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        try p.run()
        process = p
    }

    package func signal(_ number: Int32) { if let process { kill(process.processIdentifier, number) } }

    /// The running daemon's process id (a wrapper that execs keeps it), or nil when none runs.
    package var processIdentifier: Int32? { process.flatMap { $0.isRunning ? $0.processIdentifier : nil } }

    /// Waits for the process to end (up to `limit`) and returns its exit status, or nil if it did not.
    package func waitForExit(limit: TimeInterval = 20) -> Int32? {
        guard let process else { return nil }
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    package var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    /// Waits until `condition` holds, checking every 50 ms, for at most `limit` seconds.
    package static func eventually(_ limit: TimeInterval = 30, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }
}
