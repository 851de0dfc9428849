extension Planner {
    /// `milestoneAhead`: each occurrence × each lead time, counted back from the occurrence's first
    /// day, to the holders of the milestone's roles and the coordinator. An occurrence whose linked
    /// steps are all done or dropped as of `now` is cancelled; one with no linked steps always counts.
    /// A milestone moved in a revised agenda has other occurrences, so the old reminders are gone.
    func planMilestones(of entry: AgendaSet.Entry, into plan: inout Plan) {
        let agenda = entry.agenda
        let span = rules.milestoneLeadTimes.map(\.roughCalendarDays).max() ?? 0
        for milestone in agenda.milestones {
            let occurrences = milestone.occurrences(through: occurrenceLimit(milestone, of: entry, span: span, plan: plan))
            let linked = milestone.steps.isEmpty ? [:]
                : MilestoneView.assign(milestone.steps, of: entry, to: occurrences, moment: plan.now, today: plan.today)
            let coordinatorName = ReminderText.roleName(rules.coordinatorRole, in: agenda)
            let duties = Dictionary(milestone.roles.map { ($0.role, $0.duty) }, uniquingKeysWith: { a, _ in a })
            let recipients = plan.recipients
            let people = { recipients.holders(of: milestone.roles.map(\.role) + [rules.coordinatorRole]) { role in
                duties[role].map { ReminderText.member(of: ReminderText.roleName(role, in: agenda), doing: $0, what: "deze mijlpaal") }
                    ?? "U ontvangt dit als \(coordinatorName): u hoort van elke mijlpaal."
            } }
            let theme = themeTitle(of: milestone, in: agenda)
            for (index, occurrence) in occurrences.enumerated() {
                let steps = linked[index] ?? []
                if !steps.isEmpty && steps.allSatisfy({ !$0.statusValue.isOpen }) { continue }
                let first = occurrence.firstDay
                let subject = "\(milestone.id)@\(occurrence)"
                let title = ReminderText.oneLine(milestone.title).line
                let open = steps.filter(\.statusValue.isOpen)
                let action = (occurrence.firstDay == occurrence.lastDay
                    ? "Dit staat op \(ReminderText.day(first))."
                    : "Dit staat in \(occurrence.dutch) en begint \(ReminderText.day(first)).")
                    + (open.isEmpty ? "" : " Wat ervoor af moet zijn: " + open.map {
                        "\($0.key) \(ReminderText.oneLine($0.text, limit: 60).line) (\($0.statusValue.dutch))"
                    }.joined(separator: "; ") + ".")
                for lead in rules.milestoneLeadTimes {
                    let sendOn = shiftedBefore(lead.before(first, quiet: quiet))
                    add(Notice(kind: .milestoneAhead, origin: agenda.id, subject: subject, occurrence: lead.description, sendOn: sendOn,
                               themeTitle: theme, title: "\(title) — \(occurrence.dutch)", action: action,
                               detail: milestoneDetail(milestone, in: agenda), countdownTo: first,
                               eventDate: first, relevantThrough: shiftedAfter(first)),
                        sendOn: sendOn, to: people(), into: &plan)
                }
            }
        }
    }

    /// How far to compute occurrences: past the window by the longest lead time and a margin for
    /// quiet periods, and far enough past every linked step that each step is given to the same
    /// occurrence whatever the window.
    private func occurrenceLimit(_ milestone: Milestone, of entry: AgendaSet.Entry, span: Int, plan: Plan) -> LocalDate {
        var limit = max(plan.through.adding(days: span + 400), milestone.when.lastDay)
        for key in milestone.steps {
            guard let placed = entry.agenda.placedStep(key) else { continue }
            limit = max(limit, entry.history(key).period(of: placed.step, asOf: plan.now).lastDay)
            if let due = placed.step.due { limit = max(limit, due.lastDay) }
        }
        return limit.adding(months: 36)
    }

    /// The title of the theme its first linked step, or else its first linked activity, belongs to.
    func themeTitle(of milestone: Milestone, in agenda: Agenda) -> String? {
        let code = milestone.steps.first?.themeCode ?? milestone.activities.first?.themeCode
        return code.flatMap { code in agenda.themes.first { $0.code == code }?.title }
    }

    /// The milestone's description and roles; its open steps are in the action already.
    private func milestoneDetail(_ milestone: Milestone, in agenda: Agenda) -> String? {
        ReminderText.sentences([
            milestone.description.map { ReminderText.oneLine($0, limit: 400).line },
            milestone.roles.isEmpty ? nil : "Rollen: " + ReminderText.duties(milestone.roles, in: agenda),
        ])
    }
}
