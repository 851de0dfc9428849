/// What is kept of an erased trajectory: no person, no school, no exact dates; enough for the
/// board's counts.
public struct TrajectoryTombstone: Sendable, Equatable {
    public var kind: Trajectory.Kind
    public var template: String
    public var startMonth: YearMonth
    /// Whole months from the start to the end (or to the erasure, for a trajectory still running).
    public var months: Int
    public var endReason: Reason
    public var eventsDue: Int
    public var eventsDone: Int

    package init(
        kind: Trajectory.Kind,
        template: String,
        startMonth: YearMonth,
        months: Int,
        endReason: TrajectoryTombstone.Reason,
        eventsDue: Int,
        eventsDone: Int
    ) {
        self.kind = kind
        self.template = template
        self.startMonth = startMonth
        self.months = months
        self.endReason = endReason
        self.eventsDue = eventsDue
        self.eventsDone = eventsDone
    }

    /// How the trajectory ended: as it was ended, or by being erased while it still ran.
    public enum Reason: String, Sendable, CaseIterable {
        case left, finished
        /// Erased while still running (`koers person erase`): how it would have ended is not known.
        case erased

        public init(_ reason: Trajectory.EndReason) {
            switch reason {
            case .left: self = .left
            case .finished: self = .finished
            }
        }
    }
}
