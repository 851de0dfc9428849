import KoersFormats
import KoersSystem

/// `koers agenda export`: the agenda file's next version, with the steps adopted from scans, for the
/// annual review (the directors adopt it; then it replaces the file the configuration loads).
enum AgendaExportAction {
    static let usage = CommandUsage(.word("export"), options: [
        .value("version", "LABEL", "The new version label (e.g. \"bijgesteld november 2024\"); default: unchanged."),
        .value("agenda", "ID", "Which agenda, when several are loaded."),
        .value("out", "FILE", "Write to FILE (atomically) instead of stdout; a summary goes to stderr."),
    ], misfit: "does not go with `koers agenda export`: the export holds the whole agenda", run: run)

    static let explanation = """
    export: writes the agenda file (koers-agenda/1) as its next version: the file as it is, with the
    steps adopted from scans (`koers scan adopt`) added to their activities and the horizon widened
    to hold them. It passes `koers check`. Once it replaces the old file, the adopted steps are in
    it and are not added twice; their history stays, as the step keys do not change.

    """

    static func run(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 1)
        let workspace = try context.workspace()
        let index: Int
        if let id = context.arguments.options["agenda"] {
            guard let found = workspace.agendas.firstIndex(where: { $0.id == id }) else {
                throw UsageError("--agenda \"\(id)\" is not a loaded agenda; loaded are: \(workspace.agendas.map(\.id).joined(separator: ", "))")
            }
            index = found
        } else {
            guard workspace.agendas.count == 1 else {
                throw UsageError("several agendas are loaded; say which with --agenda (\(workspace.agendas.map(\.id).joined(separator: ", ")))")
            }
            index = 0
        }
        let agenda = workspace.agendas[index]
        let store = try context.openStore(workspace)
        let version = context.arguments.options["version"]
        let result = try AgendaExport.export(file: workspace.config.agendaPaths[index], agenda: agenda,
                                             amendments: try store.amendments(agenda: agenda.id), version: version)
        var summary = "agenda \(agenda.id), version \"\(version ?? agenda.version)\", with "
            + (result.added.isEmpty ? "no adopted steps to add" : "\(result.added.count) adopted step(s): "
                + result.added.map(\.description).joined(separator: ", "))
        if let horizon = result.horizon { summary += "; horizon now \(horizon.from)…\(horizon.to)" }
        guard let out = context.arguments.options["out"] else { return CommandOutput(stdout: result.text, stderr: "Exported \(summary).\n") }
        try AtomicFile.write(result.text, to: out)
        return CommandOutput(stderr: "Wrote \(summary) to \(out).\n")
    }
}
