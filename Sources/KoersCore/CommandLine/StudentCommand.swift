/// `koers student`: trajectories of students on a leerwerkplek, the same actions as `koers starter`.
enum StudentCommand: Subcommand {
    static let name = "student"
    static let summary = "Trajectories of students on a leerwerkplek: add, list, show, done, end, outcomes."
    static let spec = TrajectoryActions.spec
    static var help: String { TrajectoryActions.help(.student) }
    static func run(_ context: CommandContext) throws -> CommandOutput { try TrajectoryActions.run(.student, context) }
}
