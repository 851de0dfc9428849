import Foundation
@testable import KoersDaemon
@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport
import Synchronization

/// `koers run`'s loop in the test process, on a thread of its own, with the configuration of an
/// installation (`DaemonProcess`) and a `VirtualClock`: the test waits for it to fall asleep, moves
/// the clock on or posts what a signal or the database watcher would, and looks at what it did.
/// No signal handlers are installed in the test process; the database watcher only when asked.
/// Released, it is stopped, so a test that ends early leaves no loop behind.
final class InProcessDaemon: Sendable {
    let clock: VirtualClock
    let wakeup = Wakeup()
    let notifications = Notifications()
    private let lines = LogLines()
    private let outcome = Outcome()
    private let config: String
    private let watchDatabase: Bool
    private let whenLogged: @Sendable (String) -> Void

    /// `whenLogged` is called with each log line, on the loop's thread, as it is written: a test
    /// can act at a known point in the middle of a turn.
    init(_ installation: DaemonProcess, now: String, watchDatabase: Bool = false,
         whenLogged: @escaping @Sendable (String) -> Void = { _ in }) {
        clock = VirtualClock(Timestamp.parse(now)!)
        config = installation.config
        self.watchDatabase = watchDatabase
        self.whenLogged = whenLogged
    }

    deinit { wakeup.post(.stop) }

    /// Starts the loop; returns its first sleep, or nil when it did not start.
    @discardableResult
    func start() -> VirtualClock.Sleep? {
        let thread = Thread { [config, clock, wakeup, watchDatabase, notifications, lines, whenLogged, outcome] in
            let log = Log { line in
                lines.all.withLock { $0.append(line) }
                whenLogged(line)
            }
            let daemon = Daemon(configPath: config, environment: [:], clock: clock, wakeup: wakeup,
                                wakeupSources: watchDatabase ? [DatabaseWatcher()] : [], notifier: notifications, log: log)
            outcome.set(daemon.run())
            clock.end()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return clock.sleep()
    }

    /// Moves the clock to `moment` and waits for the loop to fall asleep again.
    func advance(to moment: String, after sleep: VirtualClock.Sleep?) -> VirtualClock.Sleep? {
        clock.advance(to: Timestamp.parse(moment)!)
        return clock.sleep(after: sleep)
    }

    /// What SIGTERM does, then the way the loop ended.
    func stop() -> Daemon.Outcome? {
        wakeup.post(.stop)
        return outcome.get()
    }

    /// How the loop ended, waiting up to a minute for it.
    func ended() -> Daemon.Outcome? { outcome.get() }

    var log: String { lines.text }

    /// What the loop told systemd, one line per notification.
    final class Notifications: ServiceNotifier {
        private let lines = Mutex<[String]>([])
        func ready(status: String) { lines.withLock { $0.append("READY \(status)") } }
        func status(_ status: String) { lines.withLock { $0.append("STATUS \(status)") } }
        func reloading() { lines.withLock { $0.append("RELOADING") } }
        func stopping() { lines.withLock { $0.append("STOPPING") } }
        var all: [String] { lines.withLock { $0 } }
    }

    /// The value `run` returned, once it did.
    final class Outcome: @unchecked Sendable {
        private let condition = NSCondition()
        private var value: Daemon.Outcome?

        func set(_ outcome: Daemon.Outcome) {
            condition.lock()
            value = outcome
            condition.broadcast()
            condition.unlock()
        }

        func get(limit: TimeInterval = 60) -> Daemon.Outcome? {
            let deadline = Date().addingTimeInterval(limit)
            condition.lock()
            defer { condition.unlock() }
            while value == nil, condition.wait(until: deadline) {}
            return value
        }
    }
}
