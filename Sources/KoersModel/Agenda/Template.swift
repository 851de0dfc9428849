/// A plan with dates relative to a start rather than fixed years, such as the appendix
/// "stappenplan participatie en toetreding" ("maart/april", "uiterlijk mei"). Started at a date it
/// becomes a trajectory.
public struct Template: Sendable {
    public var id: String
    public var title: String
    public var language: String
    public var source: String?
    /// What the start date means, in words.
    public var start: String
    public var roles: [Role]
    public var phases: [Phase]
    public var items: [Item]

    package init(
        id: String,
        title: String,
        language: String,
        source: String? = nil,
        start: String,
        roles: [Role],
        phases: [Template.Phase],
        items: [Template.Item]
    ) {
        self.id = id
        self.title = title
        self.language = language
        self.source = source
        self.start = start
        self.roles = roles
        self.phases = phases
        self.items = items
    }

    public struct Phase: Sendable {
        public var id: String
        public var title: String
        public var duration: Offset?
        public var durationNote: String?

        package init(id: String, title: String, duration: Offset? = nil, durationNote: String? = nil) {
            self.id = id
            self.title = title
            self.duration = duration
            self.durationNote = durationNote
        }
    }

    public struct Item: Sendable {
        public var id: String
        public var phase: String
        public var text: String
        public var details: [String]
        public var roles: [RoleDuty]
        public var timing: Timing

        package init(
            id: String,
            phase: String,
            text: String,
            details: [String],
            roles: [RoleDuty],
            timing: Template.Timing
        ) {
            self.id = id
            self.phase = phase
            self.text = text
            self.details = details
            self.roles = roles
            self.timing = timing
        }
    }

    /// When an item falls, relative to the trajectory's start; `label` keeps the source's words.
    public struct Timing: Sendable {
        public enum Anchor: Sendable, Equatable {
            /// Opens at `start + from`, due before `start + by`.
            case window(from: Offset?, by: Offset?)
            case during(phase: String)
            case atEndOf(phase: String)
            case after(phase: String)
        }
        public var label: String?
        public var anchor: Anchor
        public var repeats: Recurrence?

        package init(label: String? = nil, anchor: Template.Timing.Anchor, repeats: Recurrence? = nil) {
            self.label = label
            self.anchor = anchor
            self.repeats = repeats
        }
    }
}

/// A distance from a start date: a number of days, weeks, months or years.
public struct Offset: Hashable, Sendable, CustomStringConvertible {
    public var amount: Int
    public var unit: Recurrence.Unit

    package init(amount: Int, unit: Recurrence.Unit) {
        self.amount = amount
        self.unit = unit
    }

    public func applied(to date: LocalDate) -> LocalDate {
        switch unit {
        case .days: date.adding(days: amount)
        case .weeks: date.adding(days: 7 * amount)
        case .months: date.adding(months: amount)
        case .years: date.adding(months: 12 * amount)
        }
    }

    public var description: String { "\(amount) \(unit.rawValue)" }
}
