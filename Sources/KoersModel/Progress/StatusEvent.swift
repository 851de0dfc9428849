import Foundation

/// One recorded change of a step's status. The history is append-only: the current status, and the
/// status at any earlier moment, are derived from it.
public struct StatusEvent: Sendable, Equatable {
    public var agenda: String
    public var step: StepKey
    public var status: StepStatus
    /// When the change took effect (may be back-dated with `--on`).
    public var at: Date
    /// When it was written down.
    public var recordedAt: Date
    /// Person id from the configuration, or a name.
    public var by: String?
    public var note: String?

    public init(agenda: String, step: StepKey, status: StepStatus, at: Date, recordedAt: Date,
                by: String? = nil, note: String? = nil) {
        self.agenda = agenda
        self.step = step
        self.status = status
        self.at = at
        self.recordedAt = recordedAt
        self.by = by
        self.note = note
    }
}

/// A step's history in time order, and what follows from it.
public struct StepHistory: Sendable {
    public var events: [StatusEvent]

    public init(events: [StatusEvent]) {
        self.events = events.sorted { $0.at < $1.at }
    }

    /// The status at `moment`: the last change at or before it, or planned.
    public func status(asOf moment: Date) -> StepStatus {
        events.last { $0.at <= moment }?.status ?? .planned
    }

    /// The half-year the step is now expected in: its column, or where it was postponed to.
    public func period(of step: Step, asOf moment: Date) -> HalfYear {
        var period = step.period
        for event in events where event.at <= moment {
            if case .postponed(let to) = event.status { period = to }
        }
        return period
    }

    /// When the step was last completed, if it is done at `moment`.
    public func doneAt(asOf moment: Date) -> Date? {
        guard status(asOf: moment) == .done else { return nil }
        return events.last { $0.at <= moment && $0.status == .done }?.at
    }
}
