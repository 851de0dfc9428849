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
    /// Person id → name, for naming the mentor and the school trainer in the mail.
    let names: [String: String]
    let roleNames: [String: String]

    init(entries: [Entry], config: Config, roleNames: [String: String] = [:]) {
        self.entries = entries
        var holders: [String: [(id: String, school: String?)]] = [:]
        for person in config.people {
            for role in Set(person.roles) { holders[role, default: []].append((person.id, person.school)) }
        }
        self.holders = holders
        self.names = Dictionary(config.people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.roleNames = roleNames
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
                let subject = entry.template.subject.dutch
                let people = people(event.roles, of: t)
                var reasons: [String: String] = [:]
                for (id, reason) in people where id != t.id { reasons[id] = reason }
                let mentor = names[t.mentor].map { "mentor \($0)" }, trainer = names[t.trainer].map { "schoolopleider \($0)" }
                let takesPart = Set(event.roles)
                let withWhom = [takesPart.contains("mentor") ? mentor : nil, takesPart.contains("schoolopleider") ? trainer : nil].compactMap { $0 }
                let addressed = people.contains { $0.id == t.id }
                    ? DatedEvent.Addressee(personID: t.id,
                                           title: "Uw \(lowercasedFirst(occurrence.title))" + (withWhom.isEmpty ? "" : " met uw \(withWhom.joined(separator: " en uw "))"),
                                           reason: "U ontvangt dit als \(subject) bij \(entry.schoolName), in het \(lowercasedFirst(entry.template.title)).")
                    : nil
                result.append(DatedEvent(
                    source: Self.source(of: t.id), id: occurrence.id,
                    title: "\(occurrence.title): \(t.name) (\(subject), \(entry.schoolName))",
                    date: occurrence.date, theme: entry.template.title,
                    personIDs: people.map(\.id), leadTimes: event.leadTimes, description: event.description,
                    participants: (["\(t.name) (\(subject))"] + [mentor, trainer].compactMap { $0 }).joined(separator: ", "),
                    reasons: reasons, addressee: addressed))
            }
        }
        return result
    }

    /// Who takes part, with why: the trajectory's own people by their part, agenda roles by their
    /// holders at the person's school (all holders when nobody there holds the role).
    private func people(_ roles: [String], of trajectory: Trajectory) -> [(id: String, reason: String)] {
        var found: [(id: String, reason: String)] = []
        func add(_ id: String, _ reason: String) { if !found.contains(where: { $0.id == id }) { found.append((id, reason)) } }
        for role in roles {
            switch TrajectoryTemplate.PersonRole(rawValue: role) {
            case .starter, .student: add(trajectory.id, "")
            case .mentor: add(trajectory.mentor, "U ontvangt dit als mentor (werkplekbegeleider) van \(trajectory.name).")
            case .schoolopleider: add(trajectory.trainer, "U ontvangt dit als schoolopleider van \(trajectory.name).")
            case nil:
                let all = holders[role] ?? []
                let here = all.filter { $0.school == trajectory.school }
                for holder in (here.isEmpty ? all : here) {
                    add(holder.id, "U ontvangt dit in de rol \(roleNames[role] ?? role)"
                        + (here.isEmpty ? "." : " op de school van \(trajectory.name)."))
                }
            }
        }
        return found.sorted { $0.id < $1.id }
    }

    private func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
