import Foundation
import KoersModel

/// The daemon's clock: the time, and sleeping until a moment of it. `RunningClock` sleeps in real
/// time; a test's clock sleeps until the test moves it on, so a test of the daemon's loop never
/// waits for real seconds to pass.
public protocol AlarmClock: WallClock {
    /// Waits on `condition`, which the caller has locked, until this clock shows `moment` or the
    /// condition is signalled; false when the moment came.
    func wait(on condition: NSCondition, until moment: Date) -> Bool
}

extension RunningClock: AlarmClock {
    public func wait(on condition: NSCondition, until moment: Date) -> Bool {
        condition.wait(until: realMoment(for: moment))
    }
}
