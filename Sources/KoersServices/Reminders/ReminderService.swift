import Foundation
import KoersFormats
import KoersMail
import KoersModel
import KoersStore

/// One turn of the daemon, the same code for `koers run` and `koers preview`: plan what is due at a
/// moment, queue it in the outbox (once per reminder key), and send what the outbox holds.
public final class ReminderService {
    public private(set) var workspace: Workspace
    let store: Store
    package private(set) var transport: any MailTransport
    let log: Log

    /// What a send round did, for logs and `systemd` status.
    public struct SendReport: Sendable, Equatable {

        package init() {

        }
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

    /// How far back the first start for an agenda looks for notices of things still ahead (a
    /// reminder moved to before the summer holiday, for a meeting right after it).
    static let startLookbackDays = 200

    /// When mail goes out: at the sending time of a working day. A turn before it (a start at
    /// 07:59) or on a quiet day waits for the next one; a turn later on a working day sends at once.
    func sendingMoment(after now: Date) -> (day: LocalDate, at: Date) {
        let config = workspace.config
        let today = config.timeZone.localDate(of: now)
        if !config.quietPeriods.isQuiet(today) { return (today, max(now, config.reminders.sendAt(today, in: config.timeZone))) }
        let day = config.quietPeriods.firstWorkingDay(onOrAfter: today)
        return (day, config.reminders.sendAt(day, in: config.timeZone))
    }

    /// The agendas whose start was dealt with. A database from before they were tracked, with a
    /// daemon that ran, has no new agendas.
    private func handledAgendas() throws -> Set<String> {
        if let handled = try store.handledAgendas() { return handled }
        return try store.plannedThrough() == nil ? [] : Set(workspace.agendas.map(\.id))
    }

    /// What is due at `now` and was not handled before: from the day planned through (`plannedThrough`)
    /// to today, and for agendas the daemon has not run on, their past (`startLookbackDays`). Of that
    /// past only notices of milestones and events still ahead can go out; the rest is `startSkipped`.
    private func dueReminders(_ set: AgendaSet, planner: Planner, newAgendas: [AgendaSet.Entry], plannedThrough: LocalDate?,
                              now: Date) throws -> (fresh: [Reminder], startSkipped: [Reminder]) {
        let today = workspace.config.timeZone.localDate(of: now)
        var candidates: [String: Reminder] = [:]
        for r in planner.reminders(for: set, config: workspace.config, from: min(plannedThrough ?? today, today), through: today, now: now)
        where r.sendAt <= now { candidates[r.key] = r }
        var startSkipped: [Reminder] = []
        if !newAgendas.isEmpty {
            var past = planner
            if plannedThrough != nil { past.sources = [] }
            for r in past.reminders(for: AgendaSet(entries: newAgendas), config: workspace.config,
                                    from: today.adding(days: -Self.startLookbackDays), through: today, now: now)
            where r.sendAt <= now && candidates[r.key] == nil {
                if r.kind == .milestoneAhead || r.kind == .eventAhead { candidates[r.key] = r } else { startSkipped.append(r) }
            }
        }
        let handled = try store.handledReminderKeys(Array(candidates.keys) + startSkipped.map(\.key))
        return (candidates.values.filter { !handled.contains($0.key) }.sorted(by: Reminder.ordered),
                startSkipped.filter { !handled.contains($0.key) })
    }

    /// Of several notices of one thing to one person, the latest (`current`); the others, and any
    /// notice older than one already handled (after the clock jumped back), are `superseded`.
    private func inOrder(_ fresh: [Reminder]) throws -> (current: [Reminder], superseded: [Reminder]) {
        var latest = try store.latestHandledDays(about: Set(fresh.map(\.about)))
        for r in fresh { latest[r.about] = max(latest[r.about] ?? r.sendOn, r.sendOn) }
        return (fresh.filter { latest[$0.about]! == $0.sendOn }, fresh.filter { latest[$0.about]! > $0.sendOn })
    }

    /// Queues every reminder due at `now` that was not handled before, one mail per person per day,
    /// at the sending time.
    ///
    /// Reminders missed while Koers was not running (or the clock jumped) go out at the next sending
    /// time, merged into that day's mail and worded for that day, if still relevant then; of several
    /// notices of one thing only the latest is sent, and none after a later one already went out.
    /// For an agenda Koers has never run on, the past is not mailed: notices of milestones and events
    /// still ahead go out, the rest is the Co-OP'er's overview, so she can bring the recorded state up
    /// to date before anyone is reminded of steps that may long be done.
    @discardableResult
    public func enqueueDue(now: Date) throws -> (queued: Int, stale: Int) {
        let config = workspace.config
        let today = config.timeZone.localDate(of: now)
        let plannedThrough = try store.plannedThrough()
        let handledAgendas = try handledAgendas()
        let set = try AgendaSet(workspace: workspace, store: store)
        let trajectories = try TrajectoryBook(workspace: workspace, store: store)
        let planner = planner(trajectories)
        let newAgendas = set.entries.filter { !handledAgendas.contains($0.agenda.id) }

        let (fresh, startSkipped) = try dueReminders(set, planner: planner, newAgendas: newAgendas, plannedThrough: plannedThrough, now: now)
        let (current, superseded) = try inOrder(fresh)

        // Before the sending time, or on a quiet day, nothing is decided: the turn at the sending
        // time sees it all, and the overview tells all of it.
        let sending = sendingMoment(after: now)
        guard sending.at <= now else {
            let owed = try store.overviewDue() != nil
            let pending = owed || !fresh.isEmpty || !startSkipped.isEmpty || !newAgendas.isEmpty
            try store.setCatchUpAt(pending ? sending.at : nil)
            return (0, 0)
        }
        let outdated = current.filter { $0.sendOn < today && $0.relevantThrough < sending.day }
        var waiting: [Reminder] = []
        var byPerson = Dictionary(grouping: current.filter { $0.sendOn == today || $0.relevantThrough >= sending.day }, by: \.personID)
        // One mail per person per day: what comes up after someone's mail of today waits for the next.
        let startOfToday = config.timeZone.moment(today)
        for person in byPerson.keys.sorted() where try store.hasDigest(for: person, queuedSince: startOfToday) {
            waiting += byPerson.removeValue(forKey: person) ?? []
        }
        let ready = byPerson.values.flatMap { $0 }
        var digests = Digest.group(ready.map { var r = $0; r.sendOn = today; return r })

        let owed = try store.overviewDue() ?? (newAgendas.isEmpty ? nil : .start(agendas: newAgendas.map(\.agenda.id)))
        let coordinators = config.people(holding: config.reminders.coordinatorRole)
        let failures = try store.unreportedFailures()
        let unheld = UnheldRoleNotice(workspace.rolesWithoutHolders, in: set)
        let tellUnheld = try unheld.mustTell(store)
        if owed != nil || !failures.isEmpty || tellUnheld {
            // An overview, failures or roles nobody holds alone make a mail only at the sending time
            // and only for a Co-OP'er who has had no mail today; otherwise they wait for her next one.
            for coordinator in coordinators where !digests.contains(where: { $0.personID == coordinator.id }) {
                if try store.hasDigest(for: coordinator.id, queuedSince: startOfToday) { continue }
                digests.append(Digest(personID: coordinator.id, sendOn: today, sendAt: now, groups: []))
            }
        }

        let stale = superseded + outdated + startSkipped
        try store.recordStale(stale.map { (key: $0.key, sendOn: $0.sendOn) }, at: now)
        let plannedOn = Dictionary(fresh.map { ($0.key, $0.sendOn) }, uniquingKeysWith: { a, _ in a })
        let mail = ReminderMail(config: config)
        var queued = 0
        var overviewQueued = false, unheldTold = false
        for digest in digests.sorted(by: { $0.personID < $1.personID }) {
            let keys = digest.reminders.map(\.key).sorted()
            guard let person = trajectories.recipient(digest.personID) else {
                log.warning("\(keys.count) reminder(s) for a person no longer in the configuration or a trajectory recorded as stale")
                try store.recordStale(digest.reminders.map { (key: $0.key, sendOn: $0.sendOn) }, at: now)
                continue
            }
            let isCoordinator = coordinators.contains { $0.id == person.id }
            let reported = isCoordinator ? failures : []
            let overview = isCoordinator ? owed : nil
            let told = isCoordinator && (tellUnheld || overview != nil) ? unheld.section : nil
            let sections = (overview.map {
                StartOverview(config: config, set: set, trajectories: trajectories, planner: planner, now: now, day: today,
                              sent: ready, notSent: stale).sections(for: $0)
            } ?? []) + [told].compactMap { $0 }
            let content = (keys + reported.map { "failed:\($0.id)" }).joined(separator: ",")
            let key = overview == nil ? "digest|\(person.id)|\(today)|" + SHA256.hex(SHA256.hash(Array(content.utf8))).prefix(16)
                                      : "overview|\(person.id)|\(today)"
            let message = mail.message(for: person, digest: digest,
                                       failures: reported.map { .init(recipient: $0.recipient, subject: $0.subject, response: $0.lastResponse ?? "") },
                                       sections: sections, subject: overview.map { _ in "\(sections[0].heading) (\(PlannedDate.day(today).dutch))" },
                                       date: now, key: key)
            let bytes = try MessageBuilder.build(message, timeZone: config.timeZone.timeZone)
            observer?(person, message, digest.reminders.map { ReminderMail.heading($0, on: today) })
            if try store.enqueue(.init(key: key, person: person.id, recipient: person.email, subject: message.subject,
                                       message: bytes, messageID: message.messageID, reminderKeys: keys, sendOn: today,
                                       plannedOn: plannedOn), at: now) {
                queued += 1
            }
            overviewQueued = overviewQueued || overview != nil
            unheldTold = unheldTold || told != nil
            if !reported.isEmpty { try store.markReported(reported.map(\.id), at: now) }
        }
        // The start of an agenda is dealt with; an overview not delivered (her mail of today went
        // already) waits for the next sending time.
        if owed != nil && coordinators.isEmpty { log.warning("an overview is due, but nobody holds the role \(config.reminders.coordinatorRole)") }
        try store.write {
            try store.setOverviewDue(overviewQueued || coordinators.isEmpty ? nil : owed)
            if unheldTold || unheld.roles.isEmpty { try unheld.recordTold(store) }
            try store.setHandledAgendas(handledAgendas.union(set.entries.map(\.agenda.id)))
            try store.setCatchUpAt(waiting.isEmpty ? nil : nextMailMoment(after: now))
            try store.setPlannedThrough(waiting.map(\.sendOn).min().map { min($0, today) } ?? today)
        }
        if queued > 0 || !stale.isEmpty || !waiting.isEmpty {
            log.info("queued \(queued) message(s) for \(ready.count) reminder(s); \(stale.count) stale reminder(s) recorded; "
                     + "\(waiting.count) waiting for the sending time")
        }
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

    /// Erases the trajectories whose retention period is over at `now` (`Retention`); returns how many.
    @discardableResult
    public func eraseExpiredTrajectories(now: Date) throws -> Int {
        let erased = try Retention(workspace: workspace, store: store).eraseExpired(now: now)
        if erased > 0 {
            log.info("erased \(erased) trajectory(ies) whose retention period of \(workspace.config.privacy.retentionMonths) month(s) ended")
        }
        return erased
    }

    /// The next moment something is due: a planned reminder or a retry.
    public func nextWake(after now: Date) throws -> Date? {
        let set = try AgendaSet(workspace: workspace, store: store)
        let planned = planner(try TrajectoryBook(workspace: workspace, store: store)).nextDue(for: set, config: workspace.config, after: now)
        let retry = try store.nextAttempt().map { max($0, now) }
        let failureReport = try store.unreportedFailures().isEmpty ? nil : nextMailMoment(after: now)
        let report = reportSchedule.next(after: now)?.sendAt
        let retention = try Retention(workspace: workspace, store: store).nextMoment(after: now)
        let catchUp = try store.catchUpAt().flatMap { $0 > now ? $0 : nil }
        // An overview still owed after a turn waits for a sending time: today's if it is still to
        // come, else (her mail of today went already) the next.
        let owed = try store.overviewDue() != nil || !Set(workspace.agendas.map(\.id)).isSubset(of: try handledAgendas())
        let sending = sendingMoment(after: now)
        let overview = owed ? (sending.at > now ? sending.at : nextMailMoment(after: now)) : nil
        return [planned, retry, failureReport, report, retention, catchUp, overview].compactMap { $0 }.min()
    }

    /// The usual sending time on the first working day whose sending time is after `now`.
    private func nextMailMoment(after now: Date) -> Date {
        let config = workspace.config
        var day = config.timeZone.localDate(of: now)
        if config.reminders.sendAt(day, in: config.timeZone) <= now { day = day.adding(days: 1) }
        return config.reminders.sendAt(config.quietPeriods.firstWorkingDay(onOrAfter: day), in: config.timeZone)
    }
}
