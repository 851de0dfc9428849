import Foundation

/// The `koers` command line as a function: arguments in, output and exit status out. The executable
/// only calls this and prints; tests can call it in-process or run the built binary.
public enum KoersTool {
    static let commands: [any Subcommand.Type] = [
        CheckCommand.self, AgendaCommand.self, ShowCommand.self, SetCommand.self, DueCommand.self,
        MilestonesCommand.self, HistoryCommand.self, RunCommand.self, PreviewCommand.self, OutboxCommand.self,
        MailCommand.self, HolidaysCommand.self, SiteCommand.self, ReportCommand.self, ExportCommand.self,
        ScanCommand.self, StatusCommand.self, BackupCommand.self, StarterCommand.self, StudentCommand.self, PersonCommand.self,
        MeasureCommand.self, SpendCommand.self,
    ]

    public static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                           clock: any WallClock = SystemClock()) -> CommandOutput {
        var words = arguments
        // Global options may precede the command name.
        var leading: [String] = []
        while let first = words.first, first.hasPrefix("-") {
            leading.append(words.removeFirst())
            if Arguments.globalValueOptions.contains(String(first.dropFirst(2))), let value = words.first {
                leading.append(value)
                words.removeFirst()
            }
        }
        guard let name = words.first else {
            if leading.contains("--help") || leading.contains("-h") || leading.isEmpty {
                return CommandOutput(stdout: overview, exitCode: leading.isEmpty ? .usage : .ok)
            }
            return usageFailure(UsageError("missing command"), help: overview)
        }
        if name == "help" {
            if words.count > 1, let command = commands.first(where: { $0.name == words[1] }) {
                return CommandOutput(stdout: command.help)
            }
            return CommandOutput(stdout: overview)
        }
        if name == "--version" || name == "version" { return CommandOutput(stdout: "koers \(KoersVersion.current)\n") }
        guard let command = commands.first(where: { $0.name == name }) else {
            return usageFailure(UsageError("unknown command \"\(name)\""), help: overview)
        }
        let parsed: Arguments
        do {
            parsed = try Arguments.parse(leading + Array(words.dropFirst()), spec: command.spec)
        } catch {
            return usageFailure(error, help: command.help)
        }
        if parsed.flags.contains("help") { return CommandOutput(stdout: command.help) }
        let context = CommandContext(arguments: parsed, clock: clock, environment: environment)
        var output = execute(command, context)
        output.stderr = context.notices.text + output.stderr
        return output
    }

    private static func execute(_ command: any Subcommand.Type, _ context: CommandContext) -> CommandOutput {
        do {
            return try command.run(context)
        } catch let error as UsageError {
            return usageFailure(error, help: command.help)
        } catch let invalid as Workspace.Invalid {
            return CommandOutput(stderr: invalid.diagnostics.map { "\($0)\n" }.joined()
                + "Error: \(invalid.errors.count) error(s); fix them and run `koers check` again.\n",
                exitCode: .invalidData)
        } catch let error as StoreError {
            if case .busy = error { return CommandOutput(stderr: "Error: \(error)\n", exitCode: .busy) }
            return CommandOutput(stderr: "Error: \(error)\n", exitCode: .storage)
        } catch {
            return CommandOutput(stderr: "Error: \(error)\n", exitCode: .refused)
        }
    }

    private static func usageFailure(_ error: UsageError, help: String) -> CommandOutput {
        CommandOutput(stderr: "Error: \(error.message)\n\n\(help)", exitCode: .usage)
    }

    static var overview: String {
        let list = commands.map { "  \(TextLayout.pad($0.name, 12)) \($0.summary)" }.joined(separator: "\n")
        return """
        koers — keeps a school board's ontwikkelagenda alive.

        Usage: koers [--config FILE] [--now DATE] [--json] COMMAND [OPTIONS]

        Commands:
        \(list)
          help COMMAND  Show the help of one command.

        Global options:
          --config FILE  Configuration file (default: $KOERS_CONFIG, else /etc/koers/koers.json).
          --now DATE     Act as if it were DATE (YYYY-MM-DD at noon, or an ISO 8601 moment).
          --json         Machine-readable output for read commands.
          -h, --help     Show help.

        Exit status: 0 ok, 1 refused, 64 usage error, 65 invalid configuration or agenda,
        74 database error, 75 database busy (try again).

        """
    }
}
