/// A theme of the agenda. For SO&P these are the four waarborgen; other agendas use domains or
/// workgroups, which is why themes are data and not an enum.
public struct Theme: Sendable {
    public var id: String
    /// Short upper-case code that prefixes step keys (`LL` in `LL-A1`).
    public var code: String
    public var title: String
    public var description: String
    /// "Waar staan we nu?"
    public var currentState: String
    /// "Waar willen we naartoe (basiskwaliteit)?"
    public var goal: String
    public var activitiesSource: String?
    public var activities: [Activity]

    package init(
        id: String,
        code: String,
        title: String,
        description: String,
        currentState: String,
        goal: String,
        activitiesSource: String? = nil,
        activities: [Activity]
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.description = description
        self.currentState = currentState
        self.goal = goal
        self.activitiesSource = activitiesSource
        self.activities = activities
    }
}
