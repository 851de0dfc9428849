import Foundation
import KoersModel

/// `koers spend --list`: activities with their budget, every spending entry, and what is left.
public struct SpendingList: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var agenda: String
        public var activity: String
        public var text: String
        /// Amounts in euros; `planned` and `remaining` nil without a budget.
        public var planned: Double?
        public var plannedHours: Double?
        public var source: String?
        public var spent: Double
        public var remaining: Double?
        public var entries: [Line]
        /// For the text only.
        var budget: Budget?

        private enum CodingKeys: String, CodingKey {
            case agenda, activity, text, planned, plannedHours, source, spent, remaining, entries
        }
    }

    public struct Line: Encodable, Sendable {
        public var on: String
        public var amount: Double
        public var hours: Double?
        public var note: String?
        public var recordedAt: String
        /// For the text only.
        var spending: Spending

        private enum CodingKeys: String, CodingKey {
            case on, amount, hours, note, recordedAt
        }
    }

    public var activities: [Item]

    package init(_ activities: [(agenda: Agenda, activity: Activity)], records: [RecordedSpending]) {
        self.activities = activities.map { agenda, activity in
            let mine = records.filter { $0.spending.agenda == agenda.id && $0.spending.activity == activity.key }
            let spent = mine.reduce(Money.zero) { $0 + $1.spending.amount }
            return Item(agenda: agenda.id, activity: activity.key.description, text: activity.text,
                        planned: activity.budget?.amount.euros, plannedHours: activity.budget?.hours, source: activity.budget?.source,
                        spent: spent.euros, remaining: activity.budget.map { ($0.amount - spent).euros },
                        entries: mine.map {
                            Line(on: $0.spending.on.description, amount: $0.spending.amount.euros, hours: $0.spending.hours,
                                 note: $0.spending.note, recordedAt: Timestamp.format($0.recordedAt), spending: $0.spending)
                        },
                        budget: activity.budget)
        }
    }

    /// With `agendaPrefix`, activity keys are shown as `agenda:key` (several agendas loaded).
    public func text(agendaPrefix: Bool) -> String {
        var out: [String] = []
        for (n, item) in activities.enumerated() {
            if n > 0 { out.append("") }
            let key = (agendaPrefix ? "\(item.agenda):" : "") + item.activity
            let head = key + "  "
            out.append(head + TextLayout.wrap(item.text.replacingOccurrences(of: "\n\n", with: " "), indent: "      ", firstIndent: head.count))
            out.append(TextLayout.labelled("  begroot:", item.budget.map(BudgetWording.plan) ?? "geen begroting", column: 14))
            for line in item.entries {
                let s = line.spending
                out.append(TextLayout.labelled("  \(line.on)", BudgetWording.amount(s) + (s.note.map { ". \($0)" } ?? ""), column: 14))
            }
            let spent = Money(cents: item.entries.reduce(0) { $0 + $1.spending.amount.cents })
            var total = "\(spent.dutch)"
            if let budget = item.budget { total += "; resterend \((budget.amount - spent).dutch)" }
            out.append(TextLayout.labelled("  besteed:", total, column: 14))
        }
        if activities.isEmpty { out.append("Geen begrote activiteiten en nog geen uitgaven.") }
        return out.joined(separator: "\n") + "\n"
    }
}
