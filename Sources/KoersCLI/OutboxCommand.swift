import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// `koers outbox`: what is waiting or failed, and `retry ID` to queue a failed message again.
enum OutboxCommand: Subcommand {
    static let name = "outbox"
    static let summary = "List pending and failed mail; retry one."
    static let usages = [
        CommandUsage(options: [.flag("all", "Also list the messages sent."), .json], run: list),
        CommandUsage(.word("retry"), "ID", run: retry),
    ]
    static let explanation = """
    Lists messages waiting to be sent (with the next attempt and the server's last answer) and
    messages that failed, after the delivery error they wait because of, if any. --all also lists
    sent ones. `retry ID` puts a failed or waiting message back in the queue now; the daemon sends
    it at its next wake-up, and when it goes out, so does everything the mail server's trouble
    held back.

    """

    struct Line: Encodable {
        var id: Int64
        var status: String
        var person: String
        var subject: String
        var attempts: Int
        var nextAttemptAt: String
        var lastResponse: String?
        var createdAt: String
    }

    /// The store, and "now" (which `--now` may set for either action).
    private static func open(_ context: CommandContext) throws -> (store: Store, now: Date) {
        let workspace = try context.workspace()
        return (try context.openStore(workspace), try context.now(workspace.config.timeZone))
    }

    static func retry(_ context: CommandContext) throws -> CommandOutput {
        let (store, now) = try open(context)
        let text = try context.arguments.positional(1, "ID")
        try context.arguments.expectPositionals(atMost: 2)
        guard let id = Int64(text) else { throw UsageError("\"\(text)\" is not a message id; `koers outbox` lists them") }
        guard try store.requeue(id, at: now) else {
            return CommandOutput(stderr: "Error: no failed or pending message \(id); `koers outbox` lists them\n", exitCode: .refused)
        }
        return CommandOutput(stdout: "message \(id) queued again\n")
    }

    static func list(_ context: CommandContext) throws -> CommandOutput {
        let store = try open(context).store
        try context.arguments.expectPositionals(atMost: 0)
        var statuses: [Store.OutboxMessage.Status] = [.pending, .sending, .failed]
        if context.arguments.flags.contains("all") { statuses.append(.sent) }
        let lines = try store.outbox(statuses: statuses).map {
            Line(id: $0.id, status: $0.status.rawValue, person: $0.person, subject: $0.subject, attempts: $0.attempts,
                 nextAttemptAt: Timestamp.format($0.nextAttemptAt), lastResponse: $0.lastResponse,
                 createdAt: Timestamp.format($0.createdAt))
        }
        if context.json { return CommandOutput(stdout: try context.encode(lines)) }
        if lines.isEmpty { return CommandOutput(stdout: "The outbox is empty: nothing waiting, nothing failed.\n") }
        var out = ""
        if let error = try store.deliveryError(), lines.contains(where: { $0.status == "pending" }) {
            out += TextLayout.wrap("Waiting because of the delivery error at \(Timestamp.format(error.at)): "
                                   + "\(error.fault.summary) (\(error.text))", indent: "    ") + "\n\n"
        }
        for l in lines {
            out += "\(l.id)  \(l.status)  \(l.person)  attempts \(l.attempts)  next \(l.nextAttemptAt)\n"
            out += TextLayout.wrap("    \(l.subject)", indent: "    ") + "\n"
            if let r = l.lastResponse { out += TextLayout.wrap("    server: \(r)", indent: "    ") + "\n" }
        }
        return CommandOutput(stdout: out)
    }
}
