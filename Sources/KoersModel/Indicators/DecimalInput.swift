/// A decimal number as people write it on the command line or in an agenda file: `18`, `72,5`,
/// `72.5`, `-3`. A comma or a point may come before at most two decimals. Thousands separators
/// are refused, not guessed: "1.234" could mean either, so three decimals are not accepted. An
/// exponent is refused too.
package struct DecimalInput: Equatable, Sendable {
    var negative: Bool
    /// The digits before the decimal separator (at least one).
    var whole: String
    /// The digits after it (possibly none).
    var fraction: String

    /// Enough for any count or amount Koers records, small enough to stay exact in cents.
    static let maximumWholeDigits = 12

    package init?(_ text: String) {
        var rest = Substring(text)
        negative = rest.first == "-"
        if negative || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false) }
        guard parts.count == 1 || parts.count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let whole = parts.first, !whole.isEmpty, whole.count <= Self.maximumWholeDigits else { return nil }
        if parts.count == 2 && !(1...2).contains(parts[1].count) { return nil }
        self.whole = String(whole)
        fraction = parts.count == 2 ? String(parts[1]) : ""
    }

    package var double: Double {
        Double((negative ? "-" : "") + whole + "." + (fraction.isEmpty ? "0" : fraction)) ?? 0
    }

    /// The value in hundredths (cents, hundredths of an hour).
    package var hundredths: Int {
        let value = (Int(whole) ?? 0) * 100 + (Int(fraction + String(repeating: "0", count: 2 - fraction.count)) ?? 0)
        return negative ? -value : value
    }
}
