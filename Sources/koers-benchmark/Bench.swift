import Foundation
import KoersFormats
import KoersSynthetic
import KoersSystem

/// What measurements share in one run: where the repository is, a scratch folder, the synthetic
/// workspace (generated once), and every sample taken so far, so that a baseline used by several
/// rows is measured once.
final class Bench {
    let options: Options
    /// The folder holding `Package.swift`, `Config/` and `Agendas/`.
    let repository: String
    /// A scratch folder, removed by `cleanUp()`.
    let scratch: String
    private var samples: [String: Sample] = [:]
    private var syntheticConfig: String?
    private var histories: [String: HistoryInput] = [:]
    /// Numbers found on the way that are not timings, printed under the table.
    private(set) var notes: [Note] = []

    init(options: Options) throws {
        self.options = options
        repository = try options.repository ?? Self.findRepository()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("koers-benchmark-\(CurrentProcess.id)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: scratch) }

    var exampleConfig: String { repository + "/Config/koers.example.json" }

    /// The configuration of a synthetic workspace with one agenda `options.scale` times the bundled
    /// one, written on first use. Loading it must succeed: the generator promises valid files.
    func syntheticWorkspace() throws -> String {
        if let syntheticConfig { return syntheticConfig }
        let path = try SyntheticWorkspace(agendas: 1, scale: options.scale, seed: options.seed)
            .write(to: scratch + "/synthetic-\(options.scale)x")
        let loaded = Workspace.check(configPath: path, environment: [:])
        guard loaded.workspace != nil else {
            throw BenchmarkError("the synthetic workspace does not load:\n"
                + loaded.diagnostics.map { "  \($0)" }.joined(separator: "\n"))
        }
        if !loaded.diagnostics.isEmpty {
            warn("the synthetic workspace has \(loaded.diagnostics.count) warning(s), first: \(loaded.diagnostics[0])")
        }
        syntheticConfig = path
        return path
    }

    /// The bundled agenda with the demo history in a database of its own, made on first use.
    func bundledHistory() throws -> HistoryInput { try history("bundled") { try HistoryInput.bundled(self) } }

    /// The synthetic agenda with ten years of synthetic history, made on first use.
    func syntheticHistory() throws -> HistoryInput { try history("synthetic") { try HistoryInput.synthetic(self) } }

    private func history(_ key: String, _ make: () throws -> HistoryInput) throws -> HistoryInput {
        if let known = histories[key] { return known }
        let made = try make()
        histories[key] = made
        return made
    }

    func note(_ note: Note) { notes.append(note) }

    /// Times `body` once to warm up, then as often as fits in `options.secondsPerSample` (at least
    /// `options.minimumRuns`, at most 51 runs). Measured once per name per benchmark run.
    func sample(_ name: String, _ body: () throws -> Void) rethrows -> Sample {
        if let known = samples[name] { return known }
        let clock = ContinuousClock()
        let first = try clock.measure(body)
        let budget = options.secondsPerSample * 1000
        let fitting = first.milliseconds > 0 ? Int(budget / first.milliseconds) : 51
        let runs = Swift.min(Swift.max(fitting, options.minimumRuns), 51) | 1
        var durations: [Duration] = []
        for _ in 0..<runs { durations.append(try clock.measure(body)) }
        let sample = Sample(name: name, durations: durations)
        samples[name] = sample
        return sample
    }

    func warn(_ message: String) {
        FileHandle.standardError.write(Data("koers-benchmark: warning: \(message)\n".utf8))
    }

    /// The current folder or one above it holding `Package.swift` and the example configuration.
    private static func findRepository() throws -> String {
        var url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Config/koers.example.json").path),
               FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
            if url.path == "/" { throw BenchmarkError("run from the repository, or pass --repository DIR") }
            url.deleteLastPathComponent()
        }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
