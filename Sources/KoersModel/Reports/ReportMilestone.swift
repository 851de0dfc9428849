/// One occurrence of a milestone, with the steps that carry it out and what came of it.
public struct MilestoneLine: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable {
        /// Every linked step done (dropped ones aside).
        case achieved
        /// Not yet passed, and not every step done.
        case open
        /// Passed as of the report's day, and not every step done.
        case missed
        /// No step is linked to the milestone: nothing to tell from the history.
        case noSteps = "no-steps"

        public var dutch: String {
            switch self {
            case .achieved: "gehaald: alle stappen afgerond"
            case .open: "nog open"
            case .missed: "verstreken, niet alle stappen afgerond"
            case .noSteps: "geen stappen gekoppeld"
            }
        }
    }

    public struct Involved: Sendable, Equatable {
        public var role: RoleRef
        public var duty: Duty
    }

    public var milestone: String
    public var title: String
    public var when: PlannedDate
    public var roles: [Involved]
    public var steps: [StepRef]
    public var outcome: Outcome
}
