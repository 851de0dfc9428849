import KoersModel

extension TrajectoryBook {
    /// The book for the loaded templates, configuration and agendas.
    package init(trajectories: [Trajectory], done: [String: [String: LocalDate]], workspace: Workspace) {
        self.init(trajectories: trajectories, done: done, templates: workspace.trajectoryTemplates,
                  config: workspace.config, agendas: workspace.agendas)
    }
}
