extension Planner {
    /// The reminders about one agenda's steps. Only steps open as of `now` count, in the half-year
    /// they are expected in as of `now` (a postponed step in its new half-year; the old half-year's
    /// reminders and escalations no longer apply).
    func planSteps(of entry: AgendaSet.Entry, into plan: inout Plan) {
        let agenda = entry.agenda
        for placed in agenda.placedSteps {
            let history = entry.history(placed.key)
            let status = history.status(asOf: plan.now)
            guard status.isOpen else { continue }
            let period = history.period(of: placed.step, asOf: plan.now)
            let deadline = placed.step.deadline(expectedIn: period)
            let subject = placed.key.description
            let text = ReminderText.oneLine(placed.step.text)
            let owners = plan.recipients.people(holding: placed.ownerRoles)
            let theme = placed.theme.title
            func detail(_ extra: String? = nil) -> String? {
                ReminderText.sentences([
                    text.cut ? ReminderText.oneLine(placed.step.text, limit: 1000).line : nil,
                    "Gepland voor \(period.dutchLabel)" + (period != placed.step.period ? " (uitgesteld, stond in \(placed.step.period.dutchLabel))" : ""),
                    "Status: \(status.dutch)",
                    "Rollen: " + ReminderText.duties(placed.roles, in: agenda),
                    extra,
                ])
            }

            // The start of the half-year: what is yours this half-year.
            let start = quiet.workingDay(max(rules.halfYearStartDay, 1) - 1, after: shiftedAfter(period.firstDay))
            let dueNote = period == placed.step.period ? placed.step.due.map { ", uiterlijk \($0.dutch)" } ?? "" : ""
            add(.halfYearStart, origin: agenda.id, subject: subject, occurrence: period.description, to: owners,
                sendOn: start, themeTitle: theme,
                title: "\(subject) \(text.line) — gepland voor \(period.dutchLabel)\(dueNote)", detail: detail(),
                eventDate: deadline, relevantThrough: deadline, into: &plan)

            // Before the deadline: still open.
            let ending = shiftedBefore(rules.halfYearEndLead.before(deadline, quiet: quiet))
            add(.halfYearEnding, origin: agenda.id, subject: subject, occurrence: period.description, to: owners,
                sendOn: ending, themeTitle: theme,
                title: "\(subject) \(text.line) — nog open, uiterlijk \(ReminderText.day(deadline)) (\(ReminderText.distance(from: ending, to: deadline)))",
                detail: detail(), eventDate: deadline, relevantThrough: deadline, into: &plan)

            // After the deadline: escalate.
            let overdueSince = deadline.adding(days: 1)
            let schedule = escalations(after: deadline)
            let deciders = plan.recipients.people(holding: placed.decidingRoles)
            let decidersOrCoordinator = deciders.isEmpty ? plan.recipients.people(holding: [rules.coordinatorRole]) : deciders
            for (index, escalation) in schedule.enumerated() {
                let number = index + 1
                let relevant = index + 1 < schedule.count
                    ? max(schedule[index + 1].sendOn.adding(days: -1), escalation.sendOn)
                    : (rules.repeatEvery ?? .weeks(4)).after(escalation.sendOn, quiet: quiet).adding(days: -1)
                let people = escalation.kind == .overdueToCoordinator
                    ? plan.recipients.people(holding: [rules.coordinatorRole]) : decidersOrCoordinator
                add(escalation.kind, origin: agenda.id, subject: subject, occurrence: "\(period)#\(number)", to: people,
                    sendOn: escalation.sendOn, themeTitle: theme,
                    title: "\(subject) \(text.line) — te laat sinds \(ReminderText.day(overdueSince))",
                    detail: detail("Uitvoering: \(ReminderText.roles(placed.ownerRoles, in: agenda)). Melding \(number) van \(schedule.count)"),
                    eventDate: deadline, relevantThrough: max(relevant, escalation.sendOn), into: &plan)
            }
        }
    }

    /// The escalations of a step still open after `deadline`, in order: the coordinator
    /// `escalateToCoordinatorAfter`, the deciders `escalateToDecidersAfter`, then the deciders again
    /// every `repeatEvery` (counted from the unshifted previous date), `maxReminders` in all. Each
    /// moved to the first working day on or after it.
    func escalations(after deadline: LocalDate) -> [(kind: Reminder.Kind, sendOn: LocalDate)] {
        var raw: [(Reminder.Kind, LocalDate)] = []
        let limit = max(rules.maxReminders, 0)
        if limit >= 1 { raw.append((.overdueToCoordinator, rules.escalateToCoordinatorAfter.after(deadline, quiet: quiet))) }
        if limit >= 2 { raw.append((.overdueToDeciders, rules.escalateToDecidersAfter.after(deadline, quiet: quiet))) }
        if limit >= 3, let every = rules.repeatEvery {
            var last = raw[1].1
            for _ in 3...limit {
                last = every.after(last, quiet: quiet)
                raw.append((.overdueToDeciders, last))
            }
        }
        return raw.map { (kind: $0.0, sendOn: shiftedAfter($0.1)) }
    }
}
