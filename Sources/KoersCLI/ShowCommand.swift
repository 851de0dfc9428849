import KoersFormats

/// `koers show STEP`: one step in full, with its history.
enum ShowCommand: Subcommand {
    static let name = "show"
    static let summary = "Show one step: its activity, roles, milestones and full history."
    static let usages = [CommandUsage("STEP", options: [.json], run: run)]
    static let explanation = """
    STEP is the step's key as `koers agenda` shows it: THEMECODE-STEPID, e.g. LL-A1 or KC-B7
    (case does not matter). With several agendas loaded, prefix the agenda id: ook-sop:LL-A1.

    """

    static func run(_ context: CommandContext) throws -> CommandOutput {
        let name = try context.arguments.positional(0, "STEP (e.g. LL-A1)")
        try context.arguments.expectPositionals(atMost: 1)
        let workspace = try context.workspace()
        let tz = workspace.config.timeZone
        let moment = try context.now(tz)
        let set = try context.agendaSet(workspace, try context.openStore(workspace))
        let (entry, placed) = try set.resolve(name)
        let view = StepDetailView(entry: entry, placed: placed, milestones: entry.agenda.milestonesByStep()[placed.key] ?? [],
                                  config: workspace.config, moment: moment)
        return CommandOutput(stdout: try context.json ? context.encode(view) : view.text(timeZone: tz))
    }
}
