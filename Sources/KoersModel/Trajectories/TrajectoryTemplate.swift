/// The plan every starting teacher or student on a leerwerkplek follows: conversations and checks
/// at offsets from the day the trajectory starts or on days of the school year, each with who takes
/// part and how far ahead they are reminded. Data (`koers-trajectory/1`), so a board adapts it
/// without a new Koers; a partnership's stappenplan (`koers-template/1`) is mapped onto the same shape.
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

    package init(id: String, title: String, subject: Subject, description: String? = nil, start: String,
                 duration: Offset? = nil, events: [Event]) {
        self.id = id
        self.title = title
        self.subject = subject
        self.description = description
        self.start = start
        self.duration = duration
        self.events = events
    }

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
        public var schedule: Schedule
        /// Who takes part: the person roles (`starter`, `student`, `mentor`, `schoolopleider`) or
        /// roles from the agendas (`directies`), whose holders at the person's school are reminded.
        public var roles: [String]
        public var leadTimes: [LeadTime]

        package init(
            id: String,
            title: String,
            description: String? = nil,
            label: String? = nil,
            schedule: TrajectoryTemplate.Schedule,
            roles: [String],
            leadTimes: [LeadTime]
        ) {
            self.id = id
            self.title = title
            self.description = description
            self.label = label
            self.schedule = schedule
            self.roles = roles
            self.leadTimes = leadTimes
        }
    }

    /// When an event's occurrences fall.
    public enum Schedule: Sendable, Equatable {
        /// The start plus `at`; `repeats` adds further occurrences counted from the first, with a
        /// count so a plan ends. For what belongs to the person's own progress ("week 1").
        case afterStart(at: Offset, repeats: Recurrence?)
        /// `count` of the days (one when nil), through the school years. For what belongs to the
        /// school's calendar ("elk schooljaar in januari"), whatever the start.
        case schoolYear(SchoolYearDays, count: Int?)

        /// Whether it has numbered occurrences (`lesbezoek#2`), even when the count is one.
        public var isRepeated: Bool {
            switch self {
            case .afterStart(_, let repeats): repeats != nil
            case .schoolYear(_, let count): count != nil
            }
        }
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
