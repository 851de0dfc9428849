import Foundation
import KoersDaemon
import KoersModel

/// `koers run`: the reminder daemon.
enum RunCommand: Subcommand {
    static let name = "run"
    static let summary = "Run the reminder daemon (under systemd: Type=notify)."
    static let usages = [CommandUsage(options: [
        .config,
        .value("now", "MOMENT", "Start the clock at MOMENT (then it runs at normal speed): for trying out and tests."),
    ], run: run)]
    static let explanation = """
    Plans reminders from the agendas, their status and the calendar; queues them in the outbox and
    mails them at the configured time, one digest per person per day. Sleeps until the next due
    moment; a `koers set` from the command line, SIGHUP (reload) and SIGTERM/SIGINT (stop) wake it.
    Logs go to stderr with journald priorities.

    """

    static func run(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 0)
        var start = Date()
        if context.arguments.options["now"] != nil {
            let tz = (try? context.workspace())?.config.timeZone ?? .amsterdam
            start = try context.now(tz)
        }
        let daemon = Daemon(configPath: context.configPath, environment: context.environment,
                            clock: RunningClock(startingAt: start))
        return CommandOutput(exitCode: exitCode(daemon.run()))
    }

    /// The exit status of a daemon run (docs/administration.md lists them).
    static func exitCode(_ outcome: Daemon.Outcome) -> ExitCode {
        switch outcome {
        case .stopped: .ok
        case .invalidConfiguration: .invalidData
        case .alreadyRunning: .busy
        case .storageFailure: .storage
        }
    }
}
