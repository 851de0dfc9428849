import Dispatch
import Foundation
import KoersSystem

/// Turns SIGHUP into a reload and SIGTERM/SIGINT into a stop, delivered through Dispatch sources on
/// a private queue (no Swift work inside a C signal handler).
public final class SignalEvents: WakeupSource, @unchecked Sendable {
    private let queue = DispatchQueue(label: "koers.signals")
    private var sources: [DispatchSourceSignal] = []

    public init() {}

    public func start(posting wakeup: Wakeup, databasePath: String) {
        Signals.ignore(.brokenPipe)
        Signals.unblock([.hangUp, .terminate, .interrupt])
        for (signal, reason) in [(Signals.Signal.hangUp, Wakeup.Reason.reload), (.terminate, .stop), (.interrupt, .stop)] {
            Signals.ignore(signal)
            let source = DispatchSource.makeSignalSource(signal: signal.rawValue, queue: queue)
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
