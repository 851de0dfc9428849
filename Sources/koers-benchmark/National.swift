import Foundation
import KoersFormats
import KoersMail
import KoersModel
import KoersServices

/// The national rows (`--national`): the work of a board running 150 agendas with 20,000 people
/// in induction trajectories (`NationalData`), each against a baseline measured in the same run.
/// - load+validate: `Workspace.load` of the configuration, 150 agendas, two trajectory templates
///   and the scan instrument, against `JSONSerialization` reading and parsing the same files;
/// - plan 1 year: the daemon's planner (agendas plus the trajectories' events, `TrajectoryBook`
///   read from the database) from 2026-09-01 through 2027-08-31, against the bundled agenda alone;
/// - next wake-up: `ReminderService.nextWake` at noon on 2026-09-01, what the daemon computes
///   after every turn (histories and trajectories read from the database, the next reminder, retry,
///   report and retention moment), against the same baseline;
/// - report: the half-year report 2026-H1 as of 30 June 2026 in HTML, for one agenda and for all,
///   with the histories and scan rounds read from the database, against one plain query reading
///   the same history rows and concatenating a string of the report's size (`Floor`);
/// - site pages for all agendas as of 15 October 2031, against the same kind of floor.
/// A note gives the database's size on disk.
func national(_ bench: Bench) throws -> [Row] {
    let data = try NationalData(bench)
    let workspace = data.workspace
    var rows: [Row] = []

    let files = [data.configPath] + workspace.config.agendaPaths + workspace.config.trajectoryPaths
        + workspace.config.scanInstrumentPaths
    let bytes = files.map(fileSize).reduce(0, +)
    let loaded = try bench.sample("load+validate national, \(workspace.agendas.count) agendas") {
        _ = try Workspace.load(configPath: data.configPath, environment: [:])
    }
    let parsed = try bench.sample("JSONSerialization, same \(files.count) files") {
        for path in files { _ = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path))) }
    }
    let steps = workspace.agendas.map { $0.placedSteps.count }.reduce(0, +)
    rows.append(Row(id: "load-national", sample: loaded, baseline: parsed,
                    detail: "\(workspace.agendas.count) agendas, \(steps) steps, \(files.count) files, \(Format.bytes(bytes))"))

    let bundled = try PlanningInput(configPath: bench.exampleConfig, scratch: bench.scratch + "/bundled.sqlite")
    let bundledPlan = bench.sample("plan 1 year, bundled agenda") { _ = bundled.plan() }
    let set = try AgendaSet(workspace: workspace, store: data.store)
    let config = workspace.config
    let now = config.timeZone.moment(LocalDate("2026-09-01")!, hour: 12)
    var reminders = 0
    let planned = try bench.sample("plan 1 year, national + trajectories") {
        let book = try TrajectoryBook(workspace: workspace, store: data.store)
        let planner = Planner(rules: config.reminders, quiet: config.quietPeriods, timeZone: config.timeZone,
                              sources: [book.eventSource])
        reminders = planner.reminders(for: set, config: config, from: LocalDate("2026-09-01")!,
                                      through: LocalDate("2027-08-31")!, now: now).count
    }
    rows.append(Row(id: "plan-year-national", sample: planned, baseline: bundledPlan,
                    detail: "\(steps) steps, \(data.trajectories) trajectories, \(reminders) reminders"))

    let service = ReminderService(workspace: workspace, store: data.store,
                                  transport: FileTransport(folder: bench.scratch + "/national-mail"), log: Log { _ in })
    var wake: Date?
    let woken = try bench.sample("next wake-up, national + trajectories") { wake = try service.nextWake(after: now) }
    rows.append(Row(id: "next-wake-national", sample: woken, baseline: bundledPlan,
                    detail: "what the daemon computes after every turn; due \(wake.map(Timestamp.format) ?? "never")"))

    let period = HalfYear(year: 2026, half: 1)!
    let one = workspace.agendas[3].id
    for agenda in [one, nil] as [String?] {
        let floor = try Floor(databasePath: data.databasePath, agenda: agenda)
        let events = agenda.map { id in data.events(agenda: id) } ?? data.events
        var size = 0
        let name = agenda.map { "one agenda (\($0))" } ?? "all \(workspace.agendas.count) agendas"
        let sample = try bench.sample("report \(period) html, \(name)") {
            let builder = try ReportBuilder(workspace: workspace, store: data.store, reportingOn: .halfYear(period), agenda: agenda)
            size = ReportFormat.html.render(try builder.report(.halfYear(period), asOf: period.lastDay, agenda: agenda)).utf8.count
        }
        let baseline = try bench.sample(Floor.name(bytes: size, rows: events)) { try floor.run(bytes: size) }
        rows.append(Row(id: "report-html-national-\(agenda == nil ? "all" : "one")", sample: sample, baseline: baseline,
                        detail: "\(events) events, \(data.answers) scan answers in \(NationalData.scanYears.count) rounds, \(Format.bytes(size))"))
    }

    let floor = try Floor(databasePath: data.databasePath, agenda: nil)
    var pages: [String: [UInt8]] = [:]
    let siteNow = config.timeZone.moment(NationalData.historyThrough, hour: 12)
    let site = try bench.sample("site pages, all \(workspace.agendas.count) agendas") {
        pages = SiteBuilder(agendas: try AgendaSet(workspace: workspace, store: data.store),
                            reports: try data.store.archivedReports(), config: config, now: siteNow).pages()
    }
    let siteBytes = pages.values.map(\.count).reduce(0, +)
    let siteFloor = try bench.sample(Floor.name(bytes: siteBytes, rows: data.events)) { try floor.run(bytes: siteBytes) }
    rows.append(Row(id: "site-pages-national", sample: site, baseline: siteFloor,
                    detail: "\(data.events) events, \(pages.count) files, \(Format.bytes(siteBytes))"))

    let database = fileSize(data.databasePath) + fileSize(data.databasePath + "-wal")
    bench.note(Note(
        id: "national-database",
        text: "national database: \(data.events) status events, \(data.trajectories) trajectories, \(data.answers) scan answers; "
            + "\(database) bytes on disk (\(Format.bytes(database)))",
        values: [("events", Double(data.events)), ("trajectories", Double(data.trajectories)),
                 ("scan_answers", Double(data.answers)), ("database_bytes", Double(database))]))
    return rows
}
