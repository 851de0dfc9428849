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
}

/// The plan-do-check-act phase a step belongs to.
public enum PDCAPhase: String, Sendable, CaseIterable {
    case plan, `do`, check, act

    public var label: String { rawValue.uppercased() }
}
