/// `koers starter`: induction trajectories of starting teachers (the actions are `TrajectoryActions`).
enum StarterCommand: Subcommand {
    static let name = "starter"
    static let summary = "Induction trajectories of starting teachers: add, list, show, done, end, outcomes."
    static let usages = TrajectoryActions.usages(.starter)
    static let explanation = TrajectoryActions.explanation(.starter)
}
