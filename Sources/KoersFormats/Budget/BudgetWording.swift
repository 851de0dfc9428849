import KoersModel

/// The Dutch phrases of the budget section, the same in every report format.
package enum BudgetWording {
    static let heading = "Budget"
    /// Column headings in text; `titles` in tables of Markdown and HTML.
    static let columns = ["begroot", "besteed", "resterend", "in periode"]
    static let titles = ["Begroot", "Besteed", "Resterend", "In periode"]

    static func planned(_ row: BudgetSummary.Row) -> String { row.planned?.dutch ?? "–" }
    static func remaining(_ row: BudgetSummary.Row) -> String { row.remaining?.dutch ?? "–" }

    /// The four amounts of a row, in the order of `columns`.
    static func amounts(_ row: BudgetSummary.Row) -> [String] {
        [planned(row), row.spent.dutch, remaining(row), row.spentInPeriod.dutch]
    }

    static func note(_ period: ReportPeriod) -> String {
        "Begroot volgens de agenda; besteed = vastgelegd tot en met de standdatum; resterend = begroot min besteed "
            + "(negatief: overschreden); in periode = het deel van het bestede in \(period.dutch)."
    }

    static let sourcesHeading = "Per bron"
    static let entriesHeading = "Uitgaven in deze periode"
    static let noEntries = "Geen uitgaven in deze periode."

    /// "€ 2.200,00 (40 uur à € 55,00), bron: regionale subsidie"
    static func plan(_ b: Budget) -> String {
        var text = b.amount.dutch
        if case .hours(_, let rate) = b.plan, let h = b.hours { text += " (\(hours(h)) à \(rate.dutch))" }
        if let source = b.source { text += ", bron: \(source)" }
        return text
    }

    /// "6 uur", "2,5 uur"
    package static func hours(_ h: Double) -> String { "\(ReportWording.number(h)) uur" }

    /// "€ 450,00 (6 uur)"
    static func amount(_ s: Spending) -> String {
        s.amount.dutch + (s.hours.map { " (\(hours($0)))" } ?? "")
    }

    /// "LL-a: € 450,00 (6 uur). Inhuur trainer"
    static func entry(_ e: BudgetSummary.Entry) -> String {
        "\(e.spending.activity): " + amount(e.spending) + (e.spending.note.map { ". \($0)" } ?? "")
    }
}
