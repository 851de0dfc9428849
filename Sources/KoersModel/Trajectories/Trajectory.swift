/// One person's trajectory: who (the minimum the work needs, AVG), where, since when, with whom,
/// and along which template. Held in the database, never in the configuration.
public struct Trajectory: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case starter, student

        package var subject: TrajectoryTemplate.Subject { self == .starter ? .starter : .student }
    }

    /// Why a trajectory ended: the person left the school or the profession, or completed it.
    public enum EndReason: String, Sendable, CaseIterable {
        case left, finished

        public var dutch: String { self == .left ? "vertrokken" : "afgerond" }
    }

    public struct End: Sendable, Equatable {
        public var on: LocalDate
        public var reason: EndReason

        package init(on: LocalDate, reason: Trajectory.EndReason) {
            self.on = on
            self.reason = reason
        }
    }

    /// Short and random (`t-k7m2qx`), never derived from the name; also the person's id as a
    /// recipient of reminders.
    public var id: String
    public var kind: Kind
    public var name: String
    public var email: String
    /// A school id from the configuration.
    public var school: String
    public var start: LocalDate
    /// Configuration person ids.
    public var mentor: String
    public var trainer: String
    /// A trajectory template id.
    public var template: String
    public var end: End?

    package init(
        id: String,
        kind: Trajectory.Kind,
        name: String,
        email: String,
        school: String,
        start: LocalDate,
        mentor: String,
        trainer: String,
        template: String,
        end: Trajectory.End? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.email = email
        self.school = school
        self.start = start
        self.mentor = mentor
        self.trainer = trainer
        self.template = template
        self.end = end
    }

    /// Whether it still runs on `day`: ended trajectories run through their end date.
    public func isRunning(on day: LocalDate) -> Bool { end.map { day <= $0.on } ?? true }
}
