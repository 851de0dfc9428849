import Foundation
import KoersDaemon
import KoersModel

/// `koers status`: the daemon's health at a glance, for the admin and for monitoring: is it
/// running, when did it last run, what is due next, what waits in the outbox, the last error, and
/// the delivery error mail waits because of.
enum StatusCommand: Subcommand {
    static let name = "status"
    static let summary = "Show the daemon's state: running, last run, next due moment, outbox, errors."
    static let usages = [CommandUsage(options: [.json], run: run)]
    static let explanation = """
    Reads the state the daemon keeps in the database: whether a daemon runs on this database (it
    holds a lock beside it for its whole life), when it last
    planned and sent (in the daemon's own time, which is simulated when it was started with --now),
    the next due moment, the outbox counts and the last error, the last delivery error (kept
    until a message goes out: its time, its kind such as authentication, tls, starttls, timeout,
    connection or token, and the server's answer) with the messages waiting, and the next report
    it will mail. Exits 1 when a message failed, when an error is recorded since the last good run,
    or when messages wait while a delivery error is recorded; 0 otherwise, so a monitoring check
    can call it.

    """

    struct Status: Encodable {
        var database: String
        var schemaVersion: Int
        var daemonRunning: Bool
        var daemonPID: Int?
        var daemonSince: String?
        var lastRun: String?
        var nextDue: String?
        var lastError: String?
        var deliveryError: DeliveryError?
        var outbox: [String: Int]
        var nextReport: String?
        var archivedReports: Int
    }

    /// The last failed delivery attempt, until a message goes out.
    struct DeliveryError: Encodable {
        var at: String
        /// A `DeliveryFault` raw value: authentication, tls, starttls, timeout, connection …
        var kind: String
        var summary: String
        var text: String
        /// Pending messages: while there are any, the error holds mail back and status exits 1.
        var waiting: Int
        var nextAttempt: String?

        var line: String {
            "\(at): \(summary) (\(text)); "
                + (waiting == 0 ? "nothing waiting" : "\(waiting) message(s) waiting, next try \(nextAttempt ?? "not planned")")
        }
    }

    static func run(_ context: CommandContext) throws -> CommandOutput {
        try context.arguments.expectPositionals(atMost: 0)
        let workspace = try context.workspace()
        let store = try context.openStore(workspace)
        let now = try context.now(workspace.config.timeZone)
        let daemon = DaemonLock.holder(database: workspace.config.databasePath)
        let counts = try store.outboxCounts()
        let schedule = ReportSchedule(rules: workspace.config.reports, quiet: workspace.config.quietPeriods,
                                      timeZone: workspace.config.timeZone, sendTime: workspace.config.reminders.sendTime)
        let nextReport = schedule.next(after: now).map { "\($0.period) op \($0.sendOn)" }
        let lastRun = try store.daemonValue("last-run")
        let lastError = try store.daemonValue("last-error")
        let waiting = counts[.pending] ?? 0
        let deliveryError = try store.deliveryError().map { error in
            DeliveryError(at: Timestamp.format(error.at), kind: error.fault.rawValue, summary: error.fault.summary, text: error.text,
                          waiting: waiting, nextAttempt: try store.nextAttempt().map(Timestamp.format))
        }
        let status = Status(
            database: workspace.config.databasePath, schemaVersion: store.schemaVersion,
            daemonRunning: daemon != nil, daemonPID: daemon?.pid.map(Int.init), daemonSince: daemon?.since,
            lastRun: lastRun, nextDue: try store.daemonValue("next-due"),
            lastError: lastError.flatMap { error in (lastRun.map { error > $0 } ?? true) ? error : nil },
            deliveryError: deliveryError,
            outbox: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
            nextReport: nextReport, archivedReports: try store.archivedReports().count)
        let healthy = status.lastError == nil && (counts[.failed] ?? 0) == 0 && (deliveryError?.waiting ?? 0) == 0
        if context.json { return CommandOutput(stdout: try context.encode(status), exitCode: healthy ? .ok : .refused) }
        var out = ""
        out += "daemon         " + (daemon.map { "running (\($0))" } ?? "not running") + "\n"
        out += "last run       " + (status.lastRun ?? "never") + "\n"
        out += "next due       " + (status.nextDue ?? "nothing planned") + "\n"
        out += "outbox         " + ["pending", "sending", "sent", "failed"].map { "\($0) \(status.outbox[$0] ?? 0)" }.joined(separator: ", ") + "\n"
        out += "last error     " + (status.lastError ?? "none since the last good run") + "\n"
        out += "delivery error " + (deliveryError?.line ?? "none since the last message sent") + "\n"
        out += "next report    " + (nextReport ?? (workspace.config.reports.mail ? "none planned" : "reports are not mailed")) + "\n"
        out += "reports        \(status.archivedReports) archived\n"
        out += "database       \(status.database) (schema version \(status.schemaVersion))\n"
        return CommandOutput(stdout: out, exitCode: healthy ? .ok : .refused)
    }
}
