import Foundation

/// The daemon's retention duty (AVG): a trajectory that ended `privacy.retentionMonths` months ago
/// or longer is erased, keeping only its anonymous counts.
extension ReminderService {
    /// Erases the trajectories whose retention period is over at `now`; returns how many.
    @discardableResult
    public func eraseExpiredTrajectories(now: Date) throws -> Int {
        let config = workspace.config
        let today = config.timeZone.localDate(of: now)
        let book = try TrajectoryBook(workspace: workspace, store: store)
        let expired = book.trajectories.filter { Self.retentionEnds($0, config.privacy).map { $0 <= today } ?? false }
        guard !expired.isEmpty else { return 0 }
        for trajectory in expired {
            _ = try store.eraseTrajectory(trajectory, plan: book.plan(of: trajectory), today: today)
        }
        try store.compactAfterErasure()
        log.info("erased \(expired.count) trajectory(ies) whose retention period of \(config.privacy.retentionMonths) month(s) ended")
        return expired.count
    }

    /// The first moment after `now` at which an ended trajectory is due for erasure, for the daemon's sleep.
    func nextRetentionMoment(after now: Date) throws -> Date? {
        let config = workspace.config
        return try store.trajectories().compactMap { Self.retentionEnds($0, config.privacy) }
            .map { config.timeZone.moment($0) }.filter { $0 > now }.min()
    }

    /// The day from which an ended trajectory is erased; nil while it runs.
    static func retentionEnds(_ trajectory: Trajectory, _ rules: PrivacyRules) -> LocalDate? {
        trajectory.end.map { $0.on.adding(months: rules.retentionMonths) }
    }
}
