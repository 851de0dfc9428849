import Foundation

/// Where "now" comes from. Every scheduling decision asks a clock, so tests and `--now` can run
/// years in seconds.
public protocol Clock: Sendable {
    func now() -> Date
}

/// The computer's clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock standing still at one moment: `--now`, and tests.
public struct FixedClock: Clock {
    public let moment: Date
    public init(_ moment: Date) { self.moment = moment }
    public func now() -> Date { moment }
}
