import Foundation
import KoersFormats
import KoersModel

/// `koers measure INDICATOR VALUE`: record a measured value of one of the agenda's indicators, for
/// the reports' trend towards the target; `--list` shows what was recorded.
enum MeasureCommand: Subcommand {
    static let name = "measure"
    static let summary = "Record a measured value of an indicator (e.g. leerwerkplekken); --list shows them."
    static let usages = [
        CommandUsage("INDICATOR VALUE", options: [
            .value("on", "YYYY-MM-DD", required: true, "The day the value was counted."),
            .value("note", "TEXT", "How it was counted or what it means; shown in reports."),
            agenda,
        ], run: record),
        CommandUsage(.flag(.flag("list", "List the indicators with their baseline, target and measurements.")), "[INDICATOR]",
                     options: [agenda, .json], run: list),
    ]
    private static let agenda = CommandOption.value("agenda", "ID", "The agenda, when several loaded agendas have an indicator with this id.")

    static let explanation = """
    Records VALUE for INDICATOR, one of the indicators the agenda names (e.g. leerwerkplekken). Reports
    show each indicator as baseline → latest measurement → target, with the direction, the distance
    to the target and the measurements of the period. VALUE is a number: 18, 72,5 or 72.5 (at most
    two decimals, no thousands separators); a negative value goes after --: koers measure ID --on DATE -- -3.
    Measurements are kept, never changed: a second value for the same indicator and day corrects the
    first in reports, and both stay listed. The day (--on) is not after today.

    """

    /// The loaded agendas, or the one `--agenda` names.
    private static func agendas(_ context: CommandContext, _ workspace: Workspace) throws(UsageError) -> [Agenda] {
        guard let id = context.arguments.options["agenda"] else { return workspace.agendas }
        let agendas = workspace.agendas.filter { $0.id == id }
        if agendas.isEmpty {
            throw UsageError("--agenda \"\(id)\" is not a loaded agenda; loaded are: \(workspace.agendas.map(\.id).joined(separator: ", "))")
        }
        return agendas
    }

    static func record(_ context: CommandContext) throws -> CommandOutput {
        let workspace = try context.workspace()
        let agendas = try agendas(context, workspace)
        let id = try context.arguments.positional(0, "INDICATOR (\(known(agendas)))")
        let valueText = try context.arguments.positional(1, "VALUE (a number, e.g. 18 or 72,5)")
        try context.arguments.expectPositionals(atMost: 2)
        let (agenda, indicator) = try find(id, in: agendas)
        guard let value = DecimalInput(valueText)?.double else {
            throw UsageError("\"\(valueText)\" is not a number; expected e.g. 18, 72,5 or 72.5 (at most two decimals, no thousands separators)")
        }
        let tz = workspace.config.timeZone
        let now = try context.now(tz)
        let day = try Self.day(context, today: tz.localDate(of: now))
        let note = context.arguments.options["note"]
        let store = try context.openStore(workspace)
        let corrects = try store.measurementRecords().contains {
            $0.measurement.agenda == agenda.id && $0.measurement.indicator == indicator.id && $0.measurement.on == day
        }
        try store.recordMeasurement(IndicatorMeasurement(agenda: agenda.id, indicator: indicator.id, value: value, on: day, note: note),
                                    recordedAt: now)
        let shown = ReportWording.number(value) + (indicator.unit.map { " \($0)" } ?? "")
        return CommandOutput(stdout: "\(indicator.id): \(shown) (\(day))" + (corrects ? ", replacing the value recorded earlier for that day" : "") + "\n")
    }

    /// `--on`, required: a measurement or expense belongs to a day, and not one still to come.
    static func day(_ context: CommandContext, today: LocalDate) throws(UsageError) -> LocalDate {
        let text = try context.required("on")
        guard let day = LocalDate(text) else { throw UsageError("--on \"\(text)\" is not a date; expected YYYY-MM-DD") }
        guard day <= today else { throw UsageError("--on \(day) is in the future (today is \(today))") }
        return day
    }

    private static func known(_ agendas: [Agenda]) -> String {
        let ids = agendas.flatMap { $0.indicators.map(\.id) }
        return ids.isEmpty ? "the loaded agendas name no indicators" : ids.joined(separator: ", ")
    }

    private static func find(_ id: String, in agendas: [Agenda]) throws(UsageError) -> (Agenda, Indicator) {
        let found = agendas.compactMap { agenda in agenda.indicators.first { $0.id == id.lowercased() }.map { (agenda, $0) } }
        if found.count > 1 {
            throw UsageError("indicator \"\(id)\" is in several agendas (\(found.map(\.0.id).joined(separator: ", "))); choose one with --agenda")
        }
        guard let one = found.first else {
            let ids = agendas.flatMap { $0.indicators.map(\.id) }
            if ids.isEmpty { throw UsageError("no indicator \"\(id)\": the loaded agendas name no indicators") }
            throw UsageError("no indicator \"\(id)\"; known indicators: \(ids.joined(separator: ", "))")
        }
        return one
    }

    static func list(_ context: CommandContext) throws -> CommandOutput {
        let workspace = try context.workspace()
        let agendas = try agendas(context, workspace)
        try context.arguments.expectPositionals(atMost: 1)
        var indicators = agendas.flatMap { agenda in agenda.indicators.map { (agenda: agenda, indicator: $0) } }
        if let id = context.arguments.positionals.first {
            let (agenda, indicator) = try find(id, in: agendas)
            indicators = [(agenda, indicator)]
        }
        let list = MeasurementList(indicators, records: try context.openStore(workspace).measurementRecords())
        return CommandOutput(stdout: try context.json ? context.encode(list) : list.text(agendaPrefix: workspace.agendas.count > 1))
    }
}
