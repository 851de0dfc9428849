import Foundation
import KoersFormats
import KoersModel

/// `koers spend ACTIVITY AMOUNT`: record money spent on an activity, for the reports' budget
/// section (planned against realised); `--list` shows budgets and entries.
enum SpendCommand: Subcommand {
    static let name = "spend"
    static let summary = "Record money spent on an activity (e.g. LL-a); --list shows budgets and spending."
    static let usages = [
        CommandUsage("ACTIVITY AMOUNT", options: [
            .value("on", "YYYY-MM-DD", required: true, "The day of the expense."),
            .value("hours", "H", "The hours it paid for, e.g. 6 or 2,5."),
            .value("note", "TEXT", "What it was for; shown in reports."),
        ], run: record),
        CommandUsage(.flag(.flag("list", "List the activities with a budget or spending (or ACTIVITY), with every entry.")),
                     "[ACTIVITY]", options: [.json], run: list),
    ]

    static let explanation = """
    Records AMOUNT euros spent on ACTIVITY, for the "Budget" section of the half-year and yearly
    reports: planned (the activity's budget in the agenda) against realised, per waarborg, per
    source of the money and in total. ACTIVITY is THEMECODE-letter, e.g. LL-a (case does not
    matter; with several agendas loaded, prefix the agenda id: ook-sop:LL-a). AMOUNT is 450, 450,50
    or 450.50: at most two decimals, no thousands separators. Entries are kept, never changed: correct
    a mistake with a negative amount, written after --: koers spend LL-a --on DATE -- -450. The day
    (--on) is not after today.

    """

    static func record(_ context: CommandContext) throws -> CommandOutput {
        let workspace = try context.workspace()
        let store = try context.openStore(workspace)
        let set = try context.agendaSet(workspace, store)
        let name = try context.arguments.positional(0, "ACTIVITY (THEMECODE-letter, e.g. LL-a)")
        let amountText = try context.arguments.positional(1, "AMOUNT (euros, e.g. 450 or 450,50)")
        try context.arguments.expectPositionals(atMost: 2)
        guard let amount = Money(parsing: amountText) else {
            throw UsageError("\"\(amountText)\" is not an amount; expected euros with at most two decimals, e.g. 450, 450,50 or 450.50 "
                + "(no thousands separators)")
        }
        guard amount != .zero else { throw UsageError("the amount is 0; nothing to record") }
        var hours: Int?
        if let text = context.arguments.options["hours"] {
            guard let h = DecimalInput(text)?.hundredths, h > 0 else {
                throw UsageError("--hours \"\(text)\" is not a number of hours; expected e.g. 6 or 2,5 (above 0, at most two decimals)")
            }
            hours = h
        }
        let tz = workspace.config.timeZone
        let now = try context.now(tz)
        let day = try MeasureCommand.day(context, today: tz.localDate(of: now))
        let (entry, _, activity) = try set.resolveActivity(name)
        let spending = Spending(agenda: entry.agenda.id, activity: activity.key, amount: amount, hundredthsOfHours: hours, on: day,
                                note: context.arguments.options["note"])
        try store.recordSpending(spending, recordedAt: now)
        let shown = amount.dutch + (spending.hours.map { ", " + BudgetWording.hours($0) } ?? "")
        return CommandOutput(stdout: "\(activity.key): \(shown) (\(day))\n")
    }

    static func list(_ context: CommandContext) throws -> CommandOutput {
        let workspace = try context.workspace()
        let store = try context.openStore(workspace)
        let set = try context.agendaSet(workspace, store)
        try context.arguments.expectPositionals(atMost: 1)
        let records = try store.spendingRecords()
        var activities: [(agenda: Agenda, activity: Activity)]
        if let name = context.arguments.positionals.first {
            let (entry, _, activity) = try set.resolveActivity(name)
            activities = [(entry.agenda, activity)]
        } else {
            activities = set.entries.flatMap { entry in
                entry.agenda.themes.flatMap(\.activities).filter { activity in
                    activity.budget != nil || records.contains { $0.spending.agenda == entry.agenda.id && $0.spending.activity == activity.key }
                }.map { (agenda: entry.agenda, activity: $0) }
            }
        }
        let list = SpendingList(activities, records: records)
        return CommandOutput(stdout: try context.json ? context.encode(list) : list.text(agendaPrefix: set.entries.count > 1))
    }
}
