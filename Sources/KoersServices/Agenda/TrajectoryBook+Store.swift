import KoersFormats
import KoersModel
import KoersStore

extension TrajectoryBook {
    /// The trajectories and occurrences held as stored, for the loaded templates.
    public init(workspace: Workspace, store: Store) throws {
        self.init(trajectories: try store.trajectories(), done: try store.doneOccurrences(), workspace: workspace)
    }
}
