import Foundation
import KoersModel

/// The daemon at rest: the built `koers run` on a copy of the example configuration (its database
/// beside it), started at
/// 03:00 on Saturday 20 July 2024 (summer holiday: nothing due), and `sleep`, side by side for
/// 60 s after a 5 s settling time: resident memory (VmRSS) and voluntary context switches over
/// all threads (`/proc/PID/task/*/status`). Not timings, so notes under the table, not rows.
func daemonAtRest(_ bench: Bench) throws -> [Row] {
    let binary = bench.repository + "/.build/release/koers"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        throw BenchmarkError("\(binary) is missing; build it with swift build -c release --product koers")
    }
    let folder = bench.scratch + "/daemon"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in ["Config", "Agendas"] {
        try FileManager.default.copyItem(atPath: bench.repository + "/" + name, toPath: folder + "/" + name)
    }
    // The copy keeps its database beside it, not in the server's state folder.
    let config = folder + "/Config/koers.example.json"
    try String(contentsOfFile: config, encoding: .utf8)
        .replacingOccurrences(of: "\"\(Config.defaultDatabasePath)\"", with: "\"koers.sqlite\"")
        .write(toFile: config, atomically: true, encoding: .utf8)
    let daemon = try start(binary, ["--config", config, "--now", "2024-07-20T03:00:00+02:00", "run"])
    let sleeper = try start("/bin/sleep", ["600"])
    defer {
        for process in [daemon, sleeper] where process.isRunning { process.terminate(); process.waitUntilExit() }
    }
    Thread.sleep(forTimeInterval: 5)
    let before = [daemon, sleeper].map { ProcessState(pid: $0.processIdentifier) }
    Thread.sleep(forTimeInterval: TimeInterval(restSeconds))
    let after = [daemon, sleeper].map { ProcessState(pid: $0.processIdentifier) }
    guard daemon.isRunning else { throw BenchmarkError("koers run exited during the measurement") }
    let switches = zip(before, after).map { $1.voluntarySwitches(since: $0) }
    let rss = after.map(\.residentBytes)
    bench.note(Note(
        id: "daemon-at-rest",
        text: "daemon at rest (koers run, nothing due, \(restSeconds) s): resident \(Format.bytes(rss[0])), "
            + "\(Format.ratio(Double(rss[0]) / Double(max(rss[1], 1)))) sleep's \(Format.bytes(rss[1])); "
            + "\(switches[0]) voluntary context switches over \(after[0].threads) threads (sleep: \(switches[1]))",
        values: [("rss_bytes", Double(rss[0])), ("sleep_rss_bytes", Double(rss[1])),
                 ("voluntary_switches", Double(switches[0])), ("sleep_voluntary_switches", Double(switches[1])),
                 ("threads", Double(after[0].threads)), ("seconds", Double(restSeconds))]))
    return []
}

private let restSeconds = 60

private func start(_ path: String, _ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// What `/proc` says about a process: VmRSS, and each thread's voluntary context switches.
private struct ProcessState {
    var residentBytes = 0
    /// Thread id → voluntary context switches so far.
    var switches: [String: Int] = [:]
    var threads: Int { switches.count }

    init(pid: Int32) {
        residentBytes = (Self.field("VmRSS", in: "/proc/\(pid)/status") ?? 0) * 1024
        for task in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? [] {
            switches[task] = Self.field("voluntary_ctxt_switches", in: "/proc/\(pid)/task/\(task)/status")
        }
    }

    /// Switches since `earlier`, over the threads alive now (a thread started since counts from zero).
    func voluntarySwitches(since earlier: ProcessState) -> Int {
        switches.map { tid, count in count - (earlier.switches[tid] ?? 0) }.reduce(0, +)
    }

    /// The first number after `name:` in a `/proc/…/status` file.
    private static func field(_ name: String, in path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first }.flatMap { Int($0) }
    }
}
