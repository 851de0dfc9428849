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

    package init(
        id: String,
        title: String,
        subtitle: String? = nil,
        organisation: Agenda.Organisation,
        version: String,
        adoptions: [Agenda.Adoption],
        language: String,
        timeZone: AgendaTimeZone,
        horizon: Agenda.PlanningHorizon,
        sections: [Agenda.Section],
        roles: [Role],
        themes: [Theme],
        milestones: [Milestone],
        indicators: [Indicator]
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.organisation = organisation
        self.version = version
        self.adoptions = adoptions
        self.language = language
        self.timeZone = timeZone
        self.horizon = horizon
        self.sections = sections
        self.roles = roles
        self.themes = themes
        self.milestones = milestones
        self.indicators = indicators
    }

    public struct Organisation: Sendable {
        public var name: String
        public var shortName: String?
        public var description: String?

        package init(name: String, shortName: String? = nil, description: String? = nil) {
            self.name = name
            self.shortName = shortName
            self.description = description
        }
    }

    /// Who adopted this version of the agenda, and when ("Directeuren, 31 mei 2022").
    public struct Adoption: Sendable {
        public var by: String
        public var date: PlannedDate
        public var note: String?

        package init(by: String, date: PlannedDate, note: String? = nil) {
            self.by = by
            self.date = date
            self.note = note
        }
    }

    /// The columns of the plan: the half-years the agenda covers.
    public struct PlanningHorizon: Sendable {
        public var from: HalfYear
        public var to: HalfYear

        package init(from: HalfYear, to: HalfYear) {
            self.from = from
            self.to = to
        }
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

        package init(id: String, title: String, text: String? = nil, table: Agenda.Table? = nil) {
            self.id = id
            self.title = title
            self.text = text
            self.table = table
        }
    }

    public struct Table: Sendable {
        public var columns: [String]
        public var rows: [[String]]

        package init(columns: [String], rows: [[String]]) {
            self.columns = columns
            self.rows = rows
        }
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

    package init(theme: Theme, activity: Activity, step: Step) {
        self.theme = theme
        self.activity = activity
        self.step = step
    }

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
