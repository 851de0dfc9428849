import Foundation

/// Runs the built `koers` executable as a real process and captures what it prints.
package struct KoersProcess {
    package struct Result {
        package var stdout: String
        package var stderr: String
        package var status: Int32
    }

    /// The `koers` binary SwiftPM built next to the test bundle.
    package static let executable: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside, beside.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("koers").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return repository + "/.build/debug/koers"
    }()

    /// Debian's python3, for the checks that read Koers's output independently.
    package static func python(_ arguments: [String]) throws -> Result {
        try run(arguments, environment: ["PYTHONDONTWRITEBYTECODE": "1"], program: "/usr/bin/python3")
    }

    package static var repository: String { Fixture.repository }

    /// Runs `koers` (or another `program`, such as `script` wrapping it) with `arguments`, standard
    /// input from /dev/null.
    package static func run(_ arguments: [String], environment: [String: String] = [:], program: String = executable) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: process.terminationStatus)
    }
}

/// A temporary folder with the bundled agenda and a copy of the example configuration whose
/// database lives in the folder; removed when released.
package final class Installation {
    package let folder: String
    package let config: String

    package init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("koers-it-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let example = try String(contentsOfFile: KoersProcess.repository + "/Config/koers.example.json", encoding: .utf8)
        config = folder + "/koers.json"
        try example
            .replacingOccurrences(of: "\"../Agendas/", with: "\"\(KoersProcess.repository)/Agendas/")
            .replacingOccurrences(of: "\"/var/lib/koers/koers.sqlite\"", with: "\"koers.sqlite\"")
            .write(toFile: config, atomically: true, encoding: .utf8)
        // The quiet-period files the example includes (relative to its folder) go beside the copy.
        let json = try JSONSerialization.jsonObject(with: Data(example.utf8)) as? [String: Any]
        for name in (json?["quietPeriods"] as? [String: Any])?["include"] as? [String] ?? [] {
            try FileManager.default.copyItem(atPath: KoersProcess.repository + "/Config/" + name, toPath: folder + "/" + name)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    package func koers(_ arguments: String..., now: String? = nil) throws -> KoersProcess.Result {
        var args = ["--config", config]
        if let now { args += ["--now", now] }
        return try KoersProcess.run(args + arguments)
    }

    package var demoHistory: String { KoersProcess.repository + "/Agendas/demo/ook-2022-2024.history.json" }
}
