import Foundation

/// A mean level as an exact fraction. Strongest points and points to develop are chosen by
/// comparing means, and a tie must be a tie (7/3 from three answers and 14/6 from six), not a
/// matter of floating-point rounding; changes between rounds are exact differences.
public struct ScanMean: Sendable, Hashable, Comparable {
    public let numerator: Int
    /// Always positive; the fraction is kept reduced.
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "a mean over nothing")
        let sign = denominator < 0 ? -1 : 1
        let divisor = Swift.max(1, Self.gcd(abs(numerator), abs(denominator)))
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    /// The mean of `values`; nil when there are none.
    public static func of(_ values: [Int]) -> ScanMean? {
        values.isEmpty ? nil : ScanMean(values.reduce(0, +), values.count)
    }

    /// The mean of means, each counting once; nil when there are none.
    public static func of(_ means: [ScanMean]) -> ScanMean? {
        guard !means.isEmpty else { return nil }
        let sum = means.dropFirst().reduce(means[0], +)
        return ScanMean(sum.numerator, sum.denominator * means.count)
    }

    public static func + (a: ScanMean, b: ScanMean) -> ScanMean {
        ScanMean(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public static func - (a: ScanMean, b: ScanMean) -> ScanMean {
        ScanMean(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public static func < (a: ScanMean, b: ScanMean) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    public var isPositive: Bool { numerator > 0 }
    public var isNegative: Bool { numerator < 0 }

    /// Rounded to `places` decimals, halves away from zero, with a decimal point: "2.33".
    public func decimal(places: Int) -> String {
        let scale = (0..<places).reduce(1) { value, _ in value * 10 }
        let magnitude = (2 * abs(numerator) * scale + denominator) / (2 * denominator)
        let whole = magnitude / scale, fraction = magnitude % scale
        let sign = numerator < 0 && magnitude > 0 ? "-" : ""
        guard places > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + "\(whole)." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// One decimal with a decimal comma, as Dutch readers expect: "2,3".
    public var dutch: String { decimal(places: 1).replacingOccurrences(of: ".", with: ",") }

    /// A change with its sign: "+0,5", "−0,3" (a real minus sign), "0,0".
    public var signedDutch: String {
        let text = dutch
        if text.hasPrefix("-") { return "−" + text.dropFirst() }
        return text == "0,0" ? text : "+" + text
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
