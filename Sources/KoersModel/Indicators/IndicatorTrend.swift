/// Where an indicator is heading as of a report's day: the change of the latest measurement
/// since the point before it (the previous measurement, else the baseline), and how far it still
/// is from the target.
///
/// Without a baseline the start counts as 0, as in `IndicatorLine.progress`: agenda targets are
/// levels to grow to ("we groeien naar 30 leerwerkplekken").
public struct IndicatorTrend: Sendable, Equatable {
    public enum Direction: String, Sendable {
        case rising, falling, level
    }

    /// The point the change is measured from.
    public struct Point: Sendable, Equatable {
        public var value: Double
        public var date: PlannedDate
        public var isBaseline: Bool
    }

    public var latest: IndicatorMeasurement
    /// Nil when the latest measurement is the first point there is.
    public var previous: Point?
    public var direction: Direction?
    /// Latest minus previous.
    public var change: Double?
    /// True when the change brings the value closer to the target, false when it moves away; nil
    /// without a target, without a change, or once the target is reached.
    public var towardsTarget: Bool?
    /// From the latest measurement to the target, 0 once reached; nil without a target.
    public var remaining: Double?
    public var reached: Bool

    /// Nil without a measurement.
    public init?(_ line: IndicatorLine) {
        guard let latest = line.latest else { return nil }
        self.latest = latest
        let earlier = line.measurements.dropLast().last
        if let earlier {
            previous = Point(value: earlier.value, date: .day(earlier.on), isBaseline: false)
        } else if let baseline = line.baseline, let date = baseline.date {
            previous = Point(value: baseline.value, date: date, isBaseline: true)
        }
        if let previous {
            let change = Self.rounded(latest.value - previous.value)
            self.change = change
            direction = change > 0 ? .rising : change < 0 ? .falling : .level
        }
        guard let target = line.target?.value else {
            reached = false
            return
        }
        let start = line.baseline?.value ?? 0
        if target > start {
            reached = latest.value >= target
        } else if target < start {
            reached = latest.value <= target
        } else {
            reached = latest.value == target
        }
        remaining = reached ? 0 : Self.rounded(abs(target - latest.value))
        if !reached, let previous, direction != .level {
            towardsTarget = abs(target - latest.value) < abs(target - previous.value)
        }
    }

    /// Differences of decimal values without binary noise: 2,3 − 1,1 is 1,2, not 1,1999999999999997.
    static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}

extension IndicatorLine {
    /// The measurements on or after the first day of `period` (all are up to the report's day).
    public func measurements(in period: ReportPeriod) -> [IndicatorMeasurement] {
        measurements.filter { $0.on >= period.firstDay }
    }
}
