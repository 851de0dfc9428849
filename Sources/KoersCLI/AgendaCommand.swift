import KoersFormats
import KoersModel

/// `koers agenda`: the plan as the document shows it, with status marks and filters.
enum AgendaCommand: Subcommand {
    static let name = "agenda"
    static let summary = "Show the agenda: per theme, activities × half-years, with status."
    static let usages = [
        CommandUsage(options: [
            .value("theme", "THEME", "Only this theme: its id, code or title (e.g. LO, leeromgeving)."),
            .value("period", "YYYY-Hn", "Only steps planned or expected in this half-year."),
            .value("role", "ROLE", "Only steps this role is involved in (e.g. schoolopleiders)."),
            .value("status", "STATUS", "Only steps with this status: \(StepStatus.Kind.spellings)."),
            CommandOption.now.meaning("Show the status as it was (or will be) on DATE."),
            .json,
        ], run: run),
        AgendaExportAction.usage,
    ]
    static let explanation = """
    Shows each theme (waarborg) as in the document: activities as rows, half-years as columns, each
    step with a status mark, then every step in full. Marks: ✓ done, ▶ in progress, ○ planned,
    → postponed (» where it moved to), ✗ dropped, ! overdue.

    """ + "\n" + AgendaExportAction.explanation

    static func run(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 0)
        let options = context.arguments.options
        var filter = AgendaView.Filter(theme: options["theme"], role: options["role"])
        if let text = options["period"] {
            guard let period = HalfYear(text) else { throw UsageError("--period \"\(text)\" is not a half-year; expected YYYY-H1 or YYYY-H2") }
            filter.period = period
        }
        if let text = options["status"] {
            guard let status = StepStatus.Kind(parsing: text) else {
                throw UsageError("--status \"\(text)\" is not a status; expected one of \(StepStatus.Kind.spellings)")
            }
            filter.status = status
        }
        let workspace = try context.workspace()
        let tz = workspace.config.timeZone
        let moment = try context.now(tz)
        let store = try context.openStore(workspace)
        let view = try AgendaView(try context.agendaSet(workspace, store), filter: filter, moment: moment, timeZone: tz)
        return CommandOutput(stdout: try context.json ? context.encode(view) : view.text(timeZone: tz))
    }
}
