import Foundation
import KoersFormats
import KoersModel
import KoersStore
import Synchronization

/// What every command runs with: the parsed arguments, the clock, the environment, and lazy access
/// to the workspace and the store.
struct CommandContext {
    let arguments: Arguments
    /// The usage the command line asked for: what it declares is what `arguments` may hold.
    let usage: CommandUsage
    let clock: any WallClock
    let environment: [String: String]
    /// Warnings the run shows on stderr whatever the command does (see `workspace()`).
    let notices = Notices()

    var json: Bool { arguments.flags.contains("json") }

    /// The value of an option the usage declares as required; when it is missing or blank, the
    /// usage error its declaration words (`missing --on YYYY-MM-DD: the day of the expense`).
    func required(_ name: String) throws(UsageError) -> String {
        guard let option = usage.option(name), option.isRequired else {
            preconditionFailure("--\(name) is not a required option of this usage")
        }
        guard let value = arguments.options[name], !value.allSatisfy(\.isWhitespace) else { throw option.missing }
        return value
    }

    /// `--config`, else `$KOERS_CONFIG`, else the system location.
    var configPath: String {
        arguments.options["config"] ?? environment["KOERS_CONFIG"] ?? "/etc/koers/koers.json"
    }

    /// The loaded workspace. A role nobody holds does not stop a command, but whoever runs one
    /// should know that what is meant for that role reaches nobody: that warning goes to `notices`.
    /// (The other warnings are for `koers check`.)
    func workspace() throws(Workspace.Invalid) -> Workspace {
        let workspace = try Workspace.load(configPath: configPath, environment: environment)
        let unheld = Set(workspace.rolesWithoutHolders.map(\.description))
        notices.add(workspace.warnings.filter { unheld.contains($0.message) })
        return workspace
    }

    /// "Now" for this run: `--now` (a day, taken at noon local time, or an ISO 8601 moment), else the clock.
    func now(_ timeZone: AgendaTimeZone) throws(UsageError) -> Date {
        guard let text = arguments.options["now"] else { return clock.now() }
        if let day = LocalDate(text) { return timeZone.moment(day, hour: 12) }
        if let moment = Timestamp.parse(text) { return moment }
        throw UsageError("--now \"\(text)\" is not a date; expected YYYY-MM-DD or an ISO 8601 moment such as 2024-10-01T09:00:00+02:00")
    }

    func openStore(_ workspace: Workspace) throws -> Store {
        try Store(path: workspace.config.databasePath)
    }

    func agendaSet(_ workspace: Workspace, _ store: Store) throws -> AgendaSet {
        try AgendaSet(workspace: workspace, store: store)
    }

    /// A view as `--json` prints it: keys sorted, laid out as `JSONWriter.Layout.commandOutput`.
    func encode<T: Encodable>(_ value: T) throws -> String {
        JSONWriter.write(try JSONValue(encoding: value), layout: .commandOutput) + "\n"
    }
}

/// Diagnostics collected while a command runs, each shown once, before the command's own stderr.
final class Notices: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    func add(_ diagnostics: [Diagnostic]) {
        items.withLock { items in
            for diagnostic in diagnostics where !items.contains(diagnostic) { items.append(diagnostic) }
        }
    }

    /// One line each, as `koers check` shows them.
    var text: String { items.withLock { $0.map { "\($0)\n" }.joined() } }
}

/// A subcommand: its name, the ways to call it with their options and actions, and its help.
protocol Subcommand: Sendable {
    static var name: String { get }
    static var summary: String { get }
    /// Each way of calling the command, in the order `--help` lists them.
    static var usages: [CommandUsage] { get }
    /// What `--help` shows between the usage lines and the option list: the command explained.
    static var explanation: String { get }
    /// What messages call the word that picks an action: `report action`, `format`.
    static var actionNoun: String { get }
}

extension Subcommand {
    static var actionNoun: String { "action" }
}
