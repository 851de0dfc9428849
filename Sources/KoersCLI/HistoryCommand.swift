import KoersServices

/// `koers history import FILE`: bring in a recorded history (the demo, or a spreadsheet's).
enum HistoryCommand: Subcommand {
    static let name = "history"
    static let summary = "Import a status history file (koers-history/1), all or nothing."
    static let usages = [CommandUsage(.word("import"), "FILE", run: run)]
    static let explanation = """
    Imports status events from FILE (format koers-history/1, see Agendas/FORMAT.md), checking each
    against the agenda and the transition rules of `koers set`. Nothing is imported when any event is
    invalid; every problem is listed with its JSON path.

    """

    static func run(_ context: CommandContext) throws -> CommandOutput {
        let file = try context.arguments.positional(1, "FILE")
        try context.arguments.expectPositionals(atMost: 2)
        let workspace = try context.workspace()
        let now = try context.now(workspace.config.timeZone)
        let store = try context.openStore(workspace)
        let set = try context.agendaSet(workspace, store)
        let result = try HistoryImport.run(file: file, set: set, store: store, config: workspace.config, recordedAt: now)
        return CommandOutput(stdout: "imported \(result.imported) status change(s) from \(file)\n")
    }
}
