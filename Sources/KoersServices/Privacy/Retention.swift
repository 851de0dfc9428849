import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// The retention duty (AVG): a trajectory that ended `privacy.retentionMonths` months ago or longer
/// is erased, keeping only its anonymous counts. The daemon's turn carries it out and wakes for it;
/// it needs only the workspace and the store.
public struct Retention {
    let workspace: Workspace
    let store: Store

    public init(workspace: Workspace, store: Store) {
        self.workspace = workspace
        self.store = store
    }

    /// Erases the trajectories whose retention period is over at `now`; returns how many.
    @discardableResult
    public func eraseExpired(now: Date) throws -> Int {
        let config = workspace.config
        let today = config.timeZone.localDate(of: now)
        let book = try TrajectoryBook(workspace: workspace, store: store)
        let expired = book.trajectories.filter { Self.ends($0, config.privacy).map { $0 <= today } ?? false }
        guard !expired.isEmpty else { return 0 }
        for trajectory in expired {
            _ = try store.eraseTrajectory(trajectory, plan: book.plan(of: trajectory), today: today)
        }
        try store.compactAfterErasure()
        return expired.count
    }

    /// The first moment after `now` at which an ended trajectory is due for erasure.
    public func nextMoment(after now: Date) throws -> Date? {
        let config = workspace.config
        return try store.trajectories().compactMap { Self.ends($0, config.privacy) }
            .map { config.timeZone.moment($0) }.filter { $0 > now }.min()
    }

    /// The day from which an ended trajectory is erased; nil while it runs.
    static func ends(_ trajectory: Trajectory, _ rules: PrivacyRules) -> LocalDate? {
        trajectory.end.map { $0.on.adding(months: rules.retentionMonths) }
    }
}
