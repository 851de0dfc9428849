import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// A status history for an agenda, made up from a seed: what years of recording progress with
/// `koers set` leave in the database, for the benchmarks (reports and the site over a long
/// history) and for tests. The same seed and agenda give the same events on every machine.
///
/// Each step is taken up in its half-year (or not at all, about one in twenty), mostly put in
/// progress and finished, sometimes finished at once, postponed to a later half-year (up to three
/// times, then taken up again there), dropped (and now and then put back), or reopened after it
/// was done. Every event follows the transition rules of `koers set`, and a step's events are days
/// apart, in order. Nothing happens after `through`: the history is as recorded up to that day.
///
/// For a workspace, `record` writes it through `Store.record` in one transaction, as
/// `koers history import` does; the test in `Tests/KoersCoreTests/Synthetic/` checks that every
/// event is accepted.
public struct SyntheticHistory: Sendable {
    public var seed: UInt64
    /// The last day with events, the "today" of the history.
    public var through: LocalDate

    public init(seed: UInt64 = 1, through: LocalDate) {
        self.seed = seed
        self.through = through
    }

    /// One status change, as `koers set` (or an import) would record it.
    public struct Event: Sendable, Equatable {
        public var step: StepKey
        public var kind: StepStatus.Kind
        /// The half-year a postponement moves the step to.
        public var target: HalfYear?
        public var at: Date
        public var recordedAt: Date
        /// A person id from the configuration.
        public var by: String?
        public var note: String?
    }

    /// The events for every step of `agenda`, in the order they happened (steps in document order
    /// within one moment). `people` are the ids of who records changes; the first (the Co-OP'er)
    /// records most of them.
    public func events(for agenda: Agenda, people: [String], timeZone: AgendaTimeZone) -> [Event] {
        let root = SplitMix64(seed: seed)
        var timed: [(at: Date, index: Int, event: Event)] = []
        for (index, placed) in agenda.placedSteps.enumerated() {
            var rng = root.derived(UInt64(index))
            for change in changes(of: placed.step, &rng) {
                let at = timeZone.moment(change.day, hour: rng.int(in: 8...17), minute: rng.int(in: 0...59))
                // Most changes are recorded as they happen; some a few days later, back-dated.
                let recordedAt = rng.chance(0.85) ? at : at.addingTimeInterval(Double(rng.int(in: 1...14)) * 86_400)
                let by = people.isEmpty ? nil : rng.chance(0.45) ? people[0] : rng.pick(people)
                let note = rng.chance(0.8) ? SyntheticText.sentence(&rng) : nil
                timed.append((at, index, Event(step: placed.key, kind: change.kind, target: change.target, at: at,
                                               recordedAt: recordedAt, by: by, note: note)))
            }
        }
        return timed.sorted { ($0.at, $0.index) < ($1.at, $1.index) }.map(\.event)
    }

    /// The events for every agenda of a loaded workspace: each agenda with its own seed derived
    /// from `seed`, recorded by the workspace's people (the Co-OP'er first).
    public func events(_ workspace: Workspace) -> [(agenda: Agenda, events: [Event])] {
        let config = workspace.config
        let coordinators = config.people(holding: config.reminders.coordinatorRole).map(\.id)
        let people = coordinators + config.people.map(\.id).filter { !coordinators.contains($0) }
        let root = SplitMix64(seed: seed)
        return workspace.agendas.enumerated().map { n, agenda in
            var rng = root.derived(UInt64(n))
            let history = SyntheticHistory(seed: rng.next(), through: through)
            return (agenda, history.events(for: agenda, people: people, timeZone: config.timeZone))
        }
    }

    /// Writes `events(workspace)` into `store` through `Store.record`, in one transaction, as
    /// `koers history import` does: each event is checked against the step's history and the
    /// transition rules, and one refusal writes nothing. Returns how many events were written.
    @discardableResult
    public func record(_ workspace: Workspace, into store: Store) throws -> Int {
        let timeZone = workspace.config.timeZone
        let histories = events(workspace)
        try store.write {
            for (agenda, events) in histories {
                let steps = Dictionary(agenda.placedSteps.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
                for event in events {
                    try store.record(agenda: agenda.id, step: steps[event.step]!, to: event.kind, target: event.target,
                                     at: event.at, recordedAt: event.recordedAt, by: event.by, note: event.note,
                                     timeZone: timeZone)
                }
            }
        }
        return histories.map(\.events.count).reduce(0, +)
    }

    /// One step's changes: days strictly increasing, none after `through`.
    private func changes(of step: Step, _ rng: inout SplitMix64) -> [(day: LocalDate, kind: StepStatus.Kind, target: HalfYear?)] {
        var expected = step.period
        var day = expected.firstDay.adding(days: rng.int(in: 0...75))
        guard day <= through, !rng.chance(0.05) else { return [] }
        var result: [(day: LocalDate, kind: StepStatus.Kind, target: HalfYear?)] = []
        var status = StepStatus.planned
        var postponements = 0

        /// Moves the step to a later half-year near the end of the one it is expected in.
        func postpone() -> Bool {
            guard postponements < 3 else { return false }
            let lateInPeriod = expected.lastDay.adding(days: -rng.int(in: 0...40))
            if lateInPeriod > day { day = lateInPeriod }
            let target = HalfYear(index: max(expected, day.halfYear).index + (rng.chance(0.8) ? 1 : 2))
            guard day <= through else { return true }
            result.append((day, .postponed, target))
            status = .postponed(to: target)
            expected = target
            postponements += 1
            // Work resumes in the new half-year.
            day = max(day.adding(days: 1), target.firstDay.adding(days: rng.int(in: 0...60)))
            return true
        }

        func change(_ kind: StepStatus.Kind, _ next: StepStatus, after days: ClosedRange<Int>) {
            result.append((day, kind, nil))
            status = next
            day = day.adding(days: rng.int(in: days))
        }

        while day <= through && result.count < 12 {
            switch status {
            case .planned, .postponed:
                if rng.chance(status == .planned ? 0.10 : 0.12), postpone() { continue }
                if rng.chance(0.04) { change(.dropped, .dropped, after: 30...200); continue }
                if rng.chance(0.2) { change(.done, .done, after: 30...200); continue }
                change(.inProgress, .inProgress, after: 20...150)
            case .inProgress:
                if rng.chance(0.05) { return result }             // still in progress: late, eventually
                if rng.chance(0.08), postpone() { continue }
                if rng.chance(0.03) { change(.dropped, .dropped, after: 30...200); continue }
                change(.done, .done, after: 30...200)
            case .done:
                guard rng.chance(0.04) else { return result }     // most done steps stay done
                change(.inProgress, .inProgress, after: 14...90)  // reopened
            case .dropped:
                guard rng.chance(0.25) else { return result }
                change(.planned, .planned, after: 14...90)        // put back
            }
        }
        return result
    }
}
