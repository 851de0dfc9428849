/// Planned against realised money for one agenda in a report, as of the report's day: per theme
/// (waarborg), per source of the money (a regional subsidy plan is accounted for as one), in
/// total, and the entries of the period.
public struct BudgetSummary: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The theme's title or the source's name.
        public var title: String
        /// The theme's code; nil for a source, or for spending on activities no longer in the agenda.
        public var code: String?
        /// Nil when no activity of the row has a budget.
        public var planned: Money?
        /// Everything recorded up to the report's day.
        public var spent: Money
        /// The part of `spent` recorded in the period.
        public var spentInPeriod: Money

        /// Planned minus spent; negative when overspent, nil without a plan.
        public var remaining: Money? { planned.map { $0 - spent } }

        mutating func add(_ budget: Budget?) {
            if let budget { planned = (planned ?? .zero) + budget.amount }
        }
    }

    /// One spending entry of the period.
    public struct Entry: Sendable, Equatable {
        public var spending: Spending
        /// The activity's text, nil when the activity is no longer in the agenda.
        public var activityText: String?
    }

    /// Every theme in document order; a row "Niet in de agenda" last when spending names an
    /// activity the agenda no longer has.
    public var themes: [Row]
    public var total: Row
    /// Per source in order of first mention, activities without a source last; empty when no
    /// budget names a source.
    public var sources: [Row]
    /// The period's entries by day, then in the order recorded.
    public var entries: [Entry]

    static let unknownActivity = "Niet in de agenda"
    static let noSource = "Geen bron opgegeven"

    /// Nil when the agenda plans no budget and nothing was spent up to `asOf`: the report then has
    /// no budget section.
    public init?(agenda: Agenda, spending: [Spending], period: ReportPeriod, asOf: LocalDate) {
        let counted = spending.filter { $0.agenda == agenda.id && $0.on <= asOf }
        let activities = agenda.themes.flatMap { theme in theme.activities.map { (theme: theme, activity: $0) } }
        guard !counted.isEmpty || activities.contains(where: { $0.activity.budget != nil }) else { return nil }

        func empty(_ title: String, _ code: String?) -> Row { Row(title: title, code: code, planned: nil, spent: .zero, spentInPeriod: .zero) }
        var themes = agenda.themes.map { empty($0.title, $0.code) }
        var total = empty("Totaal", nil)
        var sourceNames: [String?] = []
        var sources: [String?: Row] = [:]
        for (theme, activity) in activities {
            let index = agenda.themes.firstIndex { $0.id == theme.id }!
            themes[index].add(activity.budget)
            total.add(activity.budget)
            let source = activity.budget?.source
            if let budget = activity.budget {
                if sources[source] == nil { sourceNames.append(source) }
                sources[source, default: empty(source ?? Self.noSource, nil)].add(budget)
            }
        }
        var unknown: Row?
        for s in counted {
            let inPeriod = s.on >= period.firstDay
            func count(_ row: inout Row) {
                row.spent += s.amount
                if inPeriod { row.spentInPeriod += s.amount }
            }
            count(&total)
            let found = agenda.activity(s.activity)
            if let found {
                count(&themes[agenda.themes.firstIndex { $0.id == found.theme.id }!])
            } else {
                var row = unknown ?? empty(Self.unknownActivity, nil)
                count(&row)
                unknown = row
            }
            let source = found?.activity.budget?.source
            if sources[source] == nil { sourceNames.append(source) }
            count(&sources[source, default: empty(source ?? Self.noSource, nil)])
        }
        if let unknown { themes.append(unknown) }
        self.themes = themes
        self.total = total
        let named = sourceNames.contains { $0 != nil }
        self.sources = named ? (sourceNames.filter { $0 != nil } + sourceNames.filter { $0 == nil }).compactMap { sources[$0] } : []
        entries = counted.filter { $0.on >= period.firstDay }.enumerated()
            .sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }
            .map { Entry(spending: $0.element, activityText: agenda.activity($0.element.activity)?.activity.text) }
    }
}
