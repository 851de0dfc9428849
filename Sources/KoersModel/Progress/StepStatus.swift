/// Where a step stands. Derived from its history, never stored on its own.
public enum StepStatus: Hashable, Sendable, CustomStringConvertible {
    case planned
    case inProgress
    case done
    case postponed(to: HalfYear)
    case dropped

    public enum Kind: String, Sendable, CaseIterable {
        case planned, inProgress = "in-progress", done, postponed, dropped

        /// The status word alone, as histories and tables show it ("uitgesteld", without where to).
        public var dutch: String {
            switch self {
            case .planned: "gepland"
            case .inProgress: "in uitvoering"
            case .done: "afgerond"
            case .postponed: "uitgesteld"
            case .dropped: "vervallen"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .planned: .planned
        case .inProgress: .inProgress
        case .done: .done
        case .postponed: .postponed
        case .dropped: .dropped
        }
    }

    /// Done and dropped steps need nothing more from anyone.
    public var isOpen: Bool { self != .done && self != .dropped }

    public var description: String {
        if case .postponed(let to) = self { return "postponed to \(to)" }
        return kind.rawValue
    }

    /// One character that reads without colour: ✓ done, ▶ in progress, ○ planned, → postponed, ✗ dropped.
    public var mark: String {
        switch self {
        case .planned: "○"
        case .inProgress: "▶"
        case .done: "✓"
        case .postponed: "→"
        case .dropped: "✗"
        }
    }

    /// The status word, with where a postponed step went ("uitgesteld naar 2025-H1").
    public var dutch: String {
        if case .postponed(let to) = self { return "uitgesteld naar \(to)" }
        return kind.dutch
    }
}

extension StepStatus.Kind {
    /// Accepts the spellings people type: `in-progress`, `in_progress`, `inprogress`.
    public init?(parsing text: String) {
        let t = text.lowercased().replacingOccurrences(of: "_", with: "-")
        if t == "inprogress" { self = .inProgress; return }
        self.init(rawValue: t)
    }

    public static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
