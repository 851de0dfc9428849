import Foundation

/// How the daemon sleeps: until a deadline, or until something happens (a signal, a change to the
/// database). No polling: a sleep with nothing due waits on a condition.
public final class Wakeup: @unchecked Sendable {
    /// Why the daemon woke up.
    public enum Reason: Sendable, Equatable { case deadline, reload, stop, databaseChanged }

    private let condition = NSCondition()
    private var pending: [Reason] = []
    private var stopPosted = false

    public init() {}

    /// Wakes the sleeper with a reason; safe from any thread (signal and file-watch queues).
    public func post(_ reason: Reason) {
        condition.lock()
        pending.append(reason)
        if reason == .stop { stopPosted = true }
        condition.signal()
        condition.unlock()
    }

    /// True once a stop was posted: asked between the messages of a send batch, and about once a
    /// second while a message is being sent.
    public var stopRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopPosted
    }

    /// Sleeps until a posted reason arrives or `deadline` (in real time) passes; stop wins over
    /// everything else, reload over a database change.
    public func wait(until deadline: Date?) -> Reason {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty {
            if let deadline {
                if !condition.wait(until: deadline) && pending.isEmpty { return .deadline }
            } else {
                condition.wait()
            }
        }
        let reasons = pending
        pending.removeAll()
        if reasons.contains(.stop) { return .stop }
        if reasons.contains(.reload) { return .reload }
        return reasons[0]
    }
}
