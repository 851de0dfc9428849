/// A template laid out from one trajectory's start: every occurrence of every event with its date,
/// and which ones took place. The same computation serves reminders, `show` and the outcomes.
public struct TrajectoryPlan: Sendable {
    public struct Occurrence: Sendable, Equatable {
        /// `welkomstgesprek`, or `lesbezoek#3` for the third of a repeated event: what `done` takes.
        public var id: String
        public var eventID: String
        public var title: String
        public var date: LocalDate
        /// The day it was recorded as done, if it was.
        public var doneOn: LocalDate?
    }

    public var occurrences: [Occurrence]

    /// Occurrences from the start on, sorted by date; those after an ended trajectory's end are
    /// left out: they will not happen.
    public init(_ trajectory: Trajectory, template: TrajectoryTemplate, done: [String: LocalDate]) {
        var list: [Occurrence] = []
        for event in template.events {
            let dates = Self.dates(of: event, from: trajectory.start)
            for (n, date) in dates.enumerated() {
                if let end = trajectory.end, date > end.on { continue }
                let id = event.schedule.isRepeated ? "\(event.id)#\(n + 1)" : event.id
                list.append(Occurrence(id: id, eventID: event.id, title: event.title, date: date, doneOn: done[id]))
            }
        }
        occurrences = list.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// The dates of an event's occurrences for a trajectory starting on `start`. An occurrence keeps
    /// its number (`#2`) when a revised template moves its date, so what `done` recorded still counts.
    package static func dates(of event: TrajectoryTemplate.Event, from start: LocalDate) -> [LocalDate] {
        switch event.schedule {
        case .afterStart(let at, let repeats):
            let first = at.applied(to: start)
            guard let repeats else { return [first] }
            return repeats.occurrences(from: .day(first), through: first.adding(months: 12 * 50)).map(\.firstDay)
        case .schoolYear(let days, let count):
            return days.dates(from: start, count: count ?? 1)
        }
    }

    /// Occurrences whose day has passed (before `today`) and that were not recorded as done.
    public func missed(before today: LocalDate) -> [Occurrence] {
        occurrences.filter { $0.date < today && $0.doneOn == nil }
    }

    /// Occurrences whose day has passed: what should have taken place by now.
    public func due(before today: LocalDate) -> [Occurrence] { occurrences.filter { $0.date < today } }
}
