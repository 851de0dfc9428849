import Foundation
import KoersFormats
import KoersModel

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
            if CommandOption.globals.contains(where: { $0.takesValue && "--" + $0.name == first }), let value = words.first {
                leading.append(value)
                words.removeFirst()
            }
        }
        guard let name = words.first else {
            if leading.contains("--help") || leading.contains("-h") || leading.isEmpty {
                return CommandOutput(stdout: overview, exitCode: leading.isEmpty ? .usage : .ok)
            }
            return usageFailure("missing command", help: overview)
        }
        if name == "help" {
            if words.count > 1, let command = commands.first(where: { $0.name == words[1] }) {
                return CommandOutput(stdout: command.help)
            }
            return CommandOutput(stdout: overview)
        }
        if name == "--version" || name == "version" { return CommandOutput(stdout: "koers \(KoersVersion.current)\n") }
        guard let command = commands.first(where: { $0.name == name }) else {
            return usageFailure("unknown command \"\(name)\"", help: overview)
        }
        let parsed: Arguments
        let usage: CommandUsage
        do {
            parsed = try Arguments.parse(leading + Array(words.dropFirst()),
                                         options: command.usages.flatMap(\.options) + CommandOption.globals)
            if parsed.flags.contains("help") { return CommandOutput(stdout: command.help) }
            usage = try command.usage(for: parsed)
        } catch {
            return usageFailure(error.message, help: command.help)
        }
        let context = CommandContext(arguments: parsed, usage: usage, clock: clock, environment: environment)
        var output = execute(command, context)
        output.stderr = context.notices.text + output.stderr
        return output
    }

    /// The command's output, or its error as its type says (`ExitStatusCarrying`).
    private static func execute(_ command: any Subcommand.Type, _ context: CommandContext) -> CommandOutput {
        do {
            return try context.usage.run(context)
        } catch {
            return failure(error, help: command.help)
        }
    }

    static func failure(_ error: any Error, help: String) -> CommandOutput {
        guard let error = error as? any ExitStatusCarrying else {
            return CommandOutput(stderr: "Error: \(error)\nKoers did not expect this error: please report it as a bug, with this message.\n",
                                 exitCode: .software)
        }
        if error.exitCode == .usage { return usageFailure(error.description, help: help) }
        return CommandOutput(stderr: error.report, exitCode: error.exitCode)
    }

    private static func usageFailure(_ message: String, help: String) -> CommandOutput {
        CommandOutput(stderr: "Error: \(message)\n\n\(help)", exitCode: .usage)
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
        \(CommandHelp.list(CommandOption.globals.map { ($0 == .help ? "-h, --help" : $0.spelling, $0.help) }))
        Exit status (see docs/administration.md):
        \(CommandHelp.list(ExitCode.allCases.map { ("\($0.rawValue)", $0.meaning) }))
        """
    }
}
