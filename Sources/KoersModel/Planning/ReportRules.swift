/// When the daemon mails the reports, and to whom. Directors read the half-year report at the
/// start of the next half-year; the yearly report with feedforward feeds the board's annual
/// adjustment of the agenda in November/December.
public struct ReportRules: Sendable {
    /// Whether the daemon mails reports at all. Default true.
    public var mail: Bool = true
    /// The roles whose holders receive the reports. Default the directieteam and the Co-OP'er.
    public var recipientRoles: [String] = ["directieteam", "co-oper"]
    /// The previous half-year's report goes out on this working day of January and July (1 = the
    /// first working day after weekends and quiet periods). Default 5.
    public var halfYearWorkingDay: Int = 5
    /// The yearly report goes out in this month … Default 11 (November).
    public var yearMonth: Int = 11
    /// … on this working day of it. Default 10.
    public var yearWorkingDay: Int = 10
    /// When set, the daemon writes the agenda site here after every change (`koers site`).
    public var siteFolder: String?

    public init() {}
}
