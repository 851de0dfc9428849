/// `koers starter`: induction trajectories of starting teachers (the actions are `TrajectoryActions`).
enum StarterCommand: Subcommand {
    static let name = "starter"
    static let summary = "Induction trajectories of starting teachers: add, list, show, done, end, outcomes."
    static let spec = TrajectoryActions.spec
    static var help: String { TrajectoryActions.help(.starter) }
    static func run(_ context: CommandContext) throws -> CommandOutput { try TrajectoryActions.run(.starter, context) }
}
