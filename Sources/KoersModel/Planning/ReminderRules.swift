/// Who is reminded of what, and when. The defaults below are what Koers does when the
/// configuration says nothing; the configuration file sets any of them.
public struct ReminderRules: Sendable {
    /// Local time (in the agenda's time zone) at which reminders go out. Default 08:00.
    public var sendTime: (hour: Int, minute: Int) = (8, 0)

    /// Milestones: reminders this long before each occurrence's first day, to the holders of the
    /// milestone's roles and the coordinator. Default 8 weeks, 2 weeks and 2 working days before.
    public var milestoneLeadTimes: [LeadTime] = [.weeks(8), .weeks(2), .workingDays(2)]

    /// Steps: owners hear what is theirs on this working day of each half-year (1 = the first
    /// working day of January or July, after weekends and quiet periods). Default 1.
    public var halfYearStartDay: Int = 1

    /// Steps: this long before a step's deadline (its own date, else the end of the half-year it is
    /// expected in: `Step.deadline`), owners of still-open steps are reminded. Default 4 weeks.
    public var halfYearEndLead: LeadTime = .weeks(4)

    /// Escalation: this long after the deadline, a still-open step goes to the coordinator.
    /// Default 1 week.
    public var escalateToCoordinatorAfter: LeadTime = .weeks(1)

    /// Escalation: this long after the deadline, a still-open step goes to the roles that decide on
    /// its activity (the directieteam), or to the coordinator when it has none. Default 6 weeks.
    public var escalateToDecidersAfter: LeadTime = .weeks(6)

    /// Escalation: after the deciders were told, they are told again this often; nil: never.
    /// Default every 4 weeks.
    public var repeatEvery: LeadTime? = .weeks(4)

    /// Escalation stops after this many escalation reminders per step in all (the coordinator's
    /// included). Default 3: coordinator, deciders, deciders once more.
    public var maxReminders: Int = 3

    /// The role whose holders coordinate (the Co-OP'er): told of every milestone and of the first
    /// escalation. Default `co-oper`.
    public var coordinatorRole: String = "co-oper"

    /// The defaults above.
    public init() {}
}
