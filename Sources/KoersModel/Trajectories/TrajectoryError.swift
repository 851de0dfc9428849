/// Refusals of the trajectory commands, each saying what to do instead.
package enum TrajectoryError: Error, CustomStringConvertible {
    case unknown(String, Trajectory.Kind)
    case otherKind(String, Trajectory.Kind)
    case noTemplate(Trajectory.Kind)
    case unknownEvent(String, trajectory: String, kind: Trajectory.Kind)
    case ambiguousEvent(String, choices: [String])
    case templateMissing(String, template: String)
    case alreadyEnded(String, LocalDate?)
    case endBeforeStart(String, LocalDate)
    case doneInFuture(LocalDate)

    package var description: String {
        switch self {
        case .unknown(let id, let kind):
            "no \(kind.rawValue) trajectory \"\(id)\"; `koers \(kind.rawValue) list --all` shows them (erased ones are gone)"
        case .otherKind(let id, let kind):
            "\(id) is a \(kind.rawValue)'s trajectory; use `koers \(kind.rawValue) …`"
        case .noTemplate(let kind):
            "no trajectory template for a \(kind.rawValue) is configured; add one to \"trajectories\" in the configuration (see Agendas/trajectories/)"
        case .unknownEvent(let event, let id, let kind):
            "\(id) has no event \"\(event)\"; `koers \(kind.rawValue) show \(id)` lists its events"
        case .ambiguousEvent(let event, let choices):
            "\"\(event)\" happens \(choices.count) times; name one: \(choices.joined(separator: ", "))"
        case .templateMissing(let id, let template):
            "\(id) follows template \"\(template)\", which is no longer configured; add it back to \"trajectories\""
        case .alreadyEnded(let id, let on):
            "\(id) has already ended" + (on.map { " (on \($0))" } ?? "")
        case .endBeforeStart(let id, let start):
            "\(id) started on \(start); --on must not be before that"
        case .doneInFuture(let day):
            "\(day) has not come yet; record an event as done on or after the day it took place"
        }
    }

    /// The occurrence `event` names: an occurrence id, or an event id that happens once.
    package static func occurrence(_ event: String, in plan: TrajectoryPlan?, of t: Trajectory) throws -> TrajectoryPlan.Occurrence {
        guard let plan else { throw templateMissing(t.id, template: t.template) }
        if let exact = plan.occurrences.first(where: { $0.id == event }) { return exact }
        let all = plan.occurrences.filter { $0.eventID == event }
        if all.count == 1 { return all[0] }
        if all.isEmpty { throw unknownEvent(event, trajectory: t.id, kind: t.kind) }
        throw ambiguousEvent(event, choices: all.map(\.id))
    }
}
