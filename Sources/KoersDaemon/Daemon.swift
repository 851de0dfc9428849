import Foundation
import KoersFormats
import KoersMail
import KoersModel
import KoersServices
import KoersStore

/// `koers run`: load, plan, queue, send, then sleep until the next due moment or until something
/// happens. SIGHUP reloads (keeping the old configuration when the new one is invalid), SIGTERM and
/// SIGINT finish the message in flight (or cut it off after `DeliveryStop.grace`) and stop.
///
/// Its side effects besides the database and the mail come in at construction, the real ones by
/// default: the clock it reads and sleeps on, the `Wakeup` it sleeps in, what posts to it (signals,
/// the database watcher), systemd's notifications and the log. A test runs the loop on a thread with
/// a clock it moves on itself, and posts a stop or reload as a signal would.
public final class Daemon {
    let configPath: String
    let environment: [String: String]
    let clock: any AlarmClock
    let wakeup: Wakeup
    let wakeupSources: [any WakeupSource]
    let notifier: any ServiceNotifier
    let log: Log

    /// How a run ended; the command line turns it into an exit status.
    public enum Outcome: Sendable, Equatable {
        /// Stopped when asked (SIGTERM, SIGINT).
        case stopped
        /// Not started: the configuration, an agenda or the mail settings are invalid (logged).
        case invalidConfiguration
        /// Not started: another daemon runs on the same database.
        case alreadyRunning
        /// Not started: the database, or the lock file beside it, could not be opened or written.
        case storageFailure
    }

    public init(configPath: String, environment: [String: String], clock: any AlarmClock, wakeup: Wakeup = Wakeup(),
                wakeupSources: [any WakeupSource] = [SignalEvents(), DatabaseWatcher()],
                notifier: (any ServiceNotifier)? = nil, log: Log = Log()) {
        self.configPath = configPath
        self.environment = environment
        self.clock = clock
        self.wakeup = wakeup
        self.wakeupSources = wakeupSources
        self.notifier = notifier ?? SystemdNotifier(environment: environment)
        self.log = log
    }

    /// Longer without a turn than this is downtime: a running daemon wakes at least every midnight
    /// (a day may have 25 hours), so only a stopped one, or a clock jump, is silent this long.
    static let downtime: TimeInterval = 26 * 3600

    /// A turn long after the last one (the daemon was stopped, the machine suspended, the clock
    /// jumped) owes the Co-OP'er an overview at the next sending time.
    private func noticeDowntime(_ store: Store, now: Date) throws {
        guard let last = try store.daemonValue("last-run").flatMap(Timestamp.parse), now.timeIntervalSince(last) > Self.downtime,
              try store.overviewDue() == nil else { return }
        log.notice("no turn since \(Timestamp.format(last)): the Co-OP'er gets an overview at the next sending time")
        try store.setOverviewDue(.downtime(since: last))
    }

    /// Runs until stopped.
    public func run() -> Outcome {
        let workspace: Workspace
        do {
            workspace = try Workspace.load(configPath: configPath, environment: environment)
        } catch {
            for d in error.diagnostics { log.error(d.description) }
            log.error("not started: \(error.errors.count) error(s) in the configuration or agendas")
            return .invalidConfiguration
        }
        let store: Store
        let service: ReminderService
        let lock: DaemonLock
        do {
            store = try Store(path: workspace.config.databasePath)
            if let backup = store.backupPath {
                log.notice("database upgraded to schema version \(store.schemaVersion); the previous version is kept in \(backup)")
            }
            // Before touching the outbox: a second daemon would send the first one's messages again.
            lock = try DaemonLock.acquire(database: workspace.config.databasePath, startedAt: clock.now())
            let recovered = try store.recoverInterruptedSends()
            if recovered > 0 { log.warning("\(recovered) message(s) interrupted by a stop or crash will be sent again") }
            service = ReminderService(workspace: workspace, store: store,
                                      transport: try MailTransportFactory.make(workspace.config, environment: environment), log: log)
        } catch let error as TransportError {
            log.error("not started: \(error)")
            return .invalidConfiguration
        } catch let error as DaemonLock.Failure {
            log.error("not started: \(error)")
            if case .held = error { return .alreadyRunning }
            return .storageFailure
        } catch {
            log.error("not started: \(error)")
            return .storageFailure
        }
        releaseHeldMail(store)
        for source in wakeupSources { source.start(posting: wakeup, databasePath: workspace.config.databasePath) }
        defer {
            for source in wakeupSources { source.stop() }
            withExtendedLifetime(lock) {}
        }
        log.notice("started on \(workspace.config.databasePath) with \(workspace.agendas.count) agenda(s); mail via \(service.transport.description)")
        let site = SitePublisher(log: log)
        var readySent = false
        var configurationChanged = false
        var lastVersion = (try? store.externalChangeCounter()) ?? 0
        var turnFailed = false

        while true {
            let now = clock.now()
            var next: Date?
            do {
                // Read before the turn: a change another process commits during it wakes the next sleep.
                let version = try store.externalChangeCounter()
                if turnFailed {
                    // A write that failed after an attempt (database busy or full) left that message
                    // `sending`; it goes again now, as after a crash, not only at the next start.
                    try store.recoverInterruptedSends()
                    turnFailed = false
                }
                try noticeDowntime(store, now: now)
                try service.eraseExpiredTrajectories(now: now)
                try service.enqueueDue(now: now)
                let reports = try service.enqueueDueReports(now: now)
                site.publishIfNeeded(workspace: service.workspace, store: store, now: now, force: reports > 0 || configurationChanged)
                configurationChanged = false
                let report = try service.sendDue(now: now) { [wakeup] in wakeup.stopRequested }
                if report != ReminderService.SendReport() {
                    log.info("sent \(report.sent), retrying \(report.retrying), failed \(report.failed)")
                }
                next = try service.nextWake(after: now)
                try store.setDaemonValue("last-run", Timestamp.format(now))
                lastVersion = version
            } catch {
                log.error("this round failed; trying again in a minute, or sooner when the database changes: \(error)")
                turnFailed = true
                next = now.addingTimeInterval(60)
                try? store.setDaemonValue("last-error", "\(Timestamp.format(now)) \(error)")
            }
            let status = next.map { "next due \(Timestamp.format($0))" } ?? "nothing due"
            if let next { try? store.setDaemonValue("next-due", Timestamp.format(next)) }
            if readySent { notifier.status(status) } else { notifier.ready(status: status); readySent = true }

            // Also at midnight: "late" changes with the date on the site, and a turn a day tells the
            // next start that this was no downtime.
            let midnight = service.workspace.config.timeZone.moment(service.workspace.config.timeZone.localDate(of: now).adding(days: 1))
            let wake = min(next ?? midnight, midnight)
            var reason = wakeup.wait(until: wake, on: clock)
            while reason == .databaseChanged, (try? store.externalChangeCounter()) == lastVersion {
                reason = wakeup.wait(until: wake, on: clock)
            }
            switch reason {
            case .stop:
                notifier.stopping()
                log.notice("stopping")
                return .stopped
            case .reload:
                notifier.reloading()
                do {
                    let reloaded = try Workspace.load(configPath: configPath, environment: environment)
                    service.use(reloaded, transport: try MailTransportFactory.make(reloaded.config, environment: environment))
                    releaseHeldMail(store)
                    log.notice("reloaded the configuration and agendas; mail via \(service.transport.description)")
                    configurationChanged = true
                } catch let invalid as Workspace.Invalid {
                    for d in invalid.errors { log.error(d.description) }
                    log.error("reload refused: \(invalid.errors.count) error(s); still running on the previous configuration")
                } catch {
                    log.error("reload refused: \(error); still running on the previous configuration")
                }
                notifier.ready(status: "reloaded")
            case .deadline, .databaseChanged:
                continue
            }
        }
    }

    /// A start or reload may have fixed the mail settings: mail held back by the mail server's
    /// trouble is tried at once rather than at the end of its back-off.
    private func releaseHeldMail(_ store: Store) {
        guard let released = try? store.releaseHeldMessages(at: clock.now()), released > 0 else { return }
        log.notice("\(released) message(s) held back by mail server trouble are tried again now")
    }
}
