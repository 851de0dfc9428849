import Foundation
import KoersFormats
import KoersModel
import KoersStore
import KoersSynthetic

/// The national data set: 150 agendas the size of the bundled one (starting in 2022 through 2029,
/// so together they span 2022–2031), 156 schools each with a mentor and a school trainer, ten years
/// of status history through 15 October 2031, 20,000 people in induction trajectories (three in
/// four starters, the rest students, starting from August 2023 through July 2027) and five
/// biennial zelfscan rounds (2023–2031) in which three respondents per school answer every item.
/// Generated from the seed into `.build/benchmark-data/national-seed-N/` once and reused after;
/// a marker file written last says the folder is complete.
final class NationalData {
    static let agendas = 150, schools = 150, people = 20_000, respondents = 3
    static let scanYears = [2023, 2025, 2027, 2029, 2031]
    static let historyThrough = LocalDate(year: 2031, month: 10, day: 15)!

    let folder: String
    let configPath: String
    let databasePath: String
    let workspace: Workspace
    let store: Store
    /// Status events, trajectories and scan answers in the database.
    let events: Int, trajectories: Int, answers: Int

    init(_ bench: Bench) throws {
        let folder = bench.repository + "/.build/benchmark-data/national-seed-\(bench.options.seed)"
        self.folder = folder
        configPath = folder + "/koers.json"
        databasePath = folder + "/koers.sqlite"
        let marker = folder + "/complete"
        if !FileManager.default.fileExists(atPath: marker) {
            try? FileManager.default.removeItem(atPath: folder)
            let took = try ContinuousClock().measure { try Self.generate(bench, into: folder) }
            try Data("generated in \(took)\n".utf8).write(to: URL(fileURLWithPath: marker))
            bench.warn("generated the national data set in \(Format.milliseconds(took.milliseconds)) into \(folder)")
        }
        let checked = Workspace.check(configPath: configPath, environment: [:])
        guard let loaded = checked.workspace else {
            throw BenchmarkError("the national workspace does not load:\n" + checked.diagnostics.prefix(5).map { "  \($0)" }.joined(separator: "\n"))
        }
        if !checked.diagnostics.isEmpty {
            bench.warn("the national workspace has \(checked.diagnostics.count) warning(s), first: \(checked.diagnostics[0])")
        }
        workspace = loaded
        store = try Store(path: databasePath)
        let database = try Database(path: databasePath, readOnly: true)
        func count(_ table: String) throws -> Int { Int(try database.scalarInt("SELECT count(*) FROM \(table)") ?? 0) }
        events = try count("status_event")
        trajectories = try count("trajectory")
        answers = try count("scan_response")
    }

    /// Status events of one agenda.
    func events(agenda: String) -> Int {
        (try? Database(path: databasePath, readOnly: true).scalarInt("SELECT count(*) FROM status_event WHERE agenda = ?", [.text(agenda)]))
            .flatMap { $0 }.map { Int($0) } ?? 0
    }

    private static func generate(_ bench: Bench, into folder: String) throws {
        var synthetic = SyntheticWorkspace(agendas: agendas, scale: 1, seed: bench.options.seed)
        synthetic.spreadYears = 8
        synthetic.trainingSchools = schools
        synthetic.trajectoryPaths = ["startende-leraar", "student-leerwerkplek"].map { bench.repository + "/Agendas/trajectories/\($0).json" }
        synthetic.scanInstrumentPaths = [bench.repository + "/Agendas/instruments/lerende-organisatie.json"]
        let config = try synthetic.write(to: folder)
        let checked = Workspace.check(configPath: config, environment: [:])
        guard let workspace = checked.workspace else {
            throw BenchmarkError("the national workspace does not load:\n" + checked.diagnostics.prefix(5).map { "  \($0)" }.joined(separator: "\n"))
        }
        let store = try Store(path: workspace.config.databasePath)
        _ = try SyntheticHistory(seed: bench.options.seed, through: historyThrough).record(workspace, into: store)
        _ = try SyntheticTrajectories(count: people, schools: schools, from: LocalDate(year: 2023, month: 8, day: 1)!,
                                      days: 4 * 365, seed: bench.options.seed).record(into: store)
        var rng = SplitMix64(seed: bench.options.seed)
        guard let instrument = workspace.scanInstruments.first else { throw BenchmarkError("no scan instrument loaded") }
        let levels = instrument.scale.map(\.value)
        for year in scanYears {
            let responses = workspace.config.schools.flatMap { school in
                (1...respondents).flatMap { r in
                    instrument.placedItems.map { placed in
                        ScanResponse(school: school.id, respondent: "r\(r)", item: placed.item.id,
                                     level: rng.pick(levels))
                    }
                }
            }
            let day = LocalDate(year: year, month: 10, day: 1)!
            try store.recordScanResponses(responses, round: ScanRound(id: "zelfscan-\(year)", instrument: instrument.id, heldOn: day),
                                          replacing: false, at: workspace.config.timeZone.moment(day, hour: 12))
        }
    }
}
