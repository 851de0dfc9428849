import Foundation
import KoersSystem

/// Speaks systemd's notify protocol (`READY=1`, `STATUS=…`, `RELOADING=1`, `STOPPING=1`) directly
/// over `$NOTIFY_SOCKET`, so no libsystemd is needed. Without the variable (not under systemd) it
/// does nothing.
public struct SystemdNotifier: ServiceNotifier {
    private let socketPath: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var isActive: Bool { socketPath != nil }

    /// Sends one datagram; failures are ignored, as systemd's own `sd_notify` callers do.
    public func send(_ fields: [String: String]) {
        guard let socketPath else { return }
        let text = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        try? DatagramSocket.send(Array(text.utf8), to: socketPath)
    }

    public func ready(status: String) { send(["READY": "1", "STATUS": status]) }
    public func status(_ status: String) { send(["STATUS": status]) }
    public func stopping() { send(["STOPPING": "1"]) }

    /// systemd 252 has no Type=notify-reload; RELOADING=1 with MONOTONIC_USEC, then READY=1.
    public func reloading() {
        send(["RELOADING": "1", "MONOTONIC_USEC": String(MonotonicClock.microseconds)])
    }
}
