import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGHUP into a reload and SIGTERM/SIGINT into a stop, delivered through Dispatch sources on
/// a private queue (no Swift work inside a C signal handler).
public final class SignalEvents: WakeupSource, @unchecked Sendable {
    private let queue = DispatchQueue(label: "koers.signals")
    private var sources: [DispatchSourceSignal] = []

    public init() {}

    public func start(posting wakeup: Wakeup, databasePath: String) {
        signal(SIGPIPE, SIG_IGN)
        // A parent may have started us with these signals blocked (Foundation's Process passes its
        // thread's mask on); blocked, they would never arrive.
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGHUP, SIGTERM, SIGINT] { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for (number, reason) in [(SIGHUP, Wakeup.Reason.reload), (SIGTERM, .stop), (SIGINT, .stop)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { wakeup.post(reason) }
            source.resume()
            sources.append(source)
        }
    }

    public func stop() {
        sources.forEach { $0.cancel() }
        sources = []
    }

    deinit { stop() }
}
