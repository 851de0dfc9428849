/// A dated commitment on top of the steps: the zelfscan, joining a partnership, the yearly report.
public struct Milestone: Sendable {
    public var id: String
    public var title: String
    public var description: String?
    /// The first (or only) occurrence.
    public var when: PlannedDate
    public var recurrence: Recurrence?
    public var roles: [RoleDuty]
    public var steps: [StepKey]
    public var activities: [ActivityKey]
    public var source: String?

    package init(
        id: String,
        title: String,
        description: String? = nil,
        when: PlannedDate,
        recurrence: Recurrence? = nil,
        roles: [RoleDuty],
        steps: [StepKey],
        activities: [ActivityKey],
        source: String? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.when = when
        self.recurrence = recurrence
        self.roles = roles
        self.steps = steps
        self.activities = activities
        self.source = source
    }

    /// Occurrences up to `limit`; a one-off milestone has one.
    public func occurrences(through limit: LocalDate) -> [PlannedDate] {
        guard let recurrence else { return when.firstDay <= limit ? [when] : [] }
        return recurrence.occurrences(from: when, through: limit)
    }
}
