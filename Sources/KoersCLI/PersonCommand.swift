import Foundation
import KoersFormats
import KoersModel
import KoersServices
import KoersStore

/// `koers person export|erase ID`: the AVG rights of access and erasure, for a starter or student
/// (a trajectory id) or a person from the configuration.
enum PersonCommand: Subcommand {
    static let name = "person"
    static let summary = "Export or erase everything Koers holds about one person (AVG)."
    static let usages = [CommandUsage(.word("export"), "ID", run: export), CommandUsage(.word("erase"), "ID", run: erase)]
    static let explanation = """
    ID is a trajectory id (t-…, a starter or student) or a person id from the configuration.

    export  Prints, as JSON, everything the database and configuration hold about the person: their
            configuration entry, their trajectory with its events (or the trajectories they guide as
            mentor or school trainer, without the other person's name), the mail sent or queued to
            them, with its content, and the reminder log.
    erase   Removes the person's data from the database: a trajectory with its events, the mail to
            them, the mail and archived reports that name them, and them as the recorder of status
            changes (the changes stay). Anonymous counts (koers starter outcomes) are kept; a
            trajectory still running counts there as erased, not as left. The file is then
            rebuilt so the data does not linger on disk. A person from the configuration must
            afterwards be removed from the configuration file by hand. Cannot be undone.

    """

    /// Who the command is about, and what both actions need.
    private struct Subject {
        var id: String
        var workspace: Workspace
        var store: Store
        var now: Date
        var book: TrajectoryBook
        var trajectory: Trajectory?
        var person: Person?

        init(_ context: CommandContext) throws {
            workspace = try context.workspace()
            store = try context.openStore(workspace)
            now = try context.now(workspace.config.timeZone)
            id = try context.arguments.positional(1, "ID (a trajectory id t-… or a person id from the configuration)")
            try context.arguments.expectPositionals(atMost: 2)
            book = try TrajectoryBook(workspace: workspace, store: store)
            let id = id
            trajectory = book.trajectories.first { $0.id == id }
            person = workspace.config.person(id)
        }
    }

    static func export(_ context: CommandContext) throws -> CommandOutput {
        let s = try Subject(context)
        let export = try PersonExport(id: s.id, workspace: s.workspace, store: s.store, book: s.book, now: s.now)
        guard s.trajectory != nil || s.person != nil || !export.messages.isEmpty || !export.reminders.isEmpty else {
            throw PersonError.unknown(s.id)
        }
        return CommandOutput(stdout: try context.encode(export))
    }

    static func erase(_ context: CommandContext) throws -> CommandOutput {
        let s = try Subject(context)
        let (id, store, person) = (s.id, s.store, s.person)
        let today = s.workspace.config.timeZone.localDate(of: s.now)
        if let trajectory = s.trajectory {
            let erasure = try store.eraseTrajectory(trajectory, plan: s.book.plan(of: trajectory), today: today)
            try store.compactAfterErasure()
            return CommandOutput(stdout: "erased \(trajectory.kind.rawValue) trajectory \(id): \(summary(erasure)); "
                                 + "its anonymous counts stay in `koers \(trajectory.kind.rawValue) outcomes`\n"
                                 + backupNotice(s.workspace.config.databasePath))
        }
        let erasure = try store.erasePerson(id: id, name: person?.name, email: person?.email)
        guard person != nil || erasure != Erasure() else { throw PersonError.unknown(id) }
        try store.compactAfterErasure()
        var out = "erased \(id) from the database: \(summary(erasure))\n"
        if !erasure.trajectoriesReferring.isEmpty {
            out += "still named as mentor or school trainer (by id) in: \(erasure.trajectoriesReferring.joined(separator: ", "))\n"
        }
        if erasure.notesMentioningName > 0 {
            out += "\(erasure.notesMentioningName) status note(s) mention the name; the history is append-only, so they are kept\n"
        }
        if person != nil {
            out += "now remove \(id) from \"people\" in \(s.workspace.config.file) and reload the daemon (systemctl reload koers)\n"
        }
        return CommandOutput(stdout: out + backupNotice(s.workspace.config.databasePath))
    }

    /// Copies taken before a schema upgrade (`koers.sqlite.v3-backup`) still hold what was erased;
    /// Koers does not delete them itself, so the administrator is told.
    private static func backupNotice(_ databasePath: String) -> String {
        let folder = (databasePath as NSString).deletingLastPathComponent
        let name = (databasePath as NSString).lastPathComponent
        let backups = ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? [])
            .filter { $0.hasPrefix(name + ".v") && $0.contains("-backup") }.sorted()
        guard !backups.isEmpty else { return "" }
        return "backups from before a schema upgrade may still hold this data; delete them when no longer needed: "
            + backups.joined(separator: ", ") + "\n"
    }

    private static func summary(_ e: Erasure) -> String {
        "\(e.messagesDeleted) message(s) deleted, \(e.messagesScrubbed) wiped, \(e.remindersDeleted) reminder log entr(y/ies) removed, "
            + "\(e.recordersCleared) status change recorder(s) cleared, \(e.reportsDeleted) archived report(s) deleted"
    }
}

/// Refusals of `koers person`.
enum PersonError: Error, CustomStringConvertible {
    case unknown(String)

    var description: String {
        switch self {
        case .unknown(let id):
            "Koers holds nothing about \"\(id)\": it is neither a trajectory id (koers starter list --all, koers student list --all) "
                + "nor a person in the configuration, and no mail or reminder names it"
        }
    }
}
