import Foundation
import KoersModel

/// `koers export csv`: every step of every loaded agenda, in document order, with its status as
/// of a moment: the table a Co-OP'er opens in Excel to sort, filter and share.
///
/// Columns (Dutch, as the spreadsheet's readers speak): agenda (id), waarborg (theme title),
/// activiteit (key, `LL-a`), stap (key, `LL-A1`), tekst (verbatim), halfjaar (the column in the
/// agenda), fase (PDCA: PLAN, DO, CHECK, ACT), rollen (with what each does), status, verplaatst
/// naar (the half-year it is now expected in, when postponed), laatst gewijzigd (the local day of
/// the last status change), notitie (that change's note).
public struct StepTableExport: Sendable {
    public static let header = ["agenda", "waarborg", "activiteit", "stap", "tekst", "halfjaar", "fase", "rollen",
                                "status", "verplaatst naar", "laatst gewijzigd", "notitie"]

    public var rows: [[String]]

    public init(_ set: AgendaSet, moment: Date, timeZone: AgendaTimeZone) {
        rows = set.entries.flatMap { entry in
            entry.agenda.placedSteps.map { placed in
                let history = entry.history(placed.key)
                let status = history.status(asOf: moment)
                let period = history.period(of: placed.step, asOf: moment)
                let last = history.events.last { $0.at <= moment }
                return [
                    entry.agenda.id,
                    placed.theme.title,
                    placed.activity.key.description,
                    placed.key.description,
                    placed.step.text,
                    placed.step.period.description,
                    placed.step.phase?.label ?? "",
                    ReminderText.duties(placed.roles, in: entry.agenda),
                    status.kind.dutch,
                    period != placed.step.period ? period.description : "",
                    last.map { timeZone.localDate(of: $0.at).description } ?? "",
                    last?.note ?? "",
                ]
            }
        }
    }

    /// The table, with the file's separator and byte order mark.
    public func table(separator: Unicode.Scalar = ";", byteOrderMark: Bool = true) -> CSVTable {
        CSVTable(header: Self.header, rows: rows, separator: separator, byteOrderMark: byteOrderMark)
    }
}
