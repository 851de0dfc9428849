/// What a report covers: one half-year (`2024-H1`) or one calendar year (`2024`, both halves).
public enum ReportPeriod: Hashable, Sendable, CustomStringConvertible {
    case halfYear(HalfYear)
    case year(Int)

    /// The kind as the command line and the report archive spell it: `halfyear`, `year`.
    public enum Kind: String, Sendable, CaseIterable {
        case halfYear = "halfyear", year
    }

    /// Parses `2024-H1` for a half-year, `2024` for a year.
    public init?(kind: Kind, _ text: String) {
        switch kind {
        case .halfYear:
            guard let h = HalfYear(text) else { return nil }
            self = .halfYear(h)
        case .year:
            guard text.count == 4, text.allSatisfy(\.isASCII), let y = Int(text), HalfYear(year: y, half: 1) != nil,
                  y < 9999 else { return nil }
            self = .year(y)
        }
    }

    public var kind: Kind {
        switch self {
        case .halfYear: .halfYear
        case .year: .year
        }
    }

    /// The half-years covered, in order.
    public var halfYears: [HalfYear] {
        switch self {
        case .halfYear(let h): [h]
        case .year(let y): [HalfYear(year: y, half: 1)!, HalfYear(year: y, half: 2)!]
        }
    }

    public var first: HalfYear { halfYears.first! }
    public var last: HalfYear { halfYears.last! }
    public var firstDay: LocalDate { first.firstDay }
    public var lastDay: LocalDate { last.lastDay }

    /// The period of the same kind that follows: the next half-year, or the next year.
    public var next: ReportPeriod {
        switch self {
        case .halfYear(let h): .halfYear(h.next)
        case .year(let y): .year(y + 1)
        }
    }

    public var previous: ReportPeriod {
        switch self {
        case .halfYear(let h): .halfYear(h.previous)
        case .year(let y): .year(y - 1)
        }
    }

    public func contains(_ h: HalfYear) -> Bool { first <= h && h <= last }
    public func contains(_ date: LocalDate) -> Bool { firstDay <= date && date <= lastDay }

    /// `2024-H1` or `2024`: the key under which a report is archived.
    public var description: String {
        switch self {
        case .halfYear(let h): h.description
        case .year(let y): pad(y, 4)
        }
    }

    /// "2024 eerste half jaar" or "kalenderjaar 2024".
    public var dutch: String {
        switch self {
        case .halfYear(let h): h.dutchLabel
        case .year(let y): "kalenderjaar \(pad(y, 4))"
        }
    }

    /// The as-of day when none is asked for: the period's last day, or `today` while the period is
    /// still running. Nil when the period has not begun on `today`.
    public func defaultAsOf(today: LocalDate) -> LocalDate? {
        guard today >= firstDay else { return nil }
        return min(today, lastDay)
    }
}
