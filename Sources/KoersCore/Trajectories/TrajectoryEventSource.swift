/// The trajectories' conversations and checks as dated events, so the planner reminds them like any
/// other event: to the starter or student, the mentor, the school trainer and the holders of the
/// agenda roles an event names (those at the person's school when anyone there holds the role).
/// Occurrences recorded as done, and those after an ended trajectory's end, give none.
public struct TrajectoryEventSource: DatedEventSource {
    struct Entry: Sendable {
        var trajectory: Trajectory
        var template: TrajectoryTemplate
        var plan: TrajectoryPlan
        var schoolName: String
    }

    let entries: [Entry]
    /// Role id → (person id, school) of its holders in the configuration.
    let holders: [String: [(id: String, school: String?)]]

    init(entries: [Entry], config: Config) {
        self.entries = entries
        var holders: [String: [(id: String, school: String?)]] = [:]
        for person in config.people {
            for role in Set(person.roles) { holders[role, default: []].append((person.id, person.school)) }
        }
        self.holders = holders
    }

    /// The reminder source of a trajectory: `trajectory:t-k7m2qx`, part of every reminder key.
    public static func source(of trajectoryID: String) -> String { "trajectory:\(trajectoryID)" }

    public func events(from: LocalDate, through: LocalDate) -> [DatedEvent] {
        var result: [DatedEvent] = []
        for entry in entries {
            let events = Dictionary(entry.template.events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for occurrence in entry.plan.occurrences where from <= occurrence.date && occurrence.date <= through && occurrence.doneOn == nil {
                guard let event = events[occurrence.eventID] else { continue }
                let t = entry.trajectory
                result.append(DatedEvent(
                    source: Self.source(of: t.id), id: occurrence.id,
                    title: "\(occurrence.title): \(t.name) (\(entry.template.subject.dutch), \(entry.schoolName))",
                    date: occurrence.date, theme: entry.template.title,
                    personIDs: people(event.roles, of: t), leadTimes: event.leadTimes))
            }
        }
        return result
    }

    private func people(_ roles: [String], of trajectory: Trajectory) -> [String] {
        var ids: Set<String> = []
        for role in roles {
            switch TrajectoryTemplate.PersonRole(rawValue: role) {
            case .starter, .student: ids.insert(trajectory.id)
            case .mentor: ids.insert(trajectory.mentor)
            case .schoolopleider: ids.insert(trajectory.trainer)
            case nil:
                let all = holders[role] ?? []
                let here = all.filter { $0.school == trajectory.school }
                ids.formUnion((here.isEmpty ? all : here).map(\.id))
            }
        }
        return ids.sorted()
    }
}
