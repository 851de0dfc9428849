/// `koers student`: trajectories of students on a leerwerkplek, the same actions as `koers starter`.
enum StudentCommand: Subcommand {
    static let name = "student"
    static let summary = "Trajectories of students on a leerwerkplek: add, list, show, done, end, outcomes."
    static let usages = TrajectoryActions.usages(.student)
    static let explanation = TrajectoryActions.explanation(.student)
}
