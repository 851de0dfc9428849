import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// Planning one year of reminders (what `koers preview` and the daemon do), for the bundled agenda
/// and for a synthetic agenda `scale` times its size, both against the bundled agenda's time: about
/// `scale`× means planning grows linearly. A fresh database, so every step is open; `now` fixed.
func planYear(_ bench: Bench) throws -> [Row] {
    let bundled = try PlanningInput(configPath: bench.exampleConfig, scratch: bench.scratch + "/bundled.sqlite")
    let baseline = bench.sample("plan 1 year, bundled agenda") { _ = bundled.plan() }
    let synthetic = try PlanningInput(configPath: try bench.syntheticWorkspace(),
                                      scratch: bench.scratch + "/synthetic.sqlite")
    let sample = bench.sample("plan 1 year, \(bench.options.scale)× agenda") { _ = synthetic.plan() }
    return [
        Row(id: "plan-year-bundled", sample: baseline, baseline: baseline, detail: bundled.detail),
        Row(id: "plan-year-\(bench.options.scale)x", sample: sample, baseline: baseline, detail: synthetic.detail),
    ]
}

/// A loaded workspace with its (empty) histories and a planner, ready to plan the fixed year.
struct PlanningInput {
    static let now = AgendaTimeZone.amsterdam.moment(LocalDate("2024-09-01")!, hour: 12)
    static let from = LocalDate("2024-09-01")!
    static let through = LocalDate("2025-08-31")!

    let workspace: Workspace
    let set: AgendaSet
    let planner: Planner

    init(configPath: String, scratch database: String) throws {
        workspace = try Workspace.load(configPath: configPath, environment: [:])
        set = try AgendaSet(workspace: workspace, store: Store(path: database))
        let config = workspace.config
        planner = Planner(rules: config.reminders, quiet: config.quietPeriods, timeZone: config.timeZone)
    }

    func plan() -> [Reminder] {
        planner.reminders(for: set, config: workspace.config, from: Self.from, through: Self.through, now: Self.now)
    }

    var detail: String {
        let steps = set.entries.map { $0.agenda.placedSteps.count }.reduce(0, +)
        return "\(steps) steps, \(plan().count) reminders"
    }
}
