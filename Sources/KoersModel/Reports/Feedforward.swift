/// The look ahead ("feedforward"): where unfinished steps go, what comes next per role, what is
/// coming up, and what the deciding roles must decide.
public struct Feedforward: Sendable, Equatable {
    /// Where a step that is not done goes next.
    public enum Next: Sendable, Equatable {
        /// Moved to a later half-year.
        case postponed(HalfYear)
        /// Still has time: its deadline lies after the report's day.
        case continuing(until: LocalDate)
        /// Its time is up and nothing was decided: "te besluiten".
        case toDecide
    }

    public struct Destination: Sendable, Equatable {
        public var step: StepRef
        /// From an earlier period rather than planned in this one.
        public var fromEarlier: Bool
        public var next: Next
    }

    /// The open steps one role carries out in the next period.
    public struct RolePlan: Sendable, Equatable {
        public var role: RoleRef
        public var steps: [StepRef]
    }

    /// A step whose own date falls in the window after the period.
    public struct Deadline: Sendable, Equatable {
        public var step: StepRef
        public var due: PlannedDate
    }

    /// Milestones and dated steps in the window after the period.
    public struct Upcoming: Sendable, Equatable {
        public var from: LocalDate
        public var through: LocalDate
        public var milestones: [MilestoneLine]
        public var deadlines: [Deadline]
    }

    public struct Decision: Sendable, Equatable {
        public enum Reason: Sendable, Equatable {
            /// Planned in the period, not done at its end.
            case notCompleted(HalfYear)
            /// From an earlier period, still open.
            case overdue(Overdue)
            /// Planned in the next period.
            case planned(HalfYear)
        }
        public var step: StepRef
        public var reason: Reason
    }

    /// The decisions one deciding role has to take.
    public struct DecisionGroup: Sendable, Equatable {
        public var role: RoleRef
        public var decisions: [Decision]
    }

    /// The period after the report's: the next half-year, or the year ahead.
    public var next: ReportPeriod
    public var destinations: [Destination]
    public var plan: [RolePlan]
    public var upcoming: Upcoming
    public var decisions: [DecisionGroup]
}
