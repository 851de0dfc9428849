import Foundation

/// An amount in euros, kept in whole cents so that sums of many entries never drift. Shown the
/// Dutch way: `€ 1.234,50`, `€ -250,00`.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var cents: Int

    public init(cents: Int) { self.cents = cents }

    public static let zero = Money(cents: 0)

    /// `450`, `450,5`, `450.50`, `-250`, optionally after `€`: at most two decimals and no
    /// thousands separators (see `DecimalInput`).
    public init?(parsing text: String) {
        var rest = text.trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("€") { rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) }
        guard let cents = DecimalInput(rest)?.hundredths else { return nil }
        self.cents = cents
    }

    /// `€ 1.234,50`: a point between thousands, a comma before the cents, the sign after the euro sign.
    public var dutch: String {
        let magnitude = cents.magnitude
        var euros = String(magnitude / 100)
        var groups: [Substring] = []
        while euros.count > 3 {
            groups.insert(Substring(euros.suffix(3)), at: 0)
            euros = String(euros.dropLast(3))
        }
        groups.insert(Substring(euros), at: 0)
        return "€ " + (cents < 0 ? "-" : "") + groups.joined(separator: ".") + "," + pad(Int(magnitude % 100), 2)
    }

    /// `1234.50`: the amount as a JSON number literal in euros, exact to the cent.
    public var decimal: String {
        (cents < 0 ? "-" : "") + String(cents.magnitude / 100) + "." + pad(Int(cents.magnitude % 100), 2)
    }

    /// The amount in euros as a number, for `--json` (1234.5).
    public var euros: Double { Double(cents) / 100 }

    public var description: String { dutch }

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
}
