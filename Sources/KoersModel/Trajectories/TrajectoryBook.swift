/// The trajectories as they stand, read once per planning turn, with their templates: the events
/// they give the planner and the people they add to those who can receive mail.
public struct TrajectoryBook: Sendable {
    public let trajectories: [Trajectory]
    let templates: [String: TrajectoryTemplate]
    let done: [String: [String: LocalDate]]
    let config: Config
    /// The names the agendas give the roles trajectory events name (`directies`).
    let roleNames: [String: String]

    package init(trajectories: [Trajectory], done: [String: [String: LocalDate]], templates: [TrajectoryTemplate],
                 config: Config, agendas: [Agenda]) {
        self.trajectories = trajectories
        self.templates = Dictionary(templates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.done = done
        self.config = config
        var names: [String: String] = [:]
        for role in agendas.flatMap(\.roles) where names[role.id] == nil { names[role.id] = role.name }
        self.roleNames = names
    }

    public func template(of trajectory: Trajectory) -> TrajectoryTemplate? { templates[trajectory.template] }

    /// The trajectory's events laid out from its start; nil when its template is no longer configured.
    public func plan(of trajectory: Trajectory) -> TrajectoryPlan? {
        template(of: trajectory).map { TrajectoryPlan(trajectory, template: $0, done: done[trajectory.id] ?? [:]) }
    }

    /// What the planner asks for dated events.
    public var eventSource: TrajectoryEventSource {
        TrajectoryEventSource(entries: trajectories.compactMap { t in
            guard let template = template(of: t), let plan = plan(of: t) else { return nil }
            return .init(trajectory: t, template: template, plan: plan,
                         schoolName: config.schools.first { $0.id == t.school }?.name ?? t.school)
        }, config: config, roleNames: roleNames)
    }

    /// Who a reminder's person id stands for: someone in the configuration, else the starter or
    /// student of a trajectory (the id of the trajectory).
    public func recipient(_ id: String) -> Person? {
        if let person = config.person(id) { return person }
        return trajectories.first { $0.id == id }.map {
            Person(id: $0.id, name: $0.name, email: $0.email, school: $0.school, roles: [])
        }
    }
}
