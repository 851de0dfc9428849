import Foundation
import KoersModel

/// Reading and appending status events. Appending checks the transition against the history in the
/// same transaction, so two writers can never record conflicting changes.
extension Store {
    /// All events of one agenda, grouped per step.
    public func histories(agenda: String) throws -> [StepKey: StepHistory] {
        var grouped: [StepKey: [StatusEvent]] = [:]
        for event in try events(agenda: agenda, step: nil) { grouped[event.step, default: []].append(event) }
        return grouped.mapValues(StepHistory.init)
    }

    public func history(agenda: String, step: StepKey) throws -> StepHistory {
        StepHistory(events: try events(agenda: agenda, step: step))
    }

    /// Step keys that have history in the database, for finding history whose step disappeared.
    public func stepsWithHistory(agenda: String) throws -> Set<StepKey> {
        var keys: Set<StepKey> = []
        for row in try database.rows("SELECT DISTINCT step FROM status_event WHERE agenda = ?", [.text(agenda)]) {
            if let text = row.text(0), let key = StepKey(text) { keys.insert(key) }
        }
        return keys
    }

    /// Agenda ids that have history, for history of an agenda that is no longer loaded.
    public func agendasWithHistory() throws -> [String] {
        try database.rows("SELECT DISTINCT agenda FROM status_event ORDER BY agenda").compactMap { $0.text(0) }
    }

    /// Records a change after checking it against the step's history as of the change's moment.
    /// Back-dated changes must not come before the step's last recorded change.
    @discardableResult
    public func record(agenda: String, step placed: PlacedStep, to kind: StepStatus.Kind, target: HalfYear?,
                       at moment: Date, recordedAt: Date, by: String?, note: String?,
                       timeZone: AgendaTimeZone) throws -> StatusEvent {
        try write {
            let history = try self.history(agenda: agenda, step: placed.key)
            if let last = history.events.last, last.at > moment {
                throw RecordRefusal.beforeLastChange(placed.key, last: last.at, timeZone: timeZone)
            }
            let current = history.status(asOf: moment)
            let period = history.period(of: placed.step, asOf: moment)
            let status = try StatusTransition.check(placed.key, from: current, to: kind, target: target,
                                                    period: period, now: timeZone.localDate(of: moment).halfYear)
            let event = StatusEvent(agenda: agenda, step: placed.key, status: status, at: moment,
                                    recordedAt: recordedAt, by: by, note: note)
            try append(event)
            return event
        }
    }

    private func append(_ event: StatusEvent) throws {
        var target: SQLiteValue = .null
        if case .postponed(let to) = event.status { target = .text(to.description) }
        try database.run("""
            INSERT INTO status_event (agenda, step, status, postponed_to, at, recorded_at, recorded_by, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(event.agenda), .text(event.step.description), .text(event.status.kind.rawValue), target,
                  .text(Timestamp.format(event.at)), .text(Timestamp.format(event.recordedAt)),
                  event.by.map(SQLiteValue.text) ?? .null, event.note.map(SQLiteValue.text) ?? .null])
    }

    private func events(agenda: String, step: StepKey?) throws -> [StatusEvent] {
        var sql = "SELECT step, status, postponed_to, at, recorded_at, recorded_by, note FROM status_event WHERE agenda = ?"
        var values: [SQLiteValue] = [.text(agenda)]
        if let step {
            sql += " AND step = ?"
            values.append(.text(step.description))
        }
        sql += " ORDER BY at, id"
        return try database.rows(sql, values).map { row in
            guard let key = row.text(0).flatMap(StepKey.init), let kind = row.text(1).flatMap(StepStatus.Kind.init(rawValue:)),
                  let at = row.text(3).flatMap(Timestamp.parse), let recordedAt = row.text(4).flatMap(Timestamp.parse)
            else { throw StoreError.corrupt(detail: "unreadable row in status_event") }
            let status: StepStatus
            switch kind {
            case .planned: status = .planned
            case .inProgress: status = .inProgress
            case .done: status = .done
            case .dropped: status = .dropped
            case .postponed:
                guard let to = row.text(2).flatMap(HalfYear.init) else {
                    throw StoreError.corrupt(detail: "postponed event without a half-year in status_event")
                }
                status = .postponed(to: to)
            }
            return StatusEvent(agenda: agenda, step: key, status: status, at: at, recordedAt: recordedAt,
                               by: row.text(5), note: row.text(6))
        }
    }
}

/// Why a status change cannot be recorded, apart from the transition rules.
public enum RecordRefusal: Error, CustomStringConvertible {
    case beforeLastChange(StepKey, last: Date, timeZone: AgendaTimeZone)

    public var description: String {
        switch self {
        case .beforeLastChange(let key, let last, let tz):
            return "\(key) already has a change recorded on \(tz.localDate(of: last)); a change cannot be dated before it (use a later --on date)"
        }
    }
}
