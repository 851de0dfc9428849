/// A progress report on the ontwikkelagenda over one period, as of one day: the value every
/// renderer (text, Markdown, HTML, JSON), the archive and the mail start from.
///
/// Built by `ReportBuilder` from the agendas and their status histories only, so the same period and
/// as-of day give the same report, whenever it is computed. It carries no "generated at" moment.
public struct Report: Sendable, Equatable {
    /// The `format` member of the JSON rendering.
    public static let format = "koers-report/1"

    public var period: ReportPeriod
    /// The day the report speaks for: every status change up to the end of this day counts.
    public var asOf: LocalDate
    /// "Halfjaarrapportage ontwikkelagenda OOK, 2024 eerste half jaar": mail subject, archive title.
    public var title: String
    /// One section per agenda, in the configuration's order.
    public var agendas: [AgendaReport]
    /// The zelfscan rounds held in the period up to the as-of day, oldest first.
    public var scans: [ScanReport]

    public init(period: ReportPeriod, asOf: LocalDate, title: String, agendas: [AgendaReport], scans: [ScanReport] = []) {
        self.period = period
        self.asOf = asOf
        self.title = title
        self.agendas = agendas
        self.scans = scans
    }

    /// True when the as-of day is the period's last day or later: the report looks back on a whole
    /// period. False for an interim report on a period still running.
    public var isPeriodComplete: Bool { asOf >= period.lastDay }
}

/// The report for one agenda: summary, one section per theme (waarborg), milestones, indicators,
/// budget, the look ahead and, in a yearly report, the proposals for the annual review.
public struct AgendaReport: Sendable, Equatable {
    public var id: String
    public var title: String
    /// The organisation's short name, else its name.
    public var organisation: String
    public var version: String
    public var horizon: ClosedRange<HalfYear>
    public var summary: ReportSummary
    public var themes: [ThemeSection]
    /// Milestone occurrences that fall in the period.
    public var milestones: [MilestoneLine]
    public var indicators: [IndicatorLine]
    /// Planned against realised money; nil when the agenda plans no budget and nothing was spent.
    public var budget: BudgetSummary?
    public var feedforward: Feedforward
    /// "Voorstellen voor bijstelling": only in a yearly report (nil in a half-year report).
    public var proposals: [Proposal]?
}

/// One theme (waarborg) in the period.
public struct ThemeSection: Sendable, Equatable {
    public var id: String
    public var code: String
    public var title: String
    /// "Doel – waar willen we naartoe (basiskwaliteit)?", verbatim.
    public var goal: String
    /// The steps planned in the period: in its columns, or postponed into it. Document order.
    public var steps: [StepLine]
    /// Steps expected before the period that were still open at its start: those still open as of
    /// the report's day (overdue), and those completed or dropped during the period.
    public var earlier: [StepLine]
}
