/// Which status changes make sense. Refusing the others keeps the history honest: a step is not
/// "done" twice, and a postponement always says to when.
public enum StatusTransition {
    /// Why a change is refused, in words that say what to do instead.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case unchanged(StepKey, StepStatus)
        case notAllowed(StepKey, from: StepStatus, to: StepStatus.Kind)
        case postponeNeedsTarget(StepKey)
        case targetOnlyForPostpone(StepKey)
        case postponeNotLater(StepKey, current: HalfYear, target: HalfYear)
        case postponeIntoPast(StepKey, target: HalfYear, now: HalfYear)

        public var description: String {
            switch self {
            case .unchanged(let key, let status):
                return "\(key) is already \(status); nothing recorded"
            case .notAllowed(let key, let from, let to):
                let hint: String
                switch from {
                case .done: hint = "a done step can only be reopened (in-progress)"
                case .dropped: hint = "a dropped step can only be put back (planned)"
                default: hint = "allowed from \(from.kind.rawValue): " + StatusTransition.allowed(from: from).map(\.rawValue).joined(separator: ", ")
                }
                return "\(key) cannot go from \(from) to \(to.rawValue); \(hint)"
            case .postponeNeedsTarget(let key):
                return "postponing \(key) needs the half-year it moves to: add --to YYYY-H1 or --to YYYY-H2"
            case .targetOnlyForPostpone(let key):
                return "--to only goes with postponed; to postpone \(key), use: koers set \(key) postponed --to YYYY-Hn"
            case .postponeNotLater(let key, let current, let target):
                return "\(key) is expected in \(current); postponing means moving it later than that, not to \(target)"
            case .postponeIntoPast(let key, let target, let now):
                return "\(target) has already ended; postpone \(key) to \(now) or later"
            }
        }
    }

    public static func allowed(from: StepStatus) -> [StepStatus.Kind] {
        switch from {
        case .planned: [.inProgress, .done, .postponed, .dropped]
        case .inProgress: [.done, .postponed, .dropped]
        case .postponed: [.inProgress, .done, .postponed, .dropped]
        case .done: [.inProgress]
        case .dropped: [.planned]
        }
    }

    /// Checks a change for a step currently `current`, expected in `period`, at a moment in `now`.
    public static func check(_ key: StepKey, from current: StepStatus, to kind: StepStatus.Kind,
                             target: HalfYear?, period: HalfYear, now: HalfYear) throws(Refusal) -> StepStatus {
        if kind != .postponed && target != nil { throw .targetOnlyForPostpone(key) }
        let next: StepStatus
        switch kind {
        case .planned: next = .planned
        case .inProgress: next = .inProgress
        case .done: next = .done
        case .dropped: next = .dropped
        case .postponed:
            guard let target else { throw .postponeNeedsTarget(key) }
            guard target > period else { throw .postponeNotLater(key, current: period, target: target) }
            guard target >= now else { throw .postponeIntoPast(key, target: target, now: now) }
            next = .postponed(to: target)
        }
        if next == current { throw .unchanged(key, current) }
        guard allowed(from: current).contains(kind) else { throw .notAllowed(key, from: current, to: kind) }
        return next
    }
}
