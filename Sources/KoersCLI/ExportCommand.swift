import KoersFormats
import KoersModel
import KoersSystem

/// `koers export ical|csv`: the agenda for other programs, a calendar to subscribe to and a
/// spreadsheet to open in Excel.
enum ExportCommand: Subcommand {
    static let name = "export"
    static let summary = "Export milestones and deadlines as iCalendar, or the steps as CSV for Excel."
    static let actionNoun = "format"

    static let usages = [
        CommandUsage(.word("ical"), options: [
            .value("role", "ROLE", "Only what this role is involved in (steps naming the role, milestones of the role; "
                   + "the Co-OP'er's role gets every milestone)."),
            .value("person", "ID", "Only what the roles of this person (configuration id) involve, and the conversations and "
                   + "checks of the induction trajectories they take part in (these name the starter or student, so only a "
                   + "person's own calendar has them). Not with --role."),
            out, now, json,
        ], misfit: "does not apply to export ical", run: ical),
        CommandUsage(.word("csv"), options: [
            .value("separator", "CHAR", "The field separator (default ';'; ',' or 'tab' for other programs)."),
            .flag("no-bom", "No byte order mark (for programs other than Excel)."),
            out, now, json,
        ], misfit: "does not apply to export csv", run: csv),
    ]
    private static let out = CommandOption.value("out", "FILE", "Write to FILE (atomically) instead of stdout; a summary goes to stderr.")
    private static let now = CommandOption.now.meaning("The status as of DATE (default: now); also the calendar's DTSTAMP.")
    private static let json = CommandOption.json.meaning("With --out: print the summary as JSON on stdout.")

    static let explanation = """
    ical  An iCalendar file (RFC 5545) of every milestone occurrence (as `koers milestones`
          derives them, through two years after the horizon) and the deadline of every step still
          open, as all-day events with a reminder (14 days before a milestone, 7 before a
          deadline). Done and dropped steps are left out. Month and half-year milestones stand on
          their first day. Publish the file on a web server or share and subscribe to it in
          Outlook or Google Calendar; the events keep their UIDs from export to export.
    csv   Every step with its status: agenda, waarborg, activiteit, stap, tekst, halfjaar, fase,
          rollen, status, verplaatst naar, laatst gewijzigd, notitie. As Excel opens it in Dutch:
          ';' between fields, UTF-8 with a byte order mark, CRLF. Fields that start with = + - @
          get a leading ' so no spreadsheet runs them as a formula.

    """

    /// What was written, for `--json` and stderr.
    struct Summary: Encodable {
        var format: String
        var out: String
        var events: Int?
        var rows: Int?
    }

    static func ical(_ context: CommandContext) throws -> CommandOutput {
        let out = try output(context)
        var audience = CalendarExport.Audience.everyone
        switch (context.arguments.options["role"], context.arguments.options["person"]) {
        case (let role?, nil): audience = .role(role)
        case (nil, let person?): audience = .person(person)
        case (nil, nil): break
        case (_?, _?): throw UsageError("give --role or --person, not both")
        }
        let workspace = try context.workspace()
        let moment = try context.now(workspace.config.timeZone)
        let store = try context.openStore(workspace)
        let set = try context.agendaSet(workspace, store)
        // Trajectory events name the starter or student: only in a person's own calendar, never
        // in one a whole board or role subscribes to.
        var sources: [any DatedEventSource] = []
        if case .person = audience { sources = [try TrajectoryBook(workspace: workspace, store: store).eventSource] }
        let export = try CalendarExport(set, config: workspace.config, moment: moment, audience: audience, sources: sources)
        return try deliver(export.text, Summary(format: "ical", out: out ?? "-", events: export.events.count), to: out, context)
    }

    static func csv(_ context: CommandContext) throws -> CommandOutput {
        let out = try output(context)
        var separator: Unicode.Scalar = ";"
        if let text = context.arguments.options["separator"] { separator = try CSVTable.separator(parsing: text) }
        let workspace = try context.workspace()
        let tz = workspace.config.timeZone
        let moment = try context.now(tz)
        let set = try context.agendaSet(workspace, try context.openStore(workspace))
        let export = StepTableExport(set, moment: moment, timeZone: tz)
        let content = export.table(separator: separator, byteOrderMark: !context.arguments.flags.contains("no-bom")).text
        return try deliver(content, Summary(format: "csv", out: out ?? "-", rows: export.rows.count), to: out, context)
    }

    /// `--out`, checked against `--json` and the positionals before anything is read.
    private static func output(_ context: CommandContext) throws(UsageError) -> String? {
        try context.arguments.expectPositionals(atMost: 1)
        let out = context.arguments.options["out"]
        if context.json && out == nil {
            throw UsageError("--json prints the summary of what --out wrote; without --out the file itself goes to stdout")
        }
        return out
    }

    private static func deliver(_ content: String, _ summary: Summary, to out: String?, _ context: CommandContext) throws -> CommandOutput {
        guard let out else { return CommandOutput(stdout: content) }
        try AtomicFile.write(content, to: out)
        if context.json { return CommandOutput(stdout: try context.encode(summary)) }
        let what = summary.events.map { "\($0) event(s)" } ?? "\(summary.rows ?? 0) step(s)"
        return CommandOutput(stderr: "Wrote \(what) to \(out).\n")
    }
}
