/// The planning unit of an ontwikkelagenda: `2023-H1` is January–June 2023, `2023-H2` July–December.
public struct HalfYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 or 2.
    public let half: Int

    public init?(year: Int, half: Int) {
        guard (1...9999).contains(year), half == 1 || half == 2 else { return nil }
        self.year = year
        self.half = half
    }

    /// Parses `YYYY-H1` or `YYYY-H2` (the `h` may be lower case).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII),
              let y = Int(parts[0]), parts[1].count == 2,
              parts[1].first == "H" || parts[1].first == "h",
              let h = Int(parts[1].dropFirst()) else { return nil }
        self.init(year: y, half: h)
    }

    public var description: String { "\(pad(year, 4))-H\(half)" }

    public static func < (a: HalfYear, b: HalfYear) -> Bool { a.index < b.index }

    /// Consecutive half-years have consecutive indexes.
    public var index: Int { year * 2 + (half - 1) }
    public init(index: Int) { self.init(year: index / 2, half: index % 2 + 1)! }

    public var next: HalfYear { HalfYear(index: index + 1) }
    public var previous: HalfYear { HalfYear(index: index - 1) }

    public var firstMonth: YearMonth { YearMonth(year: year, month: half == 1 ? 1 : 7)! }
    public var lastMonth: YearMonth { YearMonth(year: year, month: half == 1 ? 6 : 12)! }
    public var firstDay: LocalDate { firstMonth.firstDay }
    public var lastDay: LocalDate { lastMonth.lastDay }

    public func contains(_ date: LocalDate) -> Bool { date.halfYear == self }

    /// Every half-year from `from` through `to`, both included.
    public static func range(_ from: HalfYear, _ to: HalfYear) -> [HalfYear] {
        from.index <= to.index ? (from.index...to.index).map(HalfYear.init(index:)) : []
    }

    /// The column heading the SO&P documents use: "2023 eerste half jaar".
    public var dutchLabel: String { "\(year) \(half == 1 ? "eerste" : "tweede") half jaar" }
}
