import KoersModel

/// `koers milestones`: the derived "Mijlpalen" with the steps that carry them out.
enum MilestonesCommand: Subcommand {
    static let name = "milestones"
    static let summary = "List milestones (zelfscan, reports, partnerships…) in a period."
    static let usages = [CommandUsage(options: [
        .value("from", "YYYY-MM-DD", "The first day (default: the start of the agendas' horizon)."),
        .value("to", "YYYY-MM-DD", "The last day (default: two years after today or the horizon, the later)."),
        .json,
    ], run: run)]
    static let explanation = """
    Lists every occurrence of every milestone between the dates (default: from the start of the
    agendas' horizon to two years after today), with the steps linked to it and their status.

    """

    static func run(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 0)
        let workspace = try context.workspace()
        let tz = workspace.config.timeZone
        let moment = try context.now(tz)
        let today = tz.localDate(of: moment)
        func date(_ key: String, _ fallback: LocalDate) throws(UsageError) -> LocalDate {
            guard let text = context.arguments.options[key] else { return fallback }
            guard let d = LocalDate(text) else { throw UsageError("--\(key) \"\(text)\" is not a date; expected YYYY-MM-DD") }
            return d
        }
        let start = workspace.agendas.map(\.horizon.from.firstDay).min() ?? today
        let from = try date("from", start)
        let to = try date("to", max(today, workspace.agendas.map(\.horizon.to.lastDay).max() ?? today).adding(months: 24))
        guard from <= to else { throw UsageError("--from \(from) is after --to \(to)") }
        let set = try context.agendaSet(workspace, try context.openStore(workspace))
        let view = MilestoneView(set, from: from, to: to, moment: moment, timeZone: tz)
        return CommandOutput(stdout: try context.json ? context.encode(view) : view.text())
    }
}
