import Foundation

/// A clock that starts at a chosen moment and then runs at real speed: `koers run --now`, so a
/// daemon can be started "on 31 August 2024 at 07:59:58" and send what is due two seconds later.
public struct RunningClock: WallClock {
    private let offset: TimeInterval

    public init(startingAt start: Date, realNow: Date = Date()) {
        offset = start.timeIntervalSince(realNow)
    }

    public func now() -> Date { Date().addingTimeInterval(offset) }

    /// The real moment at which this clock will show `moment`, for sleeping until it.
    public func realMoment(for moment: Date) -> Date { moment.addingTimeInterval(-offset) }
}
