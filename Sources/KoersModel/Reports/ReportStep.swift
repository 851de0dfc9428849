/// How a step ended up in the report's period, as of the report's day. Unlike `StepStatus` this is
/// relative to the period: a step postponed beyond the period counts as postponed there even once
/// work on it has started.
public enum StepCategory: String, Sendable, CaseIterable {
    case done
    case inProgress = "in-progress"
    /// Open, and expected after the period.
    case postponed
    case dropped
    /// Open and expected within the period, not in progress: planned, or postponed to a later
    /// half-year of the same period (a yearly report). It may have been started before.
    case open

    public var dutch: String {
        switch self {
        case .done: "afgerond"
        case .inProgress: "in uitvoering"
        case .postponed: "uitgesteld"
        case .dropped: "vervallen"
        case .open: "open"
        }
    }

    /// The mark the views use, readable without colour.
    public var mark: String {
        switch self {
        case .done: "✓"
        case .inProgress: "▶"
        case .postponed: "→"
        case .dropped: "✗"
        case .open: "○"
        }
    }
}

/// A role by id with its name from the agenda ("directieteam", "Directieteam").
public struct RoleRef: Sendable, Equatable {
    public var id: String
    public var name: String
}

/// A step open after its deadline.
public struct Overdue: Sendable, Equatable {
    /// The half-year it was last expected in.
    public var expectedIn: HalfYear
    /// The step's own date when that lies after the half-year (KC-B7: "mrt 2025"), else nil.
    public var due: PlannedDate?
    /// The first day it was late.
    public var since: LocalDate
}

/// One recorded status change, as the report shows it.
public struct StatusChange: Sendable, Equatable {
    /// The day it took effect, in the agenda's time zone.
    public var on: LocalDate
    public var status: StepStatus
    /// The person's name from the configuration, else what was recorded.
    public var by: String?
    public var note: String?
}

/// A step in the report: where it stands as of the report's day, who carries it out, what happened.
public struct StepLine: Sendable, Equatable {
    public var key: StepKey
    public var text: String
    /// `LL-a`.
    public var activity: String
    /// The half-year column the agenda puts it in.
    public var period: HalfYear
    /// Where it is expected as of the report's day: the column, or where it was postponed to.
    public var expectedIn: HalfYear
    public var due: PlannedDate?
    public var phase: PDCAPhase?
    public var status: StepStatus
    public var category: StepCategory
    /// Roles that execute or propose it.
    public var owners: [RoleRef]
    /// Roles that decide on its activity.
    public var deciders: [RoleRef]
    /// Every half-year it was postponed to, in order, up to the report's day.
    public var postponements: [HalfYear]
    /// Work on it had begun by the report's day (it was in progress or done at some point), so an
    /// open step is never called "nog niet gestart" once it was, even after a postponement.
    public var started: Bool
    public var overdue: Overdue?
    /// Status changes within the period, up to the report's day, with their notes.
    public var changes: [StatusChange]

    public var ref: StepRef {
        StepRef(key: key, text: text, status: status, expectedIn: expectedIn, due: due, overdue: overdue)
    }
}

/// A step mentioned elsewhere in the report (milestones, look ahead): key, text and where it stands.
public struct StepRef: Sendable, Equatable {
    public var key: StepKey
    public var text: String
    public var status: StepStatus
    public var expectedIn: HalfYear
    public var due: PlannedDate?
    public var overdue: Overdue?

    /// The status mark, `!` when overdue.
    public var mark: String { overdue != nil ? "!" : status.mark }
}
