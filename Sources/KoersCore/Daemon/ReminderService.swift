import Foundation

/// One turn of the daemon, the same code for `koers run` and `koers preview`: plan what is due at a
/// moment, queue it in the outbox (once per reminder key), and send what the outbox holds.
public final class ReminderService {
    public private(set) var workspace: Workspace
    let store: Store
    private(set) var transport: any MailTransport
    let log: Log

    /// What a send round did, for logs and `systemd` status.
    public struct SendReport: Sendable, Equatable {
        public var sent = 0
        public var retrying = 0
        public var failed = 0
    }

    /// Called for each message queued, with the lines it is about (a digest's items, a report's
    /// title): `koers preview` lists them.
    public var observer: ((Person, MailMessage, [String]) -> Void)?

    /// After this many attempts a message that keeps failing transiently is marked failed.
    static let maxAttempts = 20

    public init(workspace: Workspace, store: Store, transport: any MailTransport, log: Log) {
        self.workspace = workspace
        self.store = store
        self.transport = transport
        self.log = log
    }

    /// Replaces the configuration, agendas and transport (after a successful reload).
    public func use(_ workspace: Workspace, transport: any MailTransport) {
        self.workspace = workspace
        self.transport = transport
    }

    /// The planner with the trajectories' events as its source.
    func planner(_ trajectories: TrajectoryBook) -> Planner {
        Planner(rules: workspace.config.reminders, quiet: workspace.config.quietPeriods, timeZone: workspace.config.timeZone,
                sources: [trajectories.eventSource])
    }

    /// Queues every reminder due at `now` that was not handled before. Reminders missed while Koers
    /// was not running are sent if still relevant, merged into one mail per person, and recorded as
    /// stale (never sent) when their moment has passed.
    @discardableResult
    public func enqueueDue(now: Date) throws -> (queued: Int, stale: Int) {
        let config = workspace.config
        let today = config.timeZone.localDate(of: now)
        let from = try store.daemonValue("planned-through").flatMap { LocalDate($0) } ?? today
        let set = try AgendaSet(workspace: workspace, store: store)
        let trajectories = try TrajectoryBook(workspace: workspace, store: store)
        let due = planner(trajectories).reminders(for: set, config: config, from: min(from, today), through: today, now: now)
            .filter { $0.sendAt <= now }
        let handled = try store.handledReminderKeys(due.map(\.key))
        let fresh = due.filter { !handled.contains($0.key) }
        let stale = fresh.filter { $0.relevantThrough < today }
        try store.recordStale(stale.map { (key: $0.key, sendOn: $0.sendOn) }, at: now)

        var relevant = fresh.filter { $0.relevantThrough >= today }
        for i in relevant.indices { relevant[i].sendOn = today }
        var digests = Digest.group(relevant)
        let failures = try store.unreportedFailures()
        var queued = 0
        if !failures.isEmpty, !config.quietPeriods.isQuiet(today), now >= config.reminders.sendAt(today, in: config.timeZone) {
            // Failures alone make a mail only at the usual time on a working day, and only for a
            // Co-OP'er who has had no mail today; otherwise they wait for her next digest.
            for coordinator in config.people(holding: config.mail.replyToRole)
            where !digests.contains(where: { $0.personID == coordinator.id }) {
                if try store.hasMessage(for: coordinator.id, queuedSince: config.timeZone.moment(today)) { continue }
                digests.append(Digest(personID: coordinator.id, sendOn: today, sendAt: now, groups: []))
            }
        }
        let mail = ReminderMail(config: config)
        for digest in digests {
            let keys = digest.reminders.map(\.key).sorted()
            guard let person = trajectories.recipient(digest.personID) else {
                log.warning("\(keys.count) reminder(s) for a person no longer in the configuration or a trajectory recorded as stale")
                try store.recordStale(digest.reminders.map { (key: $0.key, sendOn: $0.sendOn) }, at: now)
                continue
            }
            let isCoordinator = person.roles.contains(config.mail.replyToRole)
            let reported = isCoordinator ? failures : []
            let content = (keys + reported.map { "failed:\($0.id)" }).joined(separator: ",")
            let key = "digest|\(person.id)|\(today)|" + MailDigest.hex(MailDigest.sha256(Array(content.utf8))).prefix(16)
            let message = mail.message(for: person, digest: digest,
                                       failures: reported.map { .init(recipient: $0.recipient, subject: $0.subject, response: $0.lastResponse ?? "") },
                                       date: now, key: key)
            let bytes = try MessageBuilder.build(message, timeZone: config.timeZone.timeZone)
            observer?(person, message, digest.reminders.map(\.title))
            if try store.enqueue(.init(key: key, person: person.id, recipient: person.email, subject: message.subject,
                                       message: bytes, messageID: message.messageID, reminderKeys: keys, sendOn: today), at: now) {
                queued += 1
            }
            if !reported.isEmpty { try store.markReported(reported.map(\.id), at: now) }
        }
        try store.setDaemonValue("planned-through", today.description)
        if queued > 0 || !stale.isEmpty { log.info("queued \(queued) message(s) for \(relevant.count) reminder(s); \(stale.count) stale reminder(s) recorded") }
        return (queued, stale.count)
    }

    /// Sends every message due at `now` over one connection.
    ///
    /// A failure about one message (its recipient or content refused or deferred) lets the round
    /// go on. Any other failure (authentication, TLS, no STARTTLS, a timeout, no connection, no
    /// OAuth2 token …) ends it: every other message would meet it too, and a known-bad password
    /// tried once per message locks accounts. That message and the rest of the queue wait,
    /// without an attempt counted, until the round's next try, 1, 2, 4 … minutes later (at most
    /// an hour) with each round that ends so; they never fail because of it. The first message
    /// that goes out after that releases them. The last failure is kept for `koers status` until
    /// a message goes out.
    ///
    /// `shouldStop` is asked between messages and, while a message is being sent, about once a
    /// second: the message in flight gets `DeliveryStop.grace` to finish, then it is cut off and
    /// stays queued, its attempt not counted.
    @discardableResult
    public func sendDue(now: Date, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> SendReport {
        let messages = try store.dueMessages(at: now)
        var report = SendReport()
        guard !messages.isEmpty else { return report }
        var lastError = try store.deliveryError()
        /// Keeps a failure about one message for `koers status`, with the server's trouble so far.
        func record(_ fault: DeliveryFault, _ response: String) throws {
            let error = Store.DeliveryError(at: now, fault: fault, text: response,
                                            troubledRounds: lastError?.troubledRounds ?? 0, heldUntil: lastError?.heldUntil)
            try store.recordDeliveryError(error)
            lastError = error
        }
        let session = transport.openSession(stop: DeliveryStop(shouldStop))
        defer { session.close() }
        sending: for message in messages {
            if shouldStop() { break }
            try store.markSending(message.id)
            let outcome = session.send(from: workspace.config.mail.fromAddress, to: message.recipient, message: message.message)
            let attempts = message.attempts + 1
            switch outcome {
            case .accepted(let response):
                try store.markSent(message.id, response: response, at: now)
                log.info("message \(message.id) accepted: \(response)")
                report.sent += 1
                if lastError != nil {
                    try store.clearDeliveryError(at: now)
                    lastError = nil
                }
            case .interrupted:
                try store.markInterrupted(message.id)
                log.notice("message \(message.id) cut off by the stop; it goes again, unchanged, at the next start")
                break sending
            case .transient(_, let response, let fault) where fault.concernsEveryMessage,
                 .configuration(_, let response, let fault) where fault.concernsEveryMessage:
                let rounds = (lastError?.troubledRounds ?? 0) + 1
                let delay = Self.backoff(attempts: rounds)
                let retryAt = now.addingTimeInterval(delay)
                let waiting = try store.holdQueue(after: message.id, response: response, until: retryAt)
                try store.recordDeliveryError(.init(at: now, fault: fault, text: response, troubledRounds: rounds, heldUntil: retryAt))
                let isConfiguration = if case .configuration = outcome { true } else { false }
                let line = "message \(message.id) not sent: \(fault.summary) (\(response))"
                    + (isConfiguration ? "; check the mail settings and the credential" : "")
                    + ". The round ends here: \(waiting) message(s) wait, without an attempt counted, for the next try in \(Int(delay)) s"
                if isConfiguration { log.error(line) } else { log.warning(line) }
                report.retrying += waiting
                break sending
            case .transient(_, let response, let fault), .configuration(_, let response, let fault):
                try record(fault, response)
                if attempts >= Self.maxAttempts {
                    try store.markFailed(message.id, response: response)
                    log.error("message \(message.id) failed after \(attempts) attempts: \(response)")
                    report.failed += 1
                } else {
                    let delay = Self.backoff(attempts: attempts)
                    try store.markRetry(message.id, response: response, retryAt: now.addingTimeInterval(delay))
                    if case .configuration = outcome {
                        log.error("message \(message.id) refused by the mail server's configuration (\(response)); check the mail settings and the credential; retrying in \(Int(delay)) s")
                    } else {
                        log.warning("message \(message.id) not sent yet (\(response)); retrying in \(Int(delay)) s")
                    }
                    report.retrying += 1
                }
            case .permanent(_, let response):
                try record(.message, response)
                try store.markFailed(message.id, response: response)
                log.error("message \(message.id) refused permanently: \(response); the Co-OP'er hears of it in the next digest")
                report.failed += 1
            }
        }
        return report
    }

    /// Growing back-off: 1, 2, 4 … minutes, at most an hour, after the given number of failed
    /// attempts (of a message, or of rounds in a row that ended at server trouble).
    static func backoff(attempts: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(0, attempts - 1))), 3600)
    }

    /// The next moment something is due: a planned reminder or a retry.
    public func nextWake(after now: Date) throws -> Date? {
        let set = try AgendaSet(workspace: workspace, store: store)
        let planned = planner(try TrajectoryBook(workspace: workspace, store: store)).nextDue(for: set, config: workspace.config, after: now)
        let retry = try store.nextAttempt().map { max($0, now) }
        let failureReport = try store.unreportedFailures().isEmpty ? nil : nextMailMoment(after: now)
        let report = reportSchedule.next(after: now)?.sendAt
        let retention = try nextRetentionMoment(after: now)
        return [planned, retry, failureReport, report, retention].compactMap { $0 }.min()
    }

    /// The usual sending time on the first working day whose sending time is after `now`.
    private func nextMailMoment(after now: Date) -> Date {
        let config = workspace.config
        var day = config.timeZone.localDate(of: now)
        if config.reminders.sendAt(day, in: config.timeZone) <= now { day = day.adding(days: 1) }
        return config.reminders.sendAt(config.quietPeriods.firstWorkingDay(onOrAfter: day), in: config.timeZone)
    }
}
