extension Planner {
    /// The reminders about one agenda's steps. Only steps open as of `now` count, in the half-year
    /// they are expected in as of `now` (a postponed step in its new half-year; the old half-year's
    /// reminders and escalations no longer apply).
    func planSteps(of entry: AgendaSet.Entry, into plan: inout Plan) {
        let agenda = entry.agenda
        let coordinatorName = ReminderText.roleName(rules.coordinatorRole, in: agenda)
        let recipients = plan.recipients
        for placed in agenda.placedSteps {
            let history = entry.history(placed.key)
            let status = history.status(asOf: plan.now)
            guard status.isOpen else { continue }
            let period = history.period(of: placed.step, asOf: plan.now)
            let deadline = placed.step.deadline(expectedIn: period)
            let subject = placed.key.description
            let text = ReminderText.oneLine(placed.step.text)
            let theme = placed.theme.title
            let by = ReminderText.day(deadline)
            let duties = Dictionary(placed.roles.map { ($0.role, $0.duty) }, uniquingKeysWith: { a, _ in a })
            func owners() -> [Recipient] {
                recipients.holders(of: placed.ownerRoles) {
                    ReminderText.member(of: ReminderText.roleName($0, in: agenda), doing: duties[$0] ?? .executes)
                }
            }
            func detail() -> String? {
                ReminderText.sentences([
                    text.cut ? ReminderText.oneLine(placed.step.text, limit: 1000).line : nil,
                    "Gepland voor \(period.dutchLabel)" + (period != placed.step.period ? " (uitgesteld, stond in \(placed.step.period.dutchLabel))" : ""),
                    "Status: \(status.dutch)",
                    "Rollen: " + ReminderText.duties(placed.roles, in: agenda),
                ])
            }
            func notice(_ kind: Reminder.Kind, occurrence: String, sendOn: LocalDate, title: String, action: String,
                        countdown: Bool = false, relevantThrough: LocalDate) -> Notice {
                Notice(kind: kind, origin: agenda.id, subject: subject, occurrence: occurrence, sendOn: sendOn, themeTitle: theme,
                       title: "\(subject) \(text.line) — \(title)", action: action, detail: detail(),
                       countdownTo: countdown ? deadline : nil, eventDate: deadline, relevantThrough: relevantThrough)
            }

            // The start of the half-year: what is yours this half-year.
            let start = quiet.workingDay(max(rules.halfYearStartDay, 1) - 1, after: shiftedAfter(period.firstDay))
            add(notice(.halfYearStart, occurrence: period.description, sendOn: start,
                       title: "gepland voor \(period.dutchLabel), uiterlijk \(by)",
                       action: "Deze stap staat voor u gepland: rond hem af uiterlijk \(by). "
                           + "Laat de \(coordinatorName) weten wanneer u begint en wanneer hij klaar is.",
                       relevantThrough: deadline),
                sendOn: start, to: owners(), into: &plan)

            // Before the deadline: still open.
            let ending = shiftedBefore(rules.halfYearEndLead.before(deadline, quiet: quiet))
            add(notice(.halfYearEnding, occurrence: period.description, sendOn: ending,
                       title: "nog open, uiterlijk \(by)",
                       action: "Deze stap staat nog open. Rond hem af uiterlijk \(by), of laat de \(coordinatorName) "
                           + "weten dat hij moet worden uitgesteld.",
                       countdown: true, relevantThrough: deadline),
                sendOn: ending, to: owners(), into: &plan)

            // After the deadline: escalate.
            let overdueSince = ReminderText.day(deadline.adding(days: 1))
            let schedule = escalations(after: deadline)
            let ownerNames = ReminderText.roles(placed.ownerRoles, in: agenda)
            for (index, escalation) in schedule.enumerated() {
                let number = index + 1
                let relevant = index + 1 < schedule.count
                    ? max(schedule[index + 1].sendOn.adding(days: -1), escalation.sendOn)
                    : (rules.repeatEvery ?? .weeks(4)).after(escalation.sendOn, quiet: quiet).adding(days: -1)
                let count = "Dit is melding \(number) van \(schedule.count) over deze stap."
                let action: String
                let people: [Recipient]
                if escalation.kind == .overdueToCoordinator {
                    action = "Deze stap had uiterlijk \(by) af moeten zijn. Vraag \(ownerNames) naar de stand en leg die vast, "
                        + "of stel de stap uit naar een later halfjaar. " + count
                    people = recipients.holders(of: [rules.coordinatorRole]) { _ in ReminderText.coordinator(coordinatorName) }
                } else {
                    action = "Deze stap had uiterlijk \(by) af moeten zijn en staat nog open (uitvoering: \(ownerNames)). "
                        + "Besluit of hij opnieuw wordt gepland of vervalt, en laat het de \(coordinatorName) weten. " + count
                    let deciders = recipients.holders(of: placed.decidingRoles) {
                        ReminderText.member(of: ReminderText.roleName($0, in: agenda), doing: .decides)
                    }
                    people = !deciders.isEmpty ? deciders
                        : recipients.holders(of: [rules.coordinatorRole]) { _ in ReminderText.coordinatorForDeciders(coordinatorName) }
                }
                add(notice(escalation.kind, occurrence: "\(period)#\(number)", sendOn: escalation.sendOn,
                           title: "te laat sinds \(overdueSince)", action: action, relevantThrough: max(relevant, escalation.sendOn)),
                    sendOn: escalation.sendOn, to: people, into: &plan)
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
