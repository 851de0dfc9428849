import Foundation
import KoersModel

/// What the daemon remembers between turns and restarts, in `daemon_state`, so a crash or a
/// restart carries on where it left off.
extension Store {
    /// Every reminder planned for this day or earlier was queued or recorded as stale, except those
    /// waiting for the sending time (`catchUpAt`); the next turn plans from this day on.
    public func plannedThrough() throws -> LocalDate? { try daemonValue("planned-through").flatMap { LocalDate($0) } }
    public func setPlannedThrough(_ day: LocalDate) throws { try setDaemonValue("planned-through", day.description) }

    /// The agendas whose past the daemon has dealt with: an agenda not among them is new (the first
    /// start, or one added to the configuration), and gets the start's treatment once. Nil before
    /// the first start.
    public func handledAgendas() throws -> Set<String>? {
        try daemonValue("agendas").map { Set($0.split(separator: ",").map(String.init)) }
    }
    public func setHandledAgendas(_ ids: Set<String>) throws { try setDaemonValue("agendas", ids.sorted().joined(separator: ",")) }

    /// Reminders missed while Koers was not running wait for the next sending time; this is when.
    public func catchUpAt() throws -> Date? { try daemonValue("catch-up-at").flatMap(Timestamp.parse) }
    public func setCatchUpAt(_ moment: Date?) throws { try setDaemonValue("catch-up-at", moment.map(Timestamp.format) ?? "") }

    /// An overview the Co-OP'er is owed at the next sending time, and why; kept here until it is
    /// queued, so a crash in between does not lose it and a restart does not owe it twice.
    public func overviewDue() throws -> OverviewReason? { try daemonValue("overview-due").flatMap(OverviewReason.init) }
    public func setOverviewDue(_ reason: OverviewReason?) throws { try setDaemonValue("overview-due", reason?.description ?? "") }

    /// Whether the person was sent a digest (or an overview) since `moment`: one such mail a day.
    public func hasDigest(for person: String, queuedSince moment: Date) throws -> Bool {
        try database.scalarInt("SELECT 1 FROM outbox WHERE person = ? AND created_at >= ? AND (key LIKE 'digest|%' OR key LIKE 'overview|%') LIMIT 1",
                               [.text(person), .text(Timestamp.format(moment))]) != nil
    }
}

/// Why the Co-OP'er gets an overview: Koers started on agendas it had never seen, or it did not run
/// for more than a day.
public enum OverviewReason: Sendable, Equatable, CustomStringConvertible {
    case start(agendas: [String])
    case downtime(since: Date)

    public init?(_ text: String) {
        let parts = text.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "start": self = .start(agendas: parts[1].split(separator: ",").map(String.init))
        case "downtime": guard let since = Timestamp.parse(parts[1]) else { return nil }; self = .downtime(since: since)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .start(let agendas): "start|" + agendas.joined(separator: ",")
        case .downtime(let since): "downtime|" + Timestamp.format(since)
        }
    }
}
