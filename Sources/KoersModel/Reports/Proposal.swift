/// A proposal for the annual review ("Voorstellen voor bijstelling"), derived by Koers from the
/// history: input for the people who revise the agenda, never a decision.
public struct Proposal: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case postponedRepeatedly = "postponed-repeatedly"
        case longOverdue = "long-overdue"
        case lowCompletion = "low-completion"
        case outsideHorizon = "outside-horizon"
        case milestoneWithoutSteps = "milestone-without-steps"
        /// The horizon ends before the next period, or a theme has nothing planned in it.
        case nothingPlanned = "nothing-planned"
    }

    public var kind: Kind
    /// What it is about: a step key, a theme code, a milestone id or the agenda id.
    public var subject: String
    /// The observation, in Dutch.
    public var finding: String
    /// What Koers suggests, in Dutch.
    public var suggestion: String
}

/// When Koers proposes something; the defaults suit a yearly review.
public struct ProposalRules: Sendable, Equatable {
    /// A step postponed this many times or more.
    public var postponedAtLeast = 2
    /// A step overdue for more than this many months.
    public var overdueMonths = 6
    /// A theme whose share of done steps, among those whose time is up (dropped ones aside), is below this.
    public var lowCompletionBelow = 0.5

    public init(postponedAtLeast: Int = 2, overdueMonths: Int = 6, lowCompletionBelow: Double = 0.5) {
        self.postponedAtLeast = postponedAtLeast
        self.overdueMonths = overdueMonths
        self.lowCompletionBelow = lowCompletionBelow
    }
}
