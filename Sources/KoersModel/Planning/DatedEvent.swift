/// Something dated that people must hear about beforehand, from outside the agenda: an induction
/// conversation of a trajectory, a lesson visit. Sources produce these; the planner turns each into
/// `eventAhead` reminders at its lead times, like a milestone.
public struct DatedEvent: Sendable, Hashable {
    /// Where it comes from, e.g. `trajectory:start-2024-sanne`. Together with `id` it names the
    /// event in reminder keys, so both must stay the same across runs for the same event.
    public var source: String
    public var id: String
    /// Dutch, shown in the mail as written.
    public var title: String
    public var date: LocalDate
    /// The theme title the digest groups it under; nil for "Algemeen".
    public var theme: String?
    /// Roles whose holders are reminded.
    public var roles: [String]
    /// People reminded in person (configuration ids), besides the role holders.
    public var personIDs: [String]
    /// When before `date` the reminders go out.
    public var leadTimes: [LeadTime]
    /// What happens, in the source's words (a trajectory template's description of the event).
    public var description: String?
    /// Who takes part, with names, for the mail: "Sanne de Vries (startende leraar), mentor Piet Smit".
    public var participants: String?
    /// Why each person in `personIDs` receives it ("U ontvangt dit als mentor van Sanne de Vries.");
    /// role holders get the reason their role gives.
    public var reasons: [String: String]
    /// The person the event is about, addressed directly, with the title as they read it.
    public var addressee: Addressee?

    public struct Addressee: Sendable, Hashable {
        public var personID: String
        /// "Uw welkomstgesprek".
        public var title: String
        public var reason: String

        public init(personID: String, title: String, reason: String) {
            self.personID = personID
            self.title = title
            self.reason = reason
        }
    }

    public init(source: String, id: String, title: String, date: LocalDate, theme: String? = nil,
                roles: [String] = [], personIDs: [String] = [], leadTimes: [LeadTime], description: String? = nil,
                participants: String? = nil, reasons: [String: String] = [:], addressee: Addressee? = nil) {
        self.source = source
        self.id = id
        self.title = title
        self.date = date
        self.theme = theme
        self.roles = roles
        self.personIDs = personIDs
        self.leadTimes = leadTimes
        self.description = description
        self.participants = participants
        self.reasons = reasons
        self.addressee = addressee
    }
}

/// Anything that knows dated events, such as the trajectories (`TrajectoryEventSource`). Must be pure:
/// the same range gives the same events, with no clock reads and no I/O during the call.
public protocol DatedEventSource: Sendable {
    /// Events whose `date` is in `from...through`.
    func events(from: LocalDate, through: LocalDate) -> [DatedEvent]
}
