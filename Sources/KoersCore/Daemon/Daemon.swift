import Foundation

/// `koers run`: load, plan, queue, send, then sleep until the next due moment or until something
/// happens. SIGHUP reloads (keeping the old configuration when the new one is invalid), SIGTERM and
/// SIGINT finish the message in flight (or cut it off after `DeliveryStop.grace`) and stop.
public final class Daemon {
    let configPath: String
    let environment: [String: String]
    let clock: RunningClock
    let log: Log
    let notifier: SystemdNotifier

    public init(configPath: String, environment: [String: String], clock: RunningClock, log: Log = Log(),
                notifier: SystemdNotifier? = nil) {
        self.configPath = configPath
        self.environment = environment
        self.clock = clock
        self.log = log
        self.notifier = notifier ?? SystemdNotifier(environment: environment)
    }

    /// Runs until stopped; returns the exit status.
    public func run() -> ExitCode {
        let workspace: Workspace
        do {
            workspace = try Workspace.load(configPath: configPath, environment: environment)
        } catch {
            for d in error.diagnostics { log.error(d.description) }
            log.error("not started: \(error.errors.count) error(s) in the configuration or agendas")
            return .invalidData
        }
        let store: Store
        let service: ReminderService
        do {
            store = try Store(path: workspace.config.databasePath)
            if let backup = store.backupPath {
                log.notice("database upgraded to schema version \(store.schemaVersion); the previous version is kept in \(backup)")
            }
            let recovered = try store.recoverInterruptedSends()
            if recovered > 0 { log.warning("\(recovered) message(s) interrupted by a stop or crash will be sent again") }
            service = ReminderService(workspace: workspace, store: store,
                                      transport: try MailTransportFactory.make(workspace.config, environment: environment), log: log)
        } catch let error as TransportError {
            log.error("not started: \(error)")
            return .invalidData
        } catch {
            log.error("not started: \(error)")
            return .storage
        }
        releaseHeldMail(store)
        let wakeup = Wakeup()
        let signals = SignalEvents(wakeup)
        let watcher = DatabaseWatcher(databasePath: workspace.config.databasePath, wakeup: wakeup)
        try? store.setDaemonValue("pid", String(getpid()))
        log.notice("started with \(workspace.agendas.count) agenda(s); mail via \(service.transport.description)")
        let site = SitePublisher(log: log)
        var readySent = false
        var configurationChanged = false
        var lastVersion = (try? store.externalChangeCounter()) ?? 0
        var turnFailed = false
        defer { withExtendedLifetime((signals, watcher)) {} }

        while true {
            let now = clock.now()
            var next: Date?
            do {
                if turnFailed {
                    // A write that failed after an attempt (database busy or full) left that message
                    // `sending`; it goes again now, as after a crash, not only at the next start.
                    try store.recoverInterruptedSends()
                    turnFailed = false
                }
                try service.eraseExpiredTrajectories(now: now)
                try service.enqueueDue(now: now)
                let reports = try service.enqueueDueReports(now: now)
                site.publishIfNeeded(workspace: service.workspace, store: store, now: now, force: reports > 0 || configurationChanged)
                configurationChanged = false
                let report = try service.sendDue(now: now) { wakeup.stopRequested }
                if report != ReminderService.SendReport() {
                    log.info("sent \(report.sent), retrying \(report.retrying), failed \(report.failed)")
                }
                next = try service.nextWake(after: now)
                try store.setDaemonValue("last-run", Timestamp.format(now))
                lastVersion = try store.externalChangeCounter()
            } catch {
                log.error("this round failed; trying again in a minute, or sooner when the database changes: \(error)")
                turnFailed = true
                next = now.addingTimeInterval(60)
                try? store.setDaemonValue("last-error", "\(Timestamp.format(now)) \(error)")
            }
            let status = next.map { "next due \(Timestamp.format($0))" } ?? "nothing due"
            if let next { try? store.setDaemonValue("next-due", Timestamp.format(next)) }
            if readySent { notifier.status(status) } else { notifier.ready(status: status); readySent = true }

            var reason = wakeup.wait(until: next.map(clock.realMoment(for:)))
            while reason == .databaseChanged, (try? store.externalChangeCounter()) == lastVersion {
                reason = wakeup.wait(until: next.map(clock.realMoment(for:)))
            }
            switch reason {
            case .stop:
                notifier.stopping()
                try? store.setDaemonValue("pid", "0")
                log.notice("stopping")
                return .ok
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
