import Foundation

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

    public struct MilestoneRef: Encodable, Sendable {
        public var id: String
        public var title: String
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
        self.milestones = milestones.map { MilestoneRef(id: $0.id, title: $0.title, when: $0.when.description) }
        self.history = history.events.filter { $0.at <= moment }.map { event in
            var postponedTo: String?
            if case .postponed(let to) = event.status { postponedTo = to.description }
            return HistoryLine(at: Timestamp.format(event.at), recordedAt: Timestamp.format(event.recordedAt),
                               status: event.status.kind.rawValue, postponedTo: postponedTo,
                               by: event.by.map { config.person($0)?.name ?? $0 }, note: event.note)
        }
    }

    public func text(timeZone: AgendaTimeZone) -> String {
        var out: [String] = []
        out.append(TextLayout.wrap("\(step.key)  \(step.text)", indent: "    "))
        out.append(TextLayout.rule())
        out.append("Status:      \(step.mark) \(step.statusValue.dutch)"
                   + (step.overdueSince.map { ", te laat sinds \($0)" } ?? ""))
        out.append("Gepland in:  \(HalfYear(step.period)!.dutchLabel) (\(step.period))")
        if step.expectedIn != step.period { out.append("Verwacht in: \(step.expectedIn)") }
        if let due = step.due.flatMap(PlannedDate.init) { out.append("Datum:       \(due.dutch)") }
        if let phase = step.phase { out.append("PDCA-fase:   \(phase.uppercased())") }
        out.append(TextLayout.labelled("Waarborg:", themeTitle))
        out.append(TextLayout.labelled("Activiteit:", "\(step.activity.split(separator: "-").last!). \(activityText)"))
        for item in subitems { out.append(TextLayout.labelled("", item)) }
        for role in step.roles {
            out.append(TextLayout.labelled("Rol:", "\(role.role) \(Duty(rawValue: role.does)!.dutch)"))
        }
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
