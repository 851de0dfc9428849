import Foundation

/// How the daemon sleeps: until a moment on its clock, or until something happens (a signal, a
/// change to the database). No polling: a sleep with nothing due waits on a condition.
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

    /// Sleeps until a posted reason arrives or `clock` shows `moment`; stop wins over everything
    /// else, reload over a database change.
    public func wait(until moment: Date, on clock: any AlarmClock) -> Reason {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty {
            if !clock.wait(on: condition, until: moment) && pending.isEmpty { return .deadline }
        }
        let reasons = pending
        pending.removeAll()
        if reasons.contains(.stop) { return .stop }
        if reasons.contains(.reload) { return .reload }
        return reasons[0]
    }
}
