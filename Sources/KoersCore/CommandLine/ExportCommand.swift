/// `koers export ical|csv`: the agenda for other programs, a calendar to subscribe to and a
/// spreadsheet to open in Excel.
enum ExportCommand: Subcommand {
    static let name = "export"
    static let summary = "Export milestones and deadlines as iCalendar, or the steps as CSV for Excel."
    static let spec = Arguments.Spec(valueOptions: ["role", "person", "out", "separator"], flags: ["no-bom"])
    static let help = """
    Usage: koers export ical [--role ROLE | --person ID] [--out FILE]
           koers export csv [--separator CHAR] [--no-bom] [--out FILE]

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

    Options:
      --role ROLE       ical: only what this role is involved in (steps naming the role,
                        milestones of the role; the Co-OP'er's role gets every milestone).
      --person ID       ical: only what the roles of this person (configuration id) involve,
                        and the conversations and checks of the induction trajectories they
                        take part in (these name the starter or student, so only a person's own
                        calendar has them).
      --out FILE        Write to FILE (atomically) instead of stdout; a summary goes to stderr.
      --separator CHAR  csv: the field separator (default ';'; ',' or 'tab' for other programs).
      --no-bom          csv: no byte order mark (for programs other than Excel).
      --now DATE        The status as of DATE (default: now); also the calendar's DTSTAMP.
      --json            With --out: print the summary as JSON on stdout.

    """

    /// What was written, for `--json` and stderr.
    struct Summary: Encodable {
        var format: String
        var out: String
        var events: Int?
        var rows: Int?
    }

    static func run(_ context: CommandContext) throws -> CommandOutput {
        let action = try context.arguments.positional(0, "format (ical or csv)")
        try context.arguments.expectPositionals(atMost: 1)
        let options = context.arguments.options
        let out = options["out"]
        if context.json && out == nil {
            throw UsageError("--json prints the summary of what --out wrote; without --out the file itself goes to stdout")
        }
        func refuse(_ names: [String], for format: String) throws(UsageError) {
            for name in names where options[name] != nil || context.arguments.flags.contains(name) {
                throw UsageError("--\(name) does not apply to export \(format)")
            }
        }

        let content: String
        let summary: Summary
        switch action {
        case "ical":
            try refuse(["separator", "no-bom"], for: "ical")
            var audience = CalendarExport.Audience.everyone
            switch (options["role"], options["person"]) {
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
            content = export.text
            summary = Summary(format: "ical", out: out ?? "-", events: export.events.count)
        case "csv":
            try refuse(["role", "person"], for: "csv")
            var separator: Unicode.Scalar = ";"
            if let text = options["separator"] {
                do { separator = try CSVTable.separator(parsing: text) } catch { throw UsageError(error.description) }
            }
            let workspace = try context.workspace()
            let tz = workspace.config.timeZone
            let moment = try context.now(tz)
            let set = try context.agendaSet(workspace, try context.openStore(workspace))
            let export = StepTableExport(set, moment: moment, timeZone: tz)
            content = export.table(separator: separator, byteOrderMark: !context.arguments.flags.contains("no-bom")).text
            summary = Summary(format: "csv", out: out ?? "-", rows: export.rows.count)
        default:
            throw UsageError("unknown format \"\(action)\"; expected ical or csv")
        }

        guard let out else { return CommandOutput(stdout: content) }
        try AtomicFile.write(content, to: out)
        if context.json { return CommandOutput(stdout: try context.encode(summary)) }
        let what = summary.events.map { "\($0) event(s)" } ?? "\(summary.rows ?? 0) step(s)"
        return CommandOutput(stderr: "Wrote \(what) to \(out).\n")
    }
}
