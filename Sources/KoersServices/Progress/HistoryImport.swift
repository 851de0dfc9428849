import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// Imports a recorded history (`koers-history/1`): a demo, or progress kept in a spreadsheet before
/// Koers. All or nothing: every event is checked first, and one transaction writes them.
public enum HistoryImport {
    static let format = "koers-history/1"

    public struct Result: Sendable {
        public var imported: Int
    }

    public static func run(file: String, set: AgendaSet, store: Store, config: Config, recordedAt: Date)
        throws(Workspace.Invalid) -> Result {
        let log = DiagnosticLog(file: file)
        guard let root = SourceFile.parse(file, log: log), let r = ObjectReader(root, path: .root, log: log, what: "a history") else {
            throw Workspace.Invalid(diagnostics: log.items)
        }
        r.expectFormat(Self.format)
        let agendaID = r.identifier("agenda", .slug)
        let entry = agendaID.flatMap { id in set.entries.first { $0.agenda.id == id } }
        if let agendaID, entry == nil {
            log.error("no loaded agenda with id \"\(agendaID)\"; " + Choices.expected(agendaID, among: set.entries.map(\.agenda.id),
                          none: "the configuration loads no agendas (its \"agendas\" is empty)"),
                      at: root["agenda"], path: JSONPath.root.appending("agenda"))
        }
        let items = r.array("events") ?? []
        r.finish()
        let tz = config.timeZone
        var planned: [(PlacedStep, StepStatus.Kind, HalfYear?, Date, String?, String?, JSONNode, JSONPath)] = []
        for item in items {
            guard let e = ObjectReader(item.node, path: item.path, log: log, what: "a status event") else { continue }
            let stepText = e.string("step")
            let kind = e.parsed("status", expected: "one of \(StepStatus.Kind.spellings)") { StepStatus.Kind(rawValue: $0) }
            let to = AgendaDecoder.halfYear(e, "to", required: false)
            let at = e.parsed("at", expected: "a day YYYY-MM-DD or an ISO 8601 moment with offset") { text in
                LocalDate(text).map { tz.moment($0, hour: 12) } ?? Timestamp.parse(text)
            }
            let by = e.string("by", required: false)
            let note = e.string("note", required: false)
            e.finish()
            guard let entry, let stepText, let kind, let at else { continue }
            guard let placed = entry.agenda.placedSteps.first(where: { $0.key.description.uppercased() == stepText.uppercased() }) else {
                log.error("no step \"\(stepText)\" in agenda \(entry.agenda.id)", at: item.node["step"], path: item.path.appending("step"))
                continue
            }
            planned.append((placed, kind, to, at, by, note, item.node, item.path))
        }
        guard !log.hasErrors, let entry else { throw Workspace.Invalid(diagnostics: log.items) }
        do {
            try store.write {
                for (placed, kind, to, at, by, note, node, path) in planned {
                    do {
                        try store.record(agenda: entry.agenda.id, step: placed, to: kind, target: to, at: at,
                                         recordedAt: recordedAt, by: by, note: note, timeZone: tz)
                    } catch let refusal as StatusTransition.Refusal {
                        log.error("\(refusal)", at: node, path: path)
                    } catch let refusal as RecordRefusal {
                        log.error("\(refusal)", at: node, path: path)
                    }
                }
                if log.hasErrors { throw Workspace.Invalid(diagnostics: log.items) }
            }
        } catch let invalid as Workspace.Invalid {
            throw invalid
        } catch {
            log.error("could not write to the database: \(error)")
            throw Workspace.Invalid(diagnostics: log.items)
        }
        return Result(imported: planned.count)
    }
}
