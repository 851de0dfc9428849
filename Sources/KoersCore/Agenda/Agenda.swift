/// One ontwikkelagenda, exactly as its file describes it. Immutable: progress lives in the store.
public struct Agenda: Sendable {
    public var id: String
    public var title: String
    public var subtitle: String?
    public var organisation: Organisation
    public var version: String
    public var adoptions: [Adoption]
    public var language: String
    public var timeZone: AgendaTimeZone
    public var horizon: PlanningHorizon
    public var sections: [Section]
    public var roles: [Role]
    public var themes: [Theme]
    public var milestones: [Milestone]
    public var indicators: [Indicator]

    public struct Organisation: Sendable {
        public var name: String
        public var shortName: String?
        public var description: String?
    }

    /// Who adopted this version of the agenda, and when ("Directeuren, 31 mei 2022").
    public struct Adoption: Sendable {
        public var by: String
        public var date: PlannedDate
        public var note: String?
    }

    /// The columns of the plan: the half-years the agenda covers.
    public struct PlanningHorizon: Sendable {
        public var from: HalfYear
        public var to: HalfYear
        public var halfYears: [HalfYear] { HalfYear.range(from, to) }
        public func contains(_ h: HalfYear) -> Bool { from <= h && h <= to }
    }

    /// Narrative parts of the document (introduction, the Sinek table), kept so the agenda can be
    /// shown and exported whole.
    public struct Section: Sendable {
        public var id: String
        public var title: String
        public var text: String?
        public var table: Table?
    }

    public struct Table: Sendable {
        public var columns: [String]
        public var rows: [[String]]
    }

    /// Every step with the theme and activity it belongs to, in document order.
    public var placedSteps: [PlacedStep] {
        themes.flatMap { theme in
            theme.activities.flatMap { activity in
                activity.steps.map { PlacedStep(theme: theme, activity: activity, step: $0) }
            }
        }
    }

    /// The milestones each step carries out, in the agenda's order: one pass over the milestones,
    /// for pages that show every step (looking them up per step grows with steps × milestones).
    public func milestonesByStep() -> [StepKey: [Milestone]] {
        var result: [StepKey: [Milestone]] = [:]
        for milestone in milestones {
            for key in Set(milestone.steps) { result[key, default: []].append(milestone) }
        }
        return result
    }

    public func placedStep(_ key: StepKey) -> PlacedStep? {
        for theme in themes where theme.code == key.themeCode {
            for activity in theme.activities {
                if let step = activity.steps.first(where: { $0.id == key.stepID }) {
                    return PlacedStep(theme: theme, activity: activity, step: step)
                }
            }
        }
        return nil
    }

    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
    public func theme(id: String) -> Theme? { themes.first { $0.id == id } }
}

/// A step together with its theme and activity: what views, reminders and reports talk about.
public struct PlacedStep: Sendable {
    public var theme: Theme
    public var activity: Activity
    public var step: Step

    public var key: StepKey { StepKey(themeCode: theme.code, stepID: step.id) }

    /// The step's own roles when the cell names them, otherwise its activity's.
    public var roles: [RoleDuty] { step.roles ?? activity.roles }

    /// Roles that carry the step out: they hear about it first.
    public var ownerRoles: [String] {
        let owners = roles.filter { $0.duty == .executes || $0.duty == .proposes }.map(\.role)
        return owners.isEmpty ? roles.map(\.role) : owners
    }

    /// Roles that decide: escalation goes to them.
    public var decidingRoles: [String] { activity.roles.filter { $0.duty == .decides }.map(\.role) }
}
