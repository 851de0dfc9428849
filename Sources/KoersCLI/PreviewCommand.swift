import Foundation
import KoersFormats
import KoersMail
import KoersModel
import KoersServices
import KoersStore

/// `koers preview`: every mail the daemon would send in a period, computed by the daemon's own code
/// on a copy of the database with a simulated clock.
enum PreviewCommand: Subcommand {
    static let name = "preview"
    static let summary = "List every mail the daemon would send between two dates."
    static let usages = [CommandUsage(options: [
        .value("from", "YYYY-MM-DD", required: true, "The first day."),
        .value("to", "YYYY-MM-DD", required: true, "The last day."),
        .value("write", "DIR", "Also write each mail as an .eml file into DIR."),
        .json,
    ], run: run)]
    static let explanation = """
    Runs the daemon's planner and outbox on a copy of the database, with a clock that jumps from one
    due moment to the next, and lists each mail: when, to whom, the subject and its items. Nothing is
    sent and the real database is not changed. --write DIR also writes each mail as an .eml file.

    """

    struct Mail: Encodable {
        var at: String
        var to: String
        var name: String
        var subject: String
        var items: [String]
    }

    static func run(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 0)
        let workspace = try context.workspace()
        let tz = workspace.config.timeZone
        func day(_ key: String) throws(UsageError) -> LocalDate {
            let text = try context.required(key)
            guard let d = LocalDate(text) else { throw UsageError("--\(key) \"\(text)\" is not a date; expected YYYY-MM-DD") }
            return d
        }
        let from = try day("from"), to = try day("to")
        guard from <= to else { throw UsageError("--from \(from) is after --to \(to)") }

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("koers-preview-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ScratchFolderFailure(path: scratch, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let copy = scratch + "/preview.sqlite"
        if FileManager.default.fileExists(atPath: workspace.config.databasePath) {
            try Database.backup(from: try Store(path: workspace.config.databasePath).database, to: copy)
        }
        let store = try Store(path: copy)
        // A daemon that has been running: no start, no downtime, nothing waiting from before --from.
        try store.setPlannedThrough(from)
        try store.setHandledAgendas(Set(workspace.agendas.map(\.id)))
        try store.setOverviewDue(nil)
        try store.setCatchUpAt(nil)
        let transport: any MailTransport = context.arguments.options["write"].map { FileTransport(folder: $0) } ?? FileTransport(folder: scratch + "/mail")
        let service = ReminderService(workspace: workspace, store: store, transport: transport, log: Log { _ in })
        var mails: [Mail] = []
        service.observer = { person, message, items in
            mails.append(Mail(at: Timestamp.format(message.date), to: person.email, name: person.name, subject: message.subject,
                              items: items))
        }
        let end = tz.moment(to.adding(days: 1))
        var moment = tz.moment(from)
        while moment < end {
            try service.enqueueDue(now: moment)
            try service.enqueueDueReports(now: moment)
            try service.sendDue(now: moment)
            guard let next = try service.nextWake(after: moment), next > moment else { break }
            moment = next
        }
        if context.json { return CommandOutput(stdout: try context.encode(mails)) }
        var out = "\(mails.count) mail(s) van \(PlannedDate.day(from).dutch) tot en met \(PlannedDate.day(to).dutch)\n"
        for mail in mails {
            let when = Timestamp.parse(mail.at).map { "\(tz.localDate(of: $0)) \(String(format: "%02d:%02d", tz.hourAndMinute(of: $0).hour, tz.hourAndMinute(of: $0).minute))" } ?? mail.at
            out += "\n\(when)  \(mail.name) <\(mail.to)>\n"
            out += TextLayout.wrap("  \(mail.subject)", indent: "  ") + "\n"
            for item in mail.items { out += TextLayout.wrap("    - \(item)", indent: "      ") + "\n" }
        }
        return CommandOutput(stdout: out)
    }

    /// The folder for the copy of the database could not be made (exit 73).
    struct ScratchFolderFailure: ExitStatusCarrying {
        var path: String
        var reason: String

        var description: String {
            "Could not create the preview's working folder \(path): \(reason). "
                + "Check that the temporary folder ($TMPDIR, else /tmp) exists and that you may write there."
        }

        var exitCode: ExitCode { .cannotCreate }
    }
}
