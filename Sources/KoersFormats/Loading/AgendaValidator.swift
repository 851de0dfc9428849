import KoersModel

/// The checks a careful reader of an agenda would make: ids that clash, references to nothing
/// (roles are checked where they are read, by `DefinedRoles`), steps outside the plan's horizon,
/// a step linked to a milestone in another half-year, gaps in numbering, half-years with nothing
/// planned. Runs only on structurally valid files, so the positions of model elements match the
/// file.
struct AgendaValidator {
    let agenda: Agenda
    let log: DiagnosticLog
    let root: JSONNode

    func validate() {
        let top = Cursor(root: root)
        checkUnique(agenda.roles.map(\.id), at: { top["roles"][$0]["id"] }, what: "role id")
        checkUnique(agenda.themes.map(\.id), at: { top["themes"][$0]["id"] }, what: "theme id")
        checkUnique(agenda.themes.map(\.code), at: { top["themes"][$0]["code"] }, what: "theme code")
        checkUnique(agenda.milestones.map(\.id), at: { top["milestones"][$0]["id"] }, what: "milestone id")
        checkUnique(agenda.indicators.map(\.id), at: { top["indicators"][$0]["id"] }, what: "indicator id")

        for (t, theme) in agenda.themes.enumerated() {
            let themeCursor = top["themes"][t]
            checkUnique(theme.activities.map(\.id), at: { themeCursor["activities"][$0]["id"] }, what: "activity id")
            var stepIDs: [String] = [], stepCursors: [Cursor] = []
            var planned: Set<HalfYear> = []
            for (a, activity) in theme.activities.enumerated() {
                let activityCursor = themeCursor["activities"][a]
                checkNumbering(activity, theme: theme, at: activityCursor)
                for (s, step) in activity.steps.enumerated() {
                    let cursor = activityCursor["steps"][s]
                    stepIDs.append(step.id)
                    stepCursors.append(cursor["id"])
                    planned.insert(step.period)
                    checkPlacement(step, key: "\(theme.code)-\(step.id)", at: cursor)
                }
            }
            checkUnique(stepIDs, at: { stepCursors[$0] }, what: "step id in theme \(theme.title)")
            let empty = agenda.horizon.halfYears.filter { !planned.contains($0) }
            if !empty.isEmpty {
                themeCursor["title"].warning(log, "theme \"\(theme.title)\" has nothing planned in "
                    + empty.map(\.description).joined(separator: ", "))
            }
        }
        checkMilestones(top)
        for (i, indicator) in agenda.indicators.enumerated() {
            if let theme = indicator.theme, agenda.theme(id: theme) == nil {
                top["indicators"][i]["theme"].error(log, "no theme with id \"\(theme)\"; " + Choices.expected(theme,
                    among: agenda.themes.map(\.id), none: "this agenda has no themes; leave \"theme\" out"))
            }
        }
    }

    private func checkUnique(_ values: [String], at cursor: (Int) -> Cursor, what: String) {
        var first: [String: Int] = [:]
        for (i, value) in values.enumerated() {
            if let earlier = first[value] {
                let line = cursor(earlier).node.map { " (first at line \($0.position.line))" } ?? ""
                cursor(i).error(log, "duplicate \(what) \"\(value)\"\(line); ids must be unique")
            } else {
                first[value] = i
            }
        }
    }

    private func checkPlacement(_ step: Step, key: String, at cursor: Cursor) {
        let horizon = agenda.horizon
        if !horizon.contains(step.period) {
            cursor["period"].warning(log, "step \(key) is planned in \(step.period), outside the planning horizon \(horizon.from)…\(horizon.to)")
        }
        if let due = step.due {
            if due.halfYear != step.period {
                cursor["due"].warning(log, "step \(key) stands in the \(step.period) column but is due \(due) (\(due.halfYear))")
            }
            if !horizon.contains(due.halfYear) && horizon.contains(step.period) {
                cursor["due"].warning(log, "step \(key) is due \(due), outside the planning horizon \(horizon.from)…\(horizon.to)")
            }
        }
    }

    /// Steps of an activity are numbered with its letter (A1, A2…): a different letter, a gap or a
    /// step planned before its predecessor is worth a second look.
    private func checkNumbering(_ activity: Activity, theme: Theme, at cursor: Cursor) {
        var previous: (number: Int, period: HalfYear)?
        let letter = activity.id.uppercased()
        for (s, step) in activity.steps.enumerated() {
            let c = cursor["steps"][s]
            guard step.id.hasPrefix(letter), let number = Int(step.id.dropFirst(letter.count)) else {
                c["id"].warning(log, "step \(theme.code)-\(step.id) of activity \(activity.key) is not numbered \(letter)1, \(letter)2, …")
                continue
            }
            if let previous {
                if number > previous.number + 1 {
                    let missing = (previous.number + 1..<number).map { "\(letter)\($0)" }.joined(separator: ", ")
                    c["id"].warning(log, "numbering of activity \(activity.key) skips \(missing) before \(theme.code)-\(step.id)")
                }
                if step.period < previous.period {
                    c["period"].warning(log, "step \(theme.code)-\(step.id) is planned in \(step.period), before the step above it (\(previous.period))")
                }
            }
            previous = (number, step.period)
        }
    }

    private func checkMilestones(_ top: Cursor) {
        var activityKeys: Set<ActivityKey> = []
        for theme in agenda.themes { for activity in theme.activities { activityKeys.insert(activity.key) } }
        for (m, milestone) in agenda.milestones.enumerated() {
            let cursor = top["milestones"][m]
            if let recurrence = milestone.recurrence, let until = recurrence.until, until.lastDay < milestone.when.firstDay {
                cursor["recurrence"]["until"].error(log, "recurrence ends (\(until)) before the first occurrence (\(milestone.when))")
            }
            for (i, key) in milestone.activities.enumerated() where !activityKeys.contains(key) {
                cursor["activities"][i].error(log, "no activity \(key) in this agenda")
            }
            let linked = milestone.steps.compactMap { agenda.placedStep($0) }
            let latest = linked.map { ($0.step.due ?? .halfYear($0.step.period)).lastDay }.max() ?? milestone.when.lastDay
            let occurrences = milestone.occurrences(through: max(latest, milestone.when.lastDay).adding(months: 36))
            for (i, key) in milestone.steps.enumerated() {
                guard let placed = agenda.placedStep(key) else {
                    cursor["steps"][i].error(log, "no step \(key) in this agenda")
                    continue
                }
                let stepDate = placed.step.due ?? .halfYear(placed.step.period)
                let matches = occurrences.contains { occ in
                    occ.firstDay <= stepDate.lastDay && stepDate.firstDay <= occ.lastDay
                }
                if !matches {
                    let when = occurrences.prefix(4).map(\.description).joined(separator: ", ")
                    cursor["steps"][i].warning(log, "step \(key) \"\(placed.step.text)\" is planned in \(stepDate), "
                        + "but milestone \"\(milestone.title)\" falls in \(when)\(occurrences.count > 4 ? ", …" : "")")
                }
            }
        }
    }
}
