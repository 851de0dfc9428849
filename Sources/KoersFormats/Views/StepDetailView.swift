import Foundation
import KoersModel

/// `koers show STEP`: everything about one step — its theme, activity and roles, the milestones it
/// carries, and its full history.
public struct StepDetailView: Encodable, Sendable {
    public var step: StepSummary
    public var agendaTitle: String
    public var themeTitle: String
    public var activityText: String
    public var subitems: [String]
    public var responsibilities: String?
    public var note: String?
    public var milestones: [MilestoneRef]
    public var history: [HistoryLine]
    /// The step's roles as people read them, "Directies (voert uit)", for the terminal.
    var roleNames: [String] = []

    enum CodingKeys: String, CodingKey {
        case step, agendaTitle, themeTitle, activityText, subitems, responsibilities, note, milestones, history
    }

    public struct MilestoneRef: Encodable, Sendable {
        public var id: String
        public var title: String
        /// The occurrence this step carries out (the 2024 zelfscan for the 2024 scan step), not the
        /// milestone's first.
        public var when: String
    }

    public struct HistoryLine: Encodable, Sendable {
        public var at: String
        public var recordedAt: String
        public var status: String
        public var postponedTo: String?
        public var by: String?
        public var note: String?
    }

    /// `milestones` are those the step carries out (`Agenda.milestonesByStep`).
    public init(entry: AgendaSet.Entry, placed: PlacedStep, milestones: [Milestone], config: Config, moment: Date) {
        let tz = config.timeZone
        let history = entry.history(placed.key)
        step = StepSummary(agenda: entry.agenda.id, placed: placed, history: history, moment: moment,
                           today: tz.localDate(of: moment))
        agendaTitle = entry.agenda.title
        themeTitle = placed.theme.title
        activityText = placed.activity.text
        subitems = placed.activity.subitems.map { "\($0.id). \($0.text)" }
        responsibilities = placed.activity.responsibilities
        note = placed.step.note
        let today = tz.localDate(of: moment)
        self.milestones = milestones.map { milestone in
            MilestoneRef(id: milestone.id, title: milestone.title,
                         when: Self.occurrence(of: milestone, carriedOutBy: placed, in: entry, moment: moment, today: today).description)
        }
        roleNames = step.roles.map { $0.dutch(in: entry.agenda) }
        self.history = history.events.filter { $0.at <= moment }.map { event in
            var postponedTo: String?
            if case .postponed(let to) = event.status { postponedTo = to.description }
            return HistoryLine(at: Timestamp.format(event.at), recordedAt: Timestamp.format(event.recordedAt),
                               status: event.status.kind.rawValue, postponedTo: postponedTo,
                               by: event.by.map { config.person($0)?.name ?? $0 }, note: event.note)
        }
    }

    /// The occurrence of a (recurring) milestone that the step is given to, as the milestones view
    /// and the site assign it: the one its half-year or date overlaps, else the nearest.
    static func occurrence(of milestone: Milestone, carriedOutBy placed: PlacedStep, in entry: AgendaSet.Entry,
                           moment: Date, today: LocalDate) -> PlannedDate {
        let expected = entry.history(placed.key).period(of: placed.step, asOf: moment)
        let limit = [milestone.when.lastDay, expected.lastDay, placed.step.due?.lastDay ?? expected.lastDay].max()!
        let all = milestone.occurrences(through: limit.adding(months: 36))
        let assigned = MilestoneView.assign([placed.key], of: entry, to: all, moment: moment, today: today)
        return assigned.keys.first.map { all[$0] } ?? milestone.when
    }

    public func text(timeZone: AgendaTimeZone) -> String {
        var out: [String] = []
        out.append(TextLayout.wrap("\(step.key)  \(step.text)", indent: "    "))
        out.append(TextLayout.rule())
        out.append("Status:      \(step.mark) \(step.statusValue.dutch)"
                   + (step.overdueSinceDutch.map { ", te laat sinds \($0)" } ?? ""))
        out.append("Gepland in:  \(HalfYear(step.period)!.dutchLabel) (\(step.period))")
        // A postponed step's status already says where it went.
        if step.isPostponed, step.postponedTo == nil {
            out.append("Verwacht in: \(step.expectedHalfYear.dutchLabel) (\(step.expectedIn)), na uitstel")
        }
        if let due = step.due.flatMap(PlannedDate.init) { out.append("Datum:       \(due.dutch)") }
        if let phase = step.phase.flatMap(PDCAPhase.init) { out.append("PDCA-fase:   \(phase.dutchLabel)") }
        out.append(TextLayout.labelled("Waarborg:", themeTitle))
        out.append(TextLayout.labelled("Activiteit:", "\(step.activity.split(separator: "-").last!). \(activityText)"))
        for item in subitems { out.append(TextLayout.labelled("", item)) }
        for role in roleNames { out.append(TextLayout.labelled("Rol:", role)) }
        if let responsibilities {
            out.append(TextLayout.labelled("Taken:", responsibilities.replacingOccurrences(of: "\n\n", with: " ")))
        }
        for m in milestones { out.append(TextLayout.labelled("Mijlpaal:", "\(m.title) (\(PlannedDate(m.when)?.dutch ?? m.when))")) }
        if let note { out.append(TextLayout.labelled("Noot:", note)) }
        out.append("")
        out.append("Geschiedenis")
        if history.isEmpty { out.append("  (nog niets vastgelegd)") }
        for line in history {
            let at = Timestamp.parse(line.at).map { timeZone.localDate(of: $0).description } ?? line.at
            var status = StepStatus.Kind(rawValue: line.status)?.dutch ?? line.status
            if let to = line.postponedTo { status += " naar \(to)" }
            var text = "  \(at)  \(status)"
            if let by = line.by { text += " — \(by)" }
            out.append(text)
            if let note = line.note { out.append(TextLayout.labelled("", note, column: 14)) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
