import Foundation

/// Where "now" comes from: the calendar moment on the wall, which `--now`, NTP or a suspend can
/// move (unlike `Swift.Clock`'s instants, which measure durations). Every scheduling decision asks
/// one, so tests and `--now` can run years in seconds.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The computer's clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock standing still at one moment: `--now`, and tests.
public struct FixedClock: WallClock {
    public let moment: Date
    public init(_ moment: Date) { self.moment = moment }
    public func now() -> Date { moment }
}
