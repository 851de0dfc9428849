import Foundation
import KoersModel

/// `koers set STEP STATUS`: record progress, appended to the step's history.
enum SetCommand: Subcommand {
    static let name = "set"
    static let summary = "Record a step's progress: in-progress, done, postponed, dropped…"
    static let usages = [CommandUsage("STEP STATUS", options: [
        .value("note", "TEXT", "Why, or what happened; shown in reports."),
        .value("by", "WHO", "Who decided or reported it: a person id from the configuration, or a name."),
        .value("to", "YYYY-Hn", "For postponed: the half-year it moves to."),
        .value("on", "DATE", "When it happened, if not now (YYYY-MM-DD); not before the step's last change."),
    ], run: run)]
    static let explanation = """
    Records a status change for STEP (e.g. LO-A3). STATUS is one of:
      in-progress   work has started
      done          finished
      postponed     moved to a later half-year: needs --to YYYY-H1|YYYY-H2
      dropped       will not be done (say why with --note)
      planned       put a dropped step back on the plan
    Allowed changes: planned → in-progress, done, postponed, dropped; in-progress → done, postponed,
    dropped; postponed → in-progress, done, postponed (later), dropped; done → in-progress (reopen);
    dropped → planned. Other changes are refused with exit status 1.

    """

    static func run(_ context: CommandContext) throws -> CommandOutput {
        let name = try context.arguments.positional(0, "STEP (e.g. LL-A1)")
        let statusText = try context.arguments.positional(1, "STATUS (\(StepStatus.Kind.spellings))")
        try context.arguments.expectPositionals(atMost: 2)
        guard let kind = StepStatus.Kind(parsing: statusText) else {
            throw UsageError("\"\(statusText)\" is not a status; expected one of \(StepStatus.Kind.spellings)")
        }
        let options = context.arguments.options
        var target: HalfYear?
        if let text = options["to"] {
            guard let h = HalfYear(text) else { throw UsageError("--to \"\(text)\" is not a half-year; expected YYYY-H1 or YYYY-H2") }
            target = h
        }
        let workspace = try context.workspace()
        let tz = workspace.config.timeZone
        let now = try context.now(tz)
        var moment = now
        if let text = options["on"] {
            guard let day = LocalDate(text) else { throw UsageError("--on \"\(text)\" is not a date; expected YYYY-MM-DD") }
            guard day <= tz.localDate(of: now) else { throw UsageError("--on \(day) is in the future; progress is recorded when it happened") }
            moment = day == tz.localDate(of: now) ? now : tz.moment(day, hour: 12)
        }
        let store = try context.openStore(workspace)
        let set = try context.agendaSet(workspace, store)
        let (entry, placed) = try set.resolve(name)
        let event = try store.record(agenda: entry.agenda.id, step: placed, to: kind, target: target, at: moment,
                                     recordedAt: now, by: options["by"], note: options["note"], timeZone: tz)
        return CommandOutput(stdout: "\(placed.key): \(event.status.dutch) (\(tz.localDate(of: event.at)))\n")
    }
}
