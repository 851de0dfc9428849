import Foundation

/// `koers milestones`: the "Mijlpalen" the document leaves empty, derived from its dated commitments
/// and recurrences, each with the steps that carry it out.
public struct MilestoneView: Encodable, Sendable {
    public var from: String
    public var to: String
    public var occurrences: [Occurrence]

    public struct Occurrence: Encodable, Sendable {
        public var agenda: String
        public var milestone: String
        public var title: String
        public var when: String
        public var roles: [StepSummary.RoleSummary]
        public var steps: [StepSummary]
        public var passed: Bool
    }

    public init(_ set: AgendaSet, from: LocalDate, to: LocalDate, moment: Date, timeZone: AgendaTimeZone) {
        let today = timeZone.localDate(of: moment)
        self.from = from.description
        self.to = to.description
        var list: [(LocalDate, Occurrence)] = []
        for entry in set.entries {
            for milestone in entry.agenda.milestones {
                let all = milestone.occurrences(through: max(to, milestone.when.lastDay).adding(months: 36))
                let steps = Self.assign(milestone.steps, of: entry, to: all, moment: moment, today: today)
                for (index, when) in all.enumerated() where when.lastDay >= from && when.firstDay <= to {
                    list.append((when.firstDay, Occurrence(
                        agenda: entry.agenda.id, milestone: milestone.id, title: milestone.title, when: when.description,
                        roles: milestone.roles.map { .init(role: $0.role, does: $0.duty.rawValue) },
                        steps: steps[index] ?? [], passed: when.lastDay < today)))
                }
            }
        }
        occurrences = list.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Gives each linked step to the occurrence it carries out: the one its (postponed) half-year or
    /// date overlaps, else the nearest. A step of the 2024 scan does not show under the 2026 scan.
    package static func assign(_ keys: [StepKey], of entry: AgendaSet.Entry, to occurrences: [PlannedDate],
                       moment: Date, today: LocalDate) -> [Int: [StepSummary]] {
        var result: [Int: [StepSummary]] = [:]
        guard !occurrences.isEmpty else { return result }
        for key in keys {
            guard let placed = entry.agenda.placedStep(key) else { continue }
            let history = entry.history(key)
            let expected = history.period(of: placed.step, asOf: moment)
            let date = expected != placed.step.period ? PlannedDate.halfYear(expected) : (placed.step.due ?? .halfYear(expected))
            func distance(_ o: PlannedDate) -> Int {
                if o.firstDay <= date.lastDay && date.firstDay <= o.lastDay { return 0 }
                return min(abs(o.firstDay.dayNumber - date.lastDay.dayNumber), abs(date.firstDay.dayNumber - o.lastDay.dayNumber))
            }
            let best = occurrences.indices.min { distance(occurrences[$0]) < distance(occurrences[$1]) }!
            result[best, default: []].append(StepSummary(agenda: entry.agenda.id, placed: placed, history: history,
                                                         moment: moment, today: today))
        }
        return result
    }
}
