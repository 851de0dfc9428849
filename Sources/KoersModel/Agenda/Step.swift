/// One cell of the plan table: a concrete step, planned in a half-year.
public struct Step: Sendable {
    public var id: String
    public var text: String
    /// The half-year column the step stands in.
    public var period: HalfYear
    public var phase: PDCAPhase?
    /// A more precise date where the document gives one ("mrt 2025").
    public var due: PlannedDate?
    /// Set when the cell itself names who does it; otherwise the activity's roles apply.
    public var roles: [RoleDuty]?
    public var note: String?

    package init(
        id: String,
        text: String,
        period: HalfYear,
        phase: PDCAPhase? = nil,
        due: PlannedDate? = nil,
        roles: [RoleDuty]? = nil,
        note: String? = nil
    ) {
        self.id = id
        self.text = text
        self.period = period
        self.phase = phase
        self.due = due
        self.roles = roles
        self.note = note
    }

    /// The last day the step can be done on time when it is expected in `period` (its own column,
    /// or the half-year it was postponed to). In its own column the step's own date governs, as the
    /// document promises it ("15 oktober 2025", or a month's last day); once postponed, the end of
    /// the half-year it moved to. Reminders, lateness, reports, the site and the calendar all use
    /// this one day.
    public func deadline(expectedIn period: HalfYear) -> LocalDate {
        period == self.period ? (due?.lastDay ?? period.lastDay) : period.lastDay
    }
}

/// The plan-do-check-act phase a step belongs to.
public enum PDCAPhase: String, Sendable, CaseIterable {
    case plan, `do`, check, act

    public var label: String { rawValue.uppercased() }
}
