import Foundation
import KoersModel

/// `koers due`: per role, what is open in the current half-year and what is overdue from earlier
/// ones — the Co-OP'er's weekly look at who needs a nudge.
public struct DueView: Encodable, Sendable {
    public var asOf: String
    public var halfYear: String
    public var roles: [RoleGroup]

    public struct RoleGroup: Encodable, Sendable {
        public var role: String
        public var name: String
        public var people: [String]
        public var current: [StepSummary]
        public var overdue: [StepSummary]
    }

    public init(_ set: AgendaSet, config: Config, moment: Date, role: String? = nil) {
        let today = config.timeZone.localDate(of: moment)
        let now = today.halfYear
        asOf = Timestamp.format(moment)
        halfYear = now.description
        var groups: [String: RoleGroup] = [:]
        var order: [String] = []
        for entry in set.entries {
            for placed in entry.agenda.placedSteps {
                let summary = StepSummary(agenda: entry.agenda.id, placed: placed, history: entry.history(placed.key),
                                          moment: moment, today: today)
                guard summary.statusValue.isOpen else { continue }
                let isCurrent = summary.expectedHalfYear == now
                guard isCurrent || summary.overdue else { continue }
                for owner in placed.ownerRoles where role == nil || owner == role {
                    if groups[owner] == nil {
                        order.append(owner)
                        groups[owner] = RoleGroup(role: owner, name: entry.agenda.role(owner)?.name ?? owner,
                                                  people: config.people(holding: owner).map(\.name),
                                                  current: [], overdue: [])
                    }
                    if summary.overdue { groups[owner]!.overdue.append(summary) } else { groups[owner]!.current.append(summary) }
                }
            }
        }
        roles = order.map { groups[$0]! }
    }

    public func text() -> String {
        var out = ["Open en te laat — \(HalfYear(halfYear)!.dutchLabel)", ""]
        if roles.isEmpty { out.append("Niets open in dit halfjaar en niets te laat.") }
        for group in roles {
            out.append(TextLayout.wrap(group.name + (group.people.isEmpty ? "" : ": " + group.people.joined(separator: ", ")),
                                       indent: "    "))
            if !group.current.isEmpty {
                out.append("  Dit halfjaar:")
                for s in group.current { out.append(line(s)) }
            }
            if !group.overdue.isEmpty {
                out.append("  Te laat:")
                for s in group.overdue { out.append(line(s, since: true)) }
            }
            out.append("")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func line(_ s: StepSummary, since: Bool = false) -> String {
        var text = s.text
        if since, let d = s.overdueSinceDutch { text += " (sinds \(d), verwacht in \(s.expectedIn))" }
        let head = "    \(s.mark) \(TextLayout.pad(s.key, 6)) "
        return head + TextLayout.wrap(text, indent: String(repeating: " ", count: head.count), firstIndent: head.count)
    }
}
