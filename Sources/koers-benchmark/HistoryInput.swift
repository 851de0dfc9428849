import Foundation
import KoersFormats
import KoersModel
import KoersServices
import KoersStore
import KoersSynthetic

/// A workspace with a status history in a database of its own, and the days its report and site
/// are taken on: the report on the horizon's last but one half-year as of its last day (2024-H1
/// as of 30 June for the bundled agenda), the site on 15 October of the horizon's last year (the
/// demo's day). Shared by the report and site rows; built once per run by `Bench`.
final class HistoryInput {
    /// `bundled agenda`, `100× agenda`
    let name: String
    /// For row ids and scratch names: `bundled`, `100x`.
    let id: String
    let workspace: Workspace
    let store: Store
    let databasePath: String
    let agenda: Agenda
    let events: Int
    let period: HalfYear
    let asOf: LocalDate
    let now: Date

    init(name: String, id: String, workspace: Workspace, databasePath: String, events: Int) throws {
        self.name = name
        self.id = id
        self.workspace = workspace
        self.databasePath = databasePath
        self.events = events
        guard workspace.agendas.count == 1 else {
            throw BenchmarkError("\(name): expected one agenda, found \(workspace.agendas.count)")
        }
        agenda = workspace.agendas[0]
        store = try Store(path: databasePath)
        period = agenda.horizon.to.previous
        asOf = period.lastDay
        now = workspace.config.timeZone.moment(Self.siteDay(agenda), hour: 12)
    }

    /// 15 October of the horizon's last year: where the demo history ends (2024-10-15).
    static func siteDay(_ agenda: Agenda) -> LocalDate { LocalDate(year: agenda.horizon.to.year, month: 10, day: 15)! }

    /// The agendas with their histories, read from the database as every command does.
    func agendaSet() throws -> AgendaSet { try AgendaSet(workspace: workspace, store: store) }

    var steps: Int { agenda.placedSteps.count }

    /// The bundled agenda with the demo history imported into a fresh database by the code behind
    /// `koers history import` (recorded on 1 August 2024, as `scripts/demo` does).
    static func bundled(_ bench: Bench) throws -> HistoryInput {
        let workspace = try Workspace.load(configPath: bench.exampleConfig, environment: [:])
        let path = bench.scratch + "/bundled-history.sqlite"
        let events: Int
        do {
            let store = try Store(path: path)
            let tz = workspace.config.timeZone
            let file = bench.repository + "/Agendas/demo/ook-2022-2024.history.json"
            events = try HistoryImport.run(file: file, set: try AgendaSet(workspace: workspace, store: store), store: store,
                                           config: workspace.config,
                                           recordedAt: tz.moment(LocalDate("2024-08-01")!, hour: 12)).imported
        }
        return try HistoryInput(name: "bundled agenda", id: "bundled", workspace: workspace, databasePath: path, events: events)
    }

    /// The synthetic agenda (20 half-years at scale 100) with a synthetic history through
    /// 15 October of its last year, written through `Store.record` in one transaction. Notes the
    /// time that took and the database's size on disk once closed (checkpointed, no WAL left).
    static func synthetic(_ bench: Bench) throws -> HistoryInput {
        let workspace = try Workspace.load(configPath: try bench.syntheticWorkspace(), environment: [:])
        let path = bench.scratch + "/synthetic-history.sqlite"
        let scale = "\(bench.options.scale)×"
        guard let agenda = workspace.agendas.first else { throw BenchmarkError("the synthetic workspace has no agenda") }
        let history = SyntheticHistory(seed: bench.options.seed, through: siteDay(agenda))
        var events = 0
        let took = try ContinuousClock().measure {
            let store = try Store(path: path)
            events = try history.record(workspace, into: store)
        }
        let size = fileSize(path) + fileSize(path + "-wal")
        let halves = agenda.horizon.halfYears.count
        let years = halves % 2 == 0 ? "\(halves / 2)" : "\(halves / 2)½"
        bench.note(Note(
            id: "history-\(bench.options.seed)-\(bench.options.scale)x",
            text: "\(scale) history: \(events) status events on \(agenda.placedSteps.count) steps over "
                + "\(years) years, written through Store.record in one transaction in "
                + Format.milliseconds(took.milliseconds) + "; database on disk \(size) bytes ("
                + "\(Format.number(Double(size) / 1_048_576)) MiB), \(size / max(events, 1)) bytes per status event",
            values: [("events", Double(events)), ("write_ms", took.milliseconds), ("database_bytes", Double(size)),
                     ("bytes_per_event", Double(size) / Double(max(events, 1)))]))
        return try HistoryInput(name: "\(scale) agenda", id: "\(bench.options.scale)x", workspace: workspace,
                                databasePath: path, events: events)
    }
}

func fileSize(_ path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
}
