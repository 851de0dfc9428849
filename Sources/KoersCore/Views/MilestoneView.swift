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
                for when in milestone.occurrences(through: to) where when.lastDay >= from {
                    let steps = milestone.steps.compactMap { key in
                        entry.agenda.placedStep(key).map {
                            StepSummary(agenda: entry.agenda.id, placed: $0, history: entry.history(key), moment: moment, today: today)
                        }
                    }
                    list.append((when.firstDay, Occurrence(
                        agenda: entry.agenda.id, milestone: milestone.id, title: milestone.title, when: when.description,
                        roles: milestone.roles.map { .init(role: $0.role, does: $0.duty.rawValue) },
                        steps: steps, passed: when.lastDay < today)))
                }
            }
        }
        occurrences = list.sorted { $0.0 < $1.0 }.map(\.1)
    }

    public func text() -> String {
        var out = ["Mijlpalen \(LocalDate(from).map { PlannedDate.day($0).dutch } ?? from) – \(LocalDate(to).map { PlannedDate.day($0).dutch } ?? to)", ""]
        if occurrences.isEmpty { out.append("Geen mijlpalen in deze periode.") }
        for o in occurrences {
            let when = PlannedDate(o.when)?.dutch ?? o.when
            let head = "\(o.passed ? "✓" : "◆") \(TextLayout.pad(when, 18)) "
            out.append(head + TextLayout.wrap(o.title, indent: String(repeating: " ", count: head.count), firstIndent: head.count))
            for s in o.steps {
                out.append(TextLayout.wrap("      \(s.mark) \(s.key) \(s.text)", indent: "               "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
