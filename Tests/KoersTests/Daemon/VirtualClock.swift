import Foundation
@testable import KoersDaemon
@testable import KoersModel

/// A clock for the daemon's loop that moves only when the test moves it. It tells the test when the
/// daemon has fallen asleep on it and until when, so a test waits for the loop to be done with a
/// turn instead of for real seconds to pass, and `advance` wakes it as the moment arriving would.
final class VirtualClock: AlarmClock, @unchecked Sendable {
    /// One time the daemon fell asleep: numbered from 1 in order, and the moment it sleeps until.
    struct Sleep: Equatable, CustomStringConvertible {
        let number: Int
        let until: Date
        var description: String { "sleep \(number) until \(Timestamp.format(until))" }
    }

    private let state = NSCondition()
    private var moment: Date
    private var sleeps = 0
    private var current: (sleep: Sleep, condition: NSCondition)?
    private var ended = false

    init(_ start: Date) { moment = start }

    func now() -> Date {
        state.lock()
        defer { state.unlock() }
        return moment
    }

    func wait(on condition: NSCondition, until wake: Date) -> Bool {
        state.lock()
        guard moment < wake else {
            state.unlock()
            return false
        }
        sleeps += 1
        current = (Sleep(number: sleeps, until: wake), condition)
        state.broadcast()
        state.unlock()
        // The caller holds `condition` until this wait releases it, so an `advance` that saw this
        // sleep cannot signal before the wait begins.
        condition.wait()
        state.lock()
        defer { state.unlock() }
        current = nil
        return moment < wake
    }

    /// Moves the clock to `moment`, waking the daemon if it sleeps.
    func advance(to moment: Date) {
        state.lock()
        self.moment = moment
        let sleeper = current?.condition
        state.unlock()
        sleeper?.lock()
        sleeper?.broadcast()
        sleeper?.unlock()
    }

    /// The daemon's loop returned: nobody will sleep on this clock any more.
    func end() {
        state.lock()
        ended = true
        state.broadcast()
        state.unlock()
    }

    /// Waits (at most `limit` real seconds) until the daemon sleeps, a sleep later than `previous`
    /// that satisfies `condition`; nil when it did not, or the loop ended.
    func sleep(after previous: Sleep? = nil, limit: TimeInterval = 60,
               where condition: (Sleep) -> Bool = { _ in true }) -> Sleep? {
        let deadline = Date().addingTimeInterval(limit)
        state.lock()
        defer { state.unlock() }
        while true {
            if let sleep = current?.sleep, sleep.number > previous?.number ?? 0, condition(sleep) { return sleep }
            if ended || !state.wait(until: deadline) { return nil }
        }
    }
}
