import Foundation
import KoersModel

/// `koers agenda`: the plan as the document shows it — per theme, activities as rows and half-years
/// as columns, each step with a status mark — followed by the steps in full.
public struct AgendaView: Encodable, Sendable {
    public struct Filter: Sendable {
        public var theme: String?
        public var period: HalfYear?
        public var role: String?
        public var status: StepStatus.Kind?
        public var overdueOnly = false

        public init(theme: String? = nil, period: HalfYear? = nil, role: String? = nil,
                    status: StepStatus.Kind? = nil) {
            self.theme = theme
            self.period = period
            self.role = role
            self.status = status
        }

        func accepts(_ s: StepSummary) -> Bool {
            if let period, s.period != period.description && s.expectedIn != period.description { return false }
            if let role, !s.roles.contains(where: { $0.role == role }) { return false }
            if let status, s.status != status.rawValue { return false }
            return true
        }

        func accepts(_ theme: Theme) -> Bool {
            guard let wanted = self.theme?.lowercased() else { return true }
            return theme.id == wanted || theme.code.lowercased() == wanted || theme.title.lowercased() == wanted
        }
    }

    public var agendas: [AgendaPart]
    public var asOf: String

    public struct AgendaPart: Encodable, Sendable {
        public var id: String
        public var title: String
        public var organisation: String
        public var version: String
        public var horizon: [String]
        public var themes: [ThemePart]
        /// The agenda's role names by id, for the terminal rendering ("Schoolleiders OOK").
        var roleNames: [String: String] = [:]

        enum CodingKeys: String, CodingKey { case id, title, organisation, version, horizon, themes }
    }

    public struct ThemePart: Encodable, Sendable {
        public var id: String
        public var code: String
        public var title: String
        public var goal: String
        public var activities: [ActivityPart]
    }

    public struct ActivityPart: Encodable, Sendable {
        public var key: String
        public var id: String
        public var text: String
        public var roles: [StepSummary.RoleSummary]
        public var steps: [StepSummary]
    }

    public enum FilterError: Error, CustomStringConvertible {
        case unknownTheme(String, known: [String])
        case unknownRole(String, known: [String])
        public var description: String {
            switch self {
            case .unknownTheme(let t, let known): "no theme \"\(t)\"; expected a theme id, code or title: \(known.joined(separator: ", "))"
            case .unknownRole(let r, let known): "no role \"\(r)\"; expected one of: \(known.joined(separator: ", "))"
            }
        }
    }

    public init(_ set: AgendaSet, filter: Filter, moment: Date, timeZone: AgendaTimeZone) throws(FilterError) {
        let today = timeZone.localDate(of: moment)
        asOf = Timestamp.format(moment)
        let allThemes = set.entries.flatMap(\.agenda.themes)
        if let theme = filter.theme, !allThemes.contains(where: filter.accepts) {
            throw .unknownTheme(theme, known: allThemes.map { "\($0.code) (\($0.id))" })
        }
        if let role = filter.role, !set.entries.contains(where: { $0.agenda.role(role) != nil }) {
            throw .unknownRole(role, known: Array(Set(set.entries.flatMap { $0.agenda.roles.map(\.id) })).sorted())
        }
        agendas = set.entries.map { entry in
            let agenda = entry.agenda
            let themes = agenda.themes.filter(filter.accepts).map { theme in
                ThemePart(id: theme.id, code: theme.code, title: theme.title, goal: theme.goal,
                          activities: theme.activities.compactMap { activity in
                    let steps = activity.steps.map { step in
                        StepSummary(agenda: agenda.id, placed: PlacedStep(theme: theme, activity: activity, step: step),
                                    history: entry.history(StepKey(themeCode: theme.code, stepID: step.id)),
                                    moment: moment, today: today)
                    }.filter(filter.accepts)
                    let filtering = filter.period != nil || filter.role != nil || filter.status != nil
                    if filtering && steps.isEmpty { return nil }
                    return ActivityPart(key: activity.key.description, id: activity.id, text: activity.text,
                                        roles: activity.roles.map { .init(role: $0.role, does: $0.duty.rawValue) },
                                        steps: steps)
                })
            }.filter { !$0.activities.isEmpty || filter.period == nil && filter.role == nil && filter.status == nil }
            var columns = agenda.horizon.halfYears
            for theme in themes {
                for activity in theme.activities {
                    for step in activity.steps {
                        for h in [step.period, step.expectedIn].compactMap(HalfYear.init) where !columns.contains(h) {
                            columns.append(h)
                        }
                    }
                }
            }
            if let period = filter.period { columns = [period] }
            return AgendaPart(id: agenda.id, title: agenda.title,
                              organisation: agenda.organisation.shortName ?? agenda.organisation.name,
                              version: agenda.version, horizon: columns.sorted().map(\.description), themes: themes,
                              roleNames: Dictionary(agenda.roles.map { ($0.id, $0.name) }) { first, _ in first })
        }
    }

    /// The terminal rendering: at most 80 columns wide.
    public func text(timeZone: AgendaTimeZone) -> String {
        var out: [String] = []
        let day = Timestamp.parse(asOf).map { timeZone.localDate(of: $0) }
        for agenda in agendas {
            out.append(TextLayout.wrap("\(agenda.title) — \(agenda.organisation), versie \(agenda.version)"))
            if let day { out.append("Stand per \(PlannedDate.day(day).dutch)") }
            out.append("")
            for theme in agenda.themes {
                out.append(TextLayout.rule("═"))
                out.append(TextLayout.wrap("\(theme.title.uppercased()) (\(theme.code))"))
                out.append(TextLayout.wrap("Doel: " + theme.goal.replacingOccurrences(of: "\n\n", with: " "), indent: "      "))
                out.append("")
                out += matrix(theme, columns: agenda.horizon.compactMap(HalfYear.init))
                out.append("")
                for activity in theme.activities {
                    out.append(TextLayout.wrap("\(activity.id). \(activity.text)", indent: "   "))
                    let roles = activity.roles.map { role in
                        let name = agenda.roleNames[role.role] ?? role.role
                        return Duty(rawValue: role.does).map { "\(name) (\($0.dutch))" } ?? name
                    }.joined(separator: " · ")
                    out.append(TextLayout.wrap("   Rollen: " + roles, indent: "           "))
                    for step in activity.steps { out.append(stepLine(step)) }
                    out.append("")
                }
            }
        }
        out.append(TextLayout.wrap("✓ afgerond  ▶ in uitvoering  ○ gepland  → uitgesteld (» waar hij nu staat)  ✗ vervallen  "
                                   + "! te laat"))
        return out.joined(separator: "\n") + "\n"
    }

    /// Activities × half-years; a postponed step shows `→` in its own column, whatever it is now,
    /// and, marked `»`, in the half-year it moved to.
    private func matrix(_ theme: ThemePart, columns: [HalfYear]) -> [String] {
        guard !columns.isEmpty else { return [] }
        let label = 4
        let perBlock = max(1, min(columns.count, (TextLayout.width - label) / 12))
        var lines: [String] = []
        for start in stride(from: 0, to: columns.count, by: perBlock) {
            let block = Array(columns[start..<min(columns.count, start + perBlock)])
            let cell = (TextLayout.width - label) / block.count
            lines.append(TextLayout.pad("", label) + block.map { TextLayout.pad($0.description, cell) }.joined())
            for activity in theme.activities {
                var cells: [[String]] = block.map { h in
                    activity.steps.filter { $0.period == h.description }
                        .map { "\($0.isPostponed ? "→" : $0.mark) \($0.key.split(separator: "-").last!)" }
                        + activity.steps.filter { $0.expectedIn == h.description && $0.period != h.description }
                            .map { "» \($0.key.split(separator: "-").last!)" }
                }
                let height = max(1, cells.map(\.count).max() ?? 1)
                for i in cells.indices { cells[i] += Array(repeating: "", count: height - cells[i].count) }
                for row in 0..<height {
                    let name = row == 0 ? "  \(activity.id)" : ""
                    let text = TextLayout.pad(name, label) + cells.map { TextLayout.pad($0[row], cell) }.joined()
                    lines.append(String(text.reversed().drop(while: { $0 == " " }).reversed()))
                }
            }
        }
        return lines
    }

    private func stepLine(_ step: StepSummary) -> String {
        let id = step.key.split(separator: "-").last.map(String.init) ?? step.key
        var head = "   \(step.mark) \(TextLayout.pad(id, 3)) \(step.period)  "
        var text = step.text
        if let due = step.due.flatMap(PlannedDate.init) { text += " [\(due.dutch)]" }
        if step.isPostponed { text += " (uitgesteld naar \(step.expectedIn))" }
        if step.statusValue == .dropped { text += " (vervallen)" }
        if let since = step.overdueSinceDutch { text += " (te laat sinds \(since))" }
        head = TextLayout.pad(head, 19)
        return head + TextLayout.wrap(text, indent: String(repeating: " ", count: 19), firstIndent: 19)
    }
}

