import Foundation

/// A step as every list shows it: key, text, where it is expected, its status as of a moment.
public struct StepSummary: Encodable, Sendable {
    public var agenda: String
    public var key: String
    public var theme: String
    public var activity: String
    public var text: String
    /// The half-year column the agenda puts it in.
    public var period: String
    /// Where it is expected now: the column, or where it was postponed to.
    public var expectedIn: String
    public var due: String?
    public var phase: String?
    public var status: String
    public var postponedTo: String?
    /// Open after the end of the half-year it is expected in.
    public var overdue: Bool
    /// The first day it was overdue.
    public var overdueSince: String?
    public var roles: [RoleSummary]

    public struct RoleSummary: Encodable, Sendable {
        public var role: String
        public var does: String

        package init(role: String, does: String) {
            self.role = role
            self.does = does
        }

        /// The role as people read it: its name from the agenda and what it does,
        /// "Schoolleiders OOK (stelt voor)"; the id only for a role the agenda does not name.
        public func dutch(in agenda: Agenda?) -> String {
            let name = agenda?.role(role)?.name ?? role
            return Duty(rawValue: does).map { "\(name) (\($0.dutch))" } ?? name
        }
    }

    package var statusValue: StepStatus
    package var expectedHalfYear: HalfYear

    enum CodingKeys: String, CodingKey {
        case agenda, key, theme, activity, text, period, expectedIn, due, phase, status, postponedTo,
             overdue, overdueSince, roles
    }

    package init(agenda: String, placed: PlacedStep, history: StepHistory, moment: Date, today: LocalDate) {
        let status = history.status(asOf: moment)
        let expected = history.period(of: placed.step, asOf: moment)
        self.agenda = agenda
        key = placed.key.description
        theme = placed.theme.id
        activity = placed.activity.key.description
        text = placed.step.text
        period = placed.step.period.description
        expectedIn = expected.description
        due = placed.step.due?.description
        phase = placed.step.phase?.rawValue
        self.status = status.kind.rawValue
        if case .postponed(let to) = status { postponedTo = to.description }
        let lastDay = placed.step.deadline(expectedIn: expected)
        overdue = status.isOpen && lastDay < today
        overdueSince = overdue ? lastDay.adding(days: 1).description : nil
        roles = placed.roles.map { RoleSummary(role: $0.role, does: $0.duty.rawValue) }
        statusValue = status
        expectedHalfYear = expected
    }

    /// The status mark, with `!` for overdue: readable without colour.
    package var mark: String { overdue ? "!" : statusValue.mark }

    /// Moved to another half-year than its column, whatever it is now: in progress or done after a
    /// postponement too.
    package var isPostponed: Bool { expectedIn != period }

    /// "1 januari 2024": the first day it was overdue, in words.
    package var overdueSinceDutch: String? { overdueSince.map { PlannedDate($0)?.dutch ?? $0 } }
}
