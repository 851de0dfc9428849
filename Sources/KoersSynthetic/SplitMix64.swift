/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014), so that the
/// synthetic agendas are the same bytes on every machine and every run: a benchmark row or a fault
/// test names a seed, not a file. Foundation's and the system's generators are seeded from the
/// machine and cannot be replayed.
///
/// Not for anything secret.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `range` (at most 2³² values wide), by multiply-and-shift rather than the standard
    /// library's `random(in:using:)`, whose reduction may change between Swift releases; the bias
    /// is below 2⁻³².
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(width.multipliedFullWidth(by: next()).high)
    }

    /// True with probability `p` (0…1).
    public mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) * 0x1p-53 < p }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...items.count - 1)] }

    /// A generator for a part of the output (agenda `index`, say) that does not shift when another
    /// part draws more or fewer numbers.
    public func derived(_ index: UInt64) -> SplitMix64 {
        var copy = SplitMix64(seed: state ^ (index &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return copy
    }
}
