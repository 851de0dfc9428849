import KoersFormats
import KoersModel
import KoersStore
import KoersSystem

/// `koers report`: progress reports on the agenda. A dispatcher over actions (`halfyear`, `year`;
/// archiving and showing archived reports plug in as further actions), each with its own options.
enum ReportCommand: Subcommand {
    static let name = "report"
    static let summary = "Write a half-year or yearly progress report (text, Markdown, HTML, JSON)."

    static let actionNoun = "report action"

    /// The actions, in the order the help lists them. Add an action here to extend the command.
    static let usages = [HalfYearReportAction.usage, YearReportAction.usage, ReportArchiveAction.usage, ReportShowAction.usage]

    static let explanation = [HalfYearReportAction.explanation, YearReportAction.explanation,
                              ReportArchiveAction.explanation, ReportShowAction.explanation].joined(separator: "\n")

    /// The options of the actions that build a report on a period.
    static let periodOptions: [CommandOption] = [
        .value("as-of", "YYYY-MM-DD", "The day the report speaks for: status changes up to the end of that day count "
               + "(default: the period's last day, or today while it runs)."),
        .value("format", "FORMAT", "text (default: 80 columns), markdown, html (one self-contained file for mail and print) "
               + "or json. --json is short for --format json."),
        .value("out", "FILE", "Write the report to FILE instead of standard output."),
        .value("agenda", "ID", "Only this agenda (default: every loaded agenda, one section each)."),
        .flag("archive", "Keep the report in the report archive instead of printing it, as the daemon keeps the reports it "
              + "mails (every agenda; text, HTML and JSON; without who recorded each change), so `koers site` publishes it "
              + "under rapporten/. Once per period, never replaced; a half-year report once the half-year is over. Goes with "
              + "--as-of and --json only."),
        CommandOption.now.meaning("Act as if today were DATE."),
        .json,
    ]

    /// The positionals after the action's word.
    static func operands(_ context: CommandContext) -> [String] { Array(context.arguments.positionals.dropFirst()) }

    // MARK: Shared by the actions

    /// `--format`, with `--json` as a shorthand for `--format json`.
    static func format(_ context: CommandContext) throws(UsageError) -> ReportFormat {
        let spellings = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard let text = context.arguments.options["format"] else { return context.json ? .json : .text }
        guard let format = ReportFormat(rawValue: text.lowercased()) else {
            throw UsageError("--format \"\(text)\" is not a report format; expected one of: \(spellings)")
        }
        if context.json && format != .json { throw UsageError("--json and --format \(format.rawValue) contradict each other") }
        return format
    }

    /// The report on `period` as the command line asks for it: `--as-of` (default: the end of the
    /// period, or today while it runs), `--agenda`, and "today" from `--now` or the clock.
    /// `namesRecorders` false leaves out who recorded each change, as in the archive (it is published).
    static func build(_ context: CommandContext, period: ReportPeriod,
                      namesRecorders: Bool = true) throws -> (report: Report, workspace: Workspace, store: Store) {
        let workspace = try context.workspace()
        let tz = workspace.config.timeZone
        let today = tz.localDate(of: try context.now(tz))
        let asOf: LocalDate
        if let text = context.arguments.options["as-of"] {
            guard let day = LocalDate(text) else { throw UsageError("--as-of \"\(text)\" is not a date; expected YYYY-MM-DD") }
            guard day <= today else {
                throw UsageError("--as-of \(day) lies after today (\(today)); a report cannot speak for a day still to come")
            }
            guard day >= period.firstDay else {
                throw UsageError("--as-of \(day) lies before \(period) begins (\(period.firstDay))")
            }
            asOf = day
        } else {
            guard let day = period.defaultAsOf(today: today) else {
                throw UsageError("\(period) has not begun yet (today is \(today)); choose a period that has")
            }
            asOf = day
        }
        let store = try context.openStore(workspace)
        let agenda = context.arguments.options["agenda"]
        do {
            let builder = try ReportBuilder(workspace: workspace, store: store, reportingOn: period, agenda: agenda,
                                            namesRecorders: namesRecorders)
            return (try builder.report(period, asOf: asOf, agenda: agenda), workspace, store)
        } catch ReportBuilder.Failure.unknownAgenda(let id, let known) {
            throw UsageError("--agenda \"\(id)\" is not a loaded agenda; loaded are: \(known.joined(separator: ", "))")
        }
    }

    /// The rendered report on stdout, or written to `--out FILE` (replaced in one step).
    static func deliver(_ text: String, report: Report, format: ReportFormat, context: CommandContext) throws -> CommandOutput {
        guard let path = context.arguments.options["out"] else { return CommandOutput(stdout: text) }
        try AtomicFile.write(Array(text.utf8), to: path)
        return CommandOutput(stdout: "wrote the \(report.period.kind.rawValue) report \(report.period) as of \(report.asOf) (\(format.rawValue)) to \(path)\n")
    }

    /// What the period actions share: parse the period, build, render, deliver.
    static func runPeriod(_ context: CommandContext, arguments: [String], kind: ReportPeriod.Kind, expected: String) throws -> CommandOutput {
        guard let text = arguments.first else { throw UsageError("missing the period: \(expected)") }
        if arguments.count > 1 { throw UsageError("unexpected argument \"\(arguments[1])\"") }
        guard let period = ReportPeriod(kind: kind, text) else {
            throw UsageError("\"\(text)\" is not a \(kind == .halfYear ? "half-year" : "year"); expected \(expected)")
        }
        if context.arguments.flags.contains("archive") { return try archive(context, period: period) }
        let format = try format(context)
        let report = try build(context, period: period).report
        return try deliver(format.render(report), report: report, format: format, context: context)
    }

    /// `--archive`: the report stored in the report archive as the daemon stores a report it mails
    /// (every agenda, text, HTML and JSON, without the names of who recorded changes), so the site
    /// lists it under rapporten/. A half-year report is archived only once its half-year is over,
    /// as the daemon does, because the archive keeps one report per period for good; the yearly
    /// report may be a tussenstand once the day the daemon mails it (when it mails reports) has
    /// passed: archived before, it is what the daemon would mail. A period already archived is
    /// refused, with the number to show it by.
    static func archive(_ context: CommandContext, period: ReportPeriod) throws -> CommandOutput {
        for option in ["format", "out", "agenda"] where context.arguments.options[option] != nil {
            throw UsageError("--\(option) does not go with --archive: the archive keeps the report on every agenda in "
                             + "text, HTML and JSON; `koers report show ID` prints an archived one")
        }
        let (report, workspace, store) = try build(context, period: period, namesRecorders: false)
        if period.kind == .halfYear && !report.isPeriodComplete { throw ArchiveRefusal.periodRunning(period) }
        if let mailing = try mailedLater(period, workspace: workspace, context: context) { throw ArchiveRefusal.mailedLater(period, on: mailing) }
        let (archived, isNew) = try store.archive(report, at: try context.now(workspace.config.timeZone))
        guard isNew else { throw ArchiveRefusal.alreadyArchived(archived) }
        let kind = period.kind == .halfYear ? "half-year" : "year"
        if context.json { return CommandOutput(stdout: try context.encode(ReportArchiveAction.Line(archived))) }
        return CommandOutput(stdout: "archived the \(kind) report \(archived.period) as of \(archived.asOf) as report \(archived.id); "
            + "`koers report show \(archived.id)` prints it, and `koers site` (or the daemon, at its next site update) "
            + "publishes it under rapporten/\n")
    }
}

extension ReportCommand {
    /// The day the daemon will mail (and archive) the report on `period`, when that is still to
    /// come: an archived copy would be what it mails.
    static func mailedLater(_ period: ReportPeriod, workspace: Workspace, context: CommandContext) throws -> LocalDate? {
        let config = workspace.config
        guard config.reports.mail else { return nil }
        let now = try context.now(config.timeZone)
        let schedule = ReportSchedule(rules: config.reports, quiet: config.quietPeriods, timeZone: config.timeZone,
                                      sendTime: config.reminders.sendTime)
        let today = config.timeZone.localDate(of: now)
        return schedule.deliveries(from: today, through: period.lastDay.adding(months: 12))
            .first { $0.period == period && $0.sendAt > now }?.sendOn
    }
}

/// Why `--archive` stored nothing (exit status 1).
enum ArchiveRefusal: Error, CustomStringConvertible {
    /// The archive holds a report on the period already: it is never replaced.
    case alreadyArchived(Store.ArchivedReport)
    /// A half-year report while its half-year runs: it would stand in the archive for good.
    case periodRunning(ReportPeriod)
    /// The daemon mails the report on this period later: what the archive holds is what it mails.
    case mailedLater(ReportPeriod, on: LocalDate)

    var description: String {
        switch self {
        case .alreadyArchived(let report):
            let kind = report.kind == .halfYear ? "half-year" : "year"
            return "the \(kind) report \(report.period) is already archived as report \(report.id) (as of \(report.asOf)); "
                + "the archive keeps one report per period and never replaces it; `koers report show \(report.id)` prints it"
        case .periodRunning(let period):
            return "\(period) runs until \(period.lastDay); a half-year report is archived once the half-year is over, "
                + "because the archive keeps one report per period for good; archive it from \(period.lastDay.adding(days: 1)) on"
        case .mailedLater(let period, let day):
            return "the daemon mails the report on \(period) on \(day) and archives it then; archived now, today's tussenstand "
                + "is what it would mail. Wait until then (`koers report show` prints it from then on), or look at it now without --archive"
        }
    }
}

enum HalfYearReportAction {
    static let usage = CommandUsage(.word("halfyear"), "YYYY-Hn", options: ReportCommand.periodOptions) { context in
        try ReportCommand.runPeriod(context, arguments: ReportCommand.operands(context), kind: .halfYear,
                                    expected: "YYYY-H1 or YYYY-H2, e.g. 2024-H1")
    }
    static let explanation = """
    halfyear YYYY-Hn: the report on one half-year (H1 = January–June, H2 = July–December). A summary
    per waarborg with progress bars; per waarborg its goal, each step planned in the half-year with
    status, roles and the notes recorded, and the steps from earlier half-years still open; the
    milestones and indicators; and a look ahead: where open steps go, the next half-year per role,
    milestones and deadlines in the six months after, and the decisions to take.

    """
}

enum YearReportAction {
    static let usage = CommandUsage(.word("year"), "YYYY", options: ReportCommand.periodOptions) { context in
        try ReportCommand.runPeriod(context, arguments: ReportCommand.operands(context), kind: .year, expected: "a year YYYY, e.g. 2024")
    }
    static let explanation = """
    year YYYY: the report on a calendar year, both halves, in the same form, with the plan for the
    year ahead and "Voorstellen voor bijstelling": proposals Koers derives for the annual review
    (steps postponed more than once or overdue for over half a year, waarborgen with low completion,
    steps outside the horizon, milestones without steps, nothing planned ahead).

    """
}
