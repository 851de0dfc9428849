/// How many steps of the period ended up where: the numbers behind the progress bars.
public struct StatusCounts: Sendable, Equatable {
    public var done = 0
    public var inProgress = 0
    public var postponed = 0
    public var dropped = 0
    public var open = 0
    /// Steps from earlier periods still open as of the report's day. Not part of `planned`.
    public var overdue = 0

    public init(done: Int = 0, inProgress: Int = 0, postponed: Int = 0, dropped: Int = 0, open: Int = 0, overdue: Int = 0) {
        self.done = done
        self.inProgress = inProgress
        self.postponed = postponed
        self.dropped = dropped
        self.open = open
        self.overdue = overdue
    }

    /// Steps planned in the period: the sum of the five categories.
    public var planned: Int { done + inProgress + postponed + dropped + open }

    public subscript(category: StepCategory) -> Int {
        get {
            switch category {
            case .done: done
            case .inProgress: inProgress
            case .postponed: postponed
            case .dropped: dropped
            case .open: open
            }
        }
        set {
            switch category {
            case .done: done = newValue
            case .inProgress: inProgress = newValue
            case .postponed: postponed = newValue
            case .dropped: dropped = newValue
            case .open: open = newValue
            }
        }
    }

    /// Done as a share of the steps not dropped; nil when there are none.
    public var completion: Double? {
        let relevant = planned - dropped
        return relevant > 0 ? Double(done) / Double(relevant) : nil
    }

    /// Whole percent done of the steps not dropped, rounded down so 99.6% never shows as 100%.
    public var completionPercent: Int? {
        let relevant = planned - dropped
        return relevant > 0 ? done * 100 / relevant : nil
    }

    public static func + (a: StatusCounts, b: StatusCounts) -> StatusCounts {
        StatusCounts(done: a.done + b.done, inProgress: a.inProgress + b.inProgress, postponed: a.postponed + b.postponed,
                     dropped: a.dropped + b.dropped, open: a.open + b.open, overdue: a.overdue + b.overdue)
    }
}

/// Per theme and overall, the counts of the period.
public struct ReportSummary: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var themeID: String
        public var code: String
        public var title: String
        public var counts: StatusCounts
    }

    public var rows: [Row]
    public var total: StatusCounts { rows.reduce(StatusCounts()) { $0 + $1.counts } }
}
