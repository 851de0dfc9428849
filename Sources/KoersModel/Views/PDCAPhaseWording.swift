/// The PDCA phase as a Dutch reader sees it: its letter with the Dutch verb, "D (uitvoeren)",
/// never the agenda format's English value (`do`). Explained once in every legend that goes with
/// a view that shows a phase.
extension PDCAPhase {
    /// "P", "D", "C", "A".
    public var letter: String { String(rawValue.prefix(1)).uppercased() }

    public var dutch: String {
        switch self {
        case .plan: "plannen"
        case .do: "uitvoeren"
        case .check: "controleren"
        case .act: "bijstellen"
        }
    }

    /// "D (uitvoeren)".
    public var dutchLabel: String { "\(letter) (\(dutch))" }

    /// "PDCA-fase (Plan-Do-Check-Act): P plannen · D uitvoeren · C controleren · A bijstellen".
    public static let legend = "PDCA-fase (Plan-Do-Check-Act): "
        + allCases.map { "\($0.letter) \($0.dutch)" }.joined(separator: " · ")
}
