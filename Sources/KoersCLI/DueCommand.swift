import KoersFormats

/// `koers due`: open in the current half-year, and overdue, grouped by role.
enum DueCommand: Subcommand {
    static let name = "due"
    static let summary = "What is open this half-year and what is overdue, grouped by role."
    static let usages = [CommandUsage(options: [.value("role", "ROLE", "Only the steps of this role (e.g. schoolopleiders)."), .json],
                                      run: run)]
    static let explanation = """
    Lists, per role that carries them out, the open steps of the current half-year and the steps
    still open from earlier half-years (overdue, with since when). Use --now to look at another day.

    """

    static func run(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 0)
        let workspace = try context.workspace()
        let role = context.arguments.options["role"]
        if let role, !workspace.agendas.contains(where: { $0.role(role) != nil }) {
            throw AgendaView.FilterError.unknownRole(role, known: Array(Set(workspace.agendas.flatMap { $0.roles.map(\.id) })).sorted())
        }
        let moment = try context.now(workspace.config.timeZone)
        let set = try context.agendaSet(workspace, try context.openStore(workspace))
        let view = DueView(set, config: workspace.config, moment: moment, role: role)
        return CommandOutput(stdout: try context.json ? context.encode(view) : view.text())
    }
}
