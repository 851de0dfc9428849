/// The plan every starting teacher or student on a leerwerkplek follows: conversations and checks
/// at offsets from the day the trajectory starts, each with who takes part and how far ahead they
/// are reminded. Data (`koers-trajectory/1`), so a board adapts it without a new Koers; a
/// partnership's stappenplan (`koers-template/1`) is mapped onto the same shape.
public struct TrajectoryTemplate: Sendable {
    public var id: String
    public var title: String
    /// Who follows it: one person (a starter or a student), or the board itself (a stappenplan).
    public var subject: Subject
    public var description: String?
    /// What the start date means, in words ("de eerste werkdag op school").
    public var start: String
    /// How long it runs, for `show`; events may not lie beyond it.
    public var duration: Offset?
    public var events: [Event]

    public enum Subject: String, Sendable, CaseIterable {
        case starter, student, partnership

        /// "startende leraar", "student (leerwerkplek)".
        public var dutch: String {
            switch self {
            case .starter: "startende leraar"
            case .student: "student op een leerwerkplek"
            case .partnership: "partnerschap"
            }
        }
    }

    /// One conversation or check, once or repeated.
    public struct Event: Sendable {
        public var id: String
        /// Dutch, as shown in reminders ("Welkomstgesprek").
        public var title: String
        public var description: String?
        /// The source's own wording of when ("week 1", "uiterlijk week 6").
        public var label: String?
        /// When the (first) occurrence falls: the start plus this.
        public var at: Offset
        /// Further occurrences, counted from the first; a count is required so a plan ends.
        public var repeats: Recurrence?
        /// Who takes part: the person roles (`starter`, `student`, `mentor`, `schoolopleider`) or
        /// roles from the agendas (`directies`), whose holders at the person's school are reminded.
        public var roles: [String]
        public var leadTimes: [LeadTime]
    }

    /// The roles a trajectory's own people take, resolved from the trajectory rather than from
    /// the configuration.
    public enum PersonRole: String, Sendable, CaseIterable {
        case starter, student, mentor, schoolopleider
    }

    /// Reminder lead times when neither the event nor the template names any: two weeks and two
    /// working days before.
    public static let defaultLeadTimes: [LeadTime] = [.weeks(2), .workingDays(2)]

    /// The roles of its events that the configuration must provide holders for.
    public var agendaRoles: Set<String> {
        Set(events.flatMap(\.roles)).subtracting(PersonRole.allCases.map(\.rawValue))
    }
}
