import Foundation

/// Builds a `Report` from the agendas and their status histories: pure, so the same input gives the
/// same report. Status is taken as of the end of the as-of day (in the agenda's time zone), so a
/// report on a past period, regenerated later, shows what was recorded as true then; changes that
/// take effect after the as-of day do not alter it.
public struct ReportBuilder: Sendable {
    public var set: AgendaSet
    /// For the names of the people who recorded changes.
    public var people: [Person]
    public var timeZone: AgendaTimeZone
    public var measurements: [IndicatorMeasurement]
    /// Money spent on activities, set against their budgets.
    public var spending: [Spending]
    public var rules: ProposalRules
    /// Whether status changes name who recorded them. False leaves every `StatusChange.by` nil: for
    /// a report published beyond its readers (the site), without names of people.
    public var namesRecorders: Bool
    /// The scan rounds; those held in the period, up to the as-of day, get a section of their own.
    public var scans: ScanAnalysis?

    public init(set: AgendaSet, people: [Person] = [], timeZone: AgendaTimeZone = .amsterdam,
                measurements: [IndicatorMeasurement] = [], spending: [Spending] = [], rules: ProposalRules = ProposalRules(),
                namesRecorders: Bool = true) {
        self.set = set
        self.people = people
        self.timeZone = timeZone
        self.measurements = measurements
        self.spending = spending
        self.rules = rules
        self.namesRecorders = namesRecorders
    }

    public init(set: AgendaSet, config: Config, measurements: [IndicatorMeasurement] = [], spending: [Spending] = [],
                rules: ProposalRules = ProposalRules(), namesRecorders: Bool = true) {
        self.init(set: set, people: config.people, timeZone: config.timeZone, measurements: measurements, spending: spending,
                  rules: rules, namesRecorders: namesRecorders)
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownAgenda(String, known: [String])
        case asOfBeforePeriod(asOf: LocalDate, period: ReportPeriod)

        public var description: String {
            switch self {
            case .unknownAgenda(let id, let known):
                "no loaded agenda with id \"\(id)\"; loaded are: \(known.joined(separator: ", "))"
            case .asOfBeforePeriod(let asOf, let period):
                "\(period) begins on \(period.firstDay); a report as of \(asOf) would have nothing to say"
            }
        }
    }

    /// The report on `period` as of the end of `asOf`, for one agenda or (nil) every loaded agenda.
    public func report(_ period: ReportPeriod, asOf: LocalDate, agenda: String? = nil) throws(Failure) -> Report {
        guard asOf >= period.firstDay else { throw .asOfBeforePeriod(asOf: asOf, period: period) }
        var entries = set.entries
        if let agenda {
            entries = entries.filter { $0.agenda.id == agenda }
            if entries.isEmpty { throw .unknownAgenda(agenda, known: set.entries.map(\.agenda.id)) }
        }
        let end = timeZone.moment(asOf.adding(days: 1)).addingTimeInterval(-0.001)
        let parts = entries.map { entry in
            AgendaReportBuilder(entry: entry, period: period, asOf: asOf, end: end, start: timeZone.moment(period.firstDay),
                                builder: self).build()
        }
        return Report(period: period, asOf: asOf, title: Self.title(period, entries.map(\.agenda)), agendas: parts,
                      scans: scans?.reports(heldFrom: period.firstDay, through: min(asOf, period.lastDay)) ?? [])
    }

    /// "Halfjaarrapportage ontwikkelagenda OOK, 2024 eerste half jaar", "Jaarrapportage ontwikkelagenda OOK, 2024".
    public static func title(_ period: ReportPeriod, _ agendas: [Agenda]) -> String {
        let kind = period.kind == .halfYear ? "Halfjaarrapportage" : "Jaarrapportage"
        let organisation = agendas.count == 1 ? " " + (agendas[0].organisation.shortName ?? agendas[0].organisation.name) : ""
        let when = period.kind == .halfYear ? period.dutch : period.description
        return "\(kind) ontwikkelagenda\(organisation), \(when)"
    }

    func personName(_ id: String?) -> String? {
        guard namesRecorders, let id else { return nil }
        return people.first { $0.id == id }?.name ?? id
    }
}

/// One agenda's part of a report.
private struct AgendaReportBuilder {
    let entry: AgendaSet.Entry
    let period: ReportPeriod
    let asOf: LocalDate
    /// The last moment that counts: the end of the as-of day.
    let end: Date
    /// The first moment of the period.
    let start: Date
    let builder: ReportBuilder

    var agenda: Agenda { entry.agenda }
    var timeZone: AgendaTimeZone { builder.timeZone }

    /// A step with what its history says as of the report's day.
    struct Evaluated {
        let placed: PlacedStep
        let events: [StatusEvent]
        let status: StepStatus
        let expected: HalfYear
        let postponements: [HalfYear]
        let deadline: LocalDate
        let overdue: Overdue?
    }

    func evaluate(_ placed: PlacedStep) -> Evaluated {
        let history = entry.history(placed.key)
        let events = history.events.filter { $0.at <= end }
        let status = history.status(asOf: end)
        let expected = history.period(of: placed.step, asOf: end)
        let postponements = events.compactMap { event -> HalfYear? in
            if case .postponed(let to) = event.status { return to }
            return nil
        }
        let due = placed.step.due
        let deadline = placed.step.deadline(expectedIn: expected)
        var overdue: Overdue?
        if status.isOpen && deadline < asOf {
            overdue = Overdue(expectedIn: expected, due: expected == placed.step.period ? due : nil,
                              since: deadline.adding(days: 1))
        }
        return Evaluated(placed: placed, events: events, status: status, expected: expected,
                         postponements: postponements, deadline: deadline, overdue: overdue)
    }

    /// Planned in the period: in one of its columns, or postponed into it at some point.
    func isInPeriod(_ e: Evaluated) -> Bool {
        period.contains(e.placed.step.period) || e.postponements.contains(where: period.contains)
    }

    /// Expected before the period, and open as of the report's day or closed during the period.
    func isEarlier(_ e: Evaluated) -> Bool {
        guard !isInPeriod(e), e.expected < period.first else { return false }
        if e.status.isOpen { return true }
        guard let last = e.events.last else { return false }
        return last.at >= start
    }

    func category(_ e: Evaluated) -> StepCategory {
        switch e.status {
        case .done: return .done
        case .dropped: return .dropped
        default:
            if e.expected > period.last { return .postponed }
            return e.status == .inProgress ? .inProgress : .open
        }
    }

    func role(_ id: String) -> RoleRef { RoleRef(id: id, name: agenda.role(id)?.name ?? id) }

    func line(_ e: Evaluated) -> StepLine {
        let placed = e.placed
        let changes = e.events.filter { $0.at >= start }.map {
            StatusChange(on: timeZone.localDate(of: $0.at), status: $0.status, by: builder.personName($0.by), note: $0.note)
        }
        return StepLine(key: placed.key, text: placed.step.text, activity: placed.activity.key.description,
                        period: placed.step.period, expectedIn: e.expected, due: placed.step.due, phase: placed.step.phase,
                        status: e.status, category: category(e), owners: placed.ownerRoles.map(role),
                        deciders: placed.decidingRoles.map(role), postponements: e.postponements,
                        started: e.events.contains { $0.status == .inProgress || $0.status == .done }, overdue: e.overdue,
                        changes: changes)
    }

    func ref(_ e: Evaluated) -> StepRef {
        StepRef(key: e.placed.key, text: e.placed.step.text, status: e.status, expectedIn: e.expected,
                due: e.placed.step.due, overdue: e.overdue)
    }

    func build() -> AgendaReport {
        let evaluated = agenda.placedSteps.map(evaluate)
        var themes: [ThemeSection] = []
        var rows: [ReportSummary.Row] = []
        for theme in agenda.themes {
            let mine = evaluated.filter { $0.placed.theme.id == theme.id }
            let inPeriod = mine.filter(isInPeriod).map(line)
            let earlier = mine.filter(isEarlier).map(line)
            var counts = StatusCounts()
            for step in inPeriod { counts[step.category] += 1 }
            counts.overdue = earlier.filter { $0.overdue != nil }.count
            themes.append(ThemeSection(id: theme.id, code: theme.code, title: theme.title, goal: theme.goal,
                                       steps: inPeriod, earlier: earlier))
            rows.append(ReportSummary.Row(themeID: theme.id, code: theme.code, title: theme.title, counts: counts))
        }
        let summary = ReportSummary(rows: rows)
        let feedforward = self.feedforward(evaluated)
        return AgendaReport(
            id: agenda.id, title: agenda.title, organisation: agenda.organisation.shortName ?? agenda.organisation.name,
            version: agenda.version, horizon: agenda.horizon.from...max(agenda.horizon.from, agenda.horizon.to),
            summary: summary, themes: themes, milestones: milestones(from: period.firstDay, through: period.lastDay),
            indicators: indicators(),
            budget: BudgetSummary(agenda: agenda, spending: builder.spending, period: period, asOf: asOf),
            feedforward: feedforward,
            proposals: period.kind == .year ? proposals(evaluated) : nil)
    }

    // MARK: Milestones and indicators

    /// Milestone occurrences overlapping the days, each with the steps carrying it out, by date.
    func milestones(from: LocalDate, through: LocalDate) -> [MilestoneLine] {
        var lines: [(LocalDate, MilestoneLine)] = []
        for milestone in agenda.milestones {
            let all = milestone.occurrences(through: max(through, milestone.when.lastDay).adding(months: 36))
            let assigned = MilestoneView.assign(milestone.steps, of: entry, to: all, moment: end, today: asOf)
            for (index, when) in all.enumerated() where when.lastDay >= from && when.firstDay <= through {
                let steps = (assigned[index] ?? []).compactMap { summary in
                    StepKey(summary.key).flatMap(agenda.placedStep).map { ref(evaluate($0)) }
                }
                let outcome: MilestoneLine.Outcome
                let relevant = steps.filter { $0.status != .dropped }
                if steps.isEmpty {
                    outcome = .noSteps
                } else if !relevant.isEmpty && relevant.allSatisfy({ $0.status == .done }) {
                    outcome = .achieved
                } else {
                    outcome = when.lastDay < asOf ? .missed : .open
                }
                let roles = milestone.roles.map { MilestoneLine.Involved(role: role($0.role), duty: $0.duty) }
                lines.append((when.firstDay, MilestoneLine(milestone: milestone.id, title: milestone.title, when: when,
                                                           roles: roles, steps: steps, outcome: outcome)))
            }
        }
        return lines.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }

    func indicators() -> [IndicatorLine] {
        agenda.indicators.map { indicator in
            let measured = builder.measurements
                .filter { $0.agenda == agenda.id && $0.indicator == indicator.id && $0.on <= asOf }
                .enumerated().sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }.map(\.element)
            return IndicatorLine(
                id: indicator.id, title: indicator.title, unit: indicator.unit,
                theme: indicator.theme.flatMap { agenda.theme(id: $0)?.title },
                baseline: indicator.baseline.map { .init(value: $0.value, date: $0.on, note: $0.note) },
                target: indicator.target.map { .init(value: $0.value, date: $0.by, note: nil) },
                measurements: measured,
                targetDatePassed: indicator.target?.by.map { $0.lastDay < asOf } ?? false)
        }
    }

    // MARK: Feedforward

    func next(_ e: Evaluated) -> Feedforward.Next {
        if e.expected > period.last { return .postponed(e.expected) }
        if e.deadline > asOf { return .continuing(until: e.deadline) }
        return .toDecide
    }

    func feedforward(_ evaluated: [Evaluated]) -> Feedforward {
        let following = period.next
        var destinations: [(Evaluated, Feedforward.Destination)] = []
        for theme in agenda.themes {
            let mine = evaluated.filter { $0.placed.theme.id == theme.id }
            for e in mine where isInPeriod(e) && e.status.isOpen {
                destinations.append((e, .init(step: ref(e), fromEarlier: false, next: next(e))))
            }
            for e in mine where isEarlier(e) && e.status.isOpen {
                destinations.append((e, .init(step: ref(e), fromEarlier: true, next: next(e))))
            }
        }
        let comingNext = evaluated.filter { $0.status.isOpen && following.contains($0.expected) }

        var plan: [String: [StepRef]] = [:]
        for e in comingNext {
            for owner in e.placed.ownerRoles { plan[owner, default: []].append(ref(e)) }
        }

        var decisions: [String: [Feedforward.Decision]] = [:]
        for (e, destination) in destinations where destination.next == .toDecide {
            let reason: Feedforward.Decision.Reason = destination.fromEarlier ? e.overdue.map { .overdue($0) } ?? .notCompleted(e.expected)
                                                                               : .notCompleted(e.expected)
            for decider in e.placed.decidingRoles {
                decisions[decider, default: []].append(.init(step: ref(e), reason: reason))
            }
        }
        for e in comingNext {
            for decider in e.placed.decidingRoles {
                decisions[decider, default: []].append(.init(step: ref(e), reason: .planned(e.expected)))
            }
        }

        let from = period.lastDay.adding(days: 1), through = following.lastDay
        var deadlines: [(LocalDate, Feedforward.Deadline)] = []
        for e in evaluated where e.status.isOpen && e.expected == e.placed.step.period {
            if let due = e.placed.step.due, due.firstDay <= through, due.lastDay >= from {
                deadlines.append((due.firstDay, .init(step: ref(e), due: due)))
            }
        }
        let upcoming = Feedforward.Upcoming(from: from, through: through, milestones: milestones(from: from, through: through),
                                            deadlines: deadlines.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
                                                .map(\.element.1))
        return Feedforward(
            next: following, destinations: destinations.map(\.1),
            plan: agenda.roles.compactMap { r in plan[r.id].map { .init(role: role(r.id), steps: $0) } },
            upcoming: upcoming,
            decisions: agenda.roles.compactMap { r in decisions[r.id].map { .init(role: role(r.id), decisions: $0) } })
    }

    // MARK: Proposals

    func proposals(_ evaluated: [Evaluated]) -> [Proposal] {
        let rules = builder.rules
        var result: [Proposal] = []
        for e in evaluated where e.status.isOpen && e.postponements.count >= rules.postponedAtLeast {
            result.append(Proposal(
                kind: .postponedRepeatedly, subject: e.placed.key.description,
                finding: "\(e.placed.key) (\(e.placed.step.text)) is \(e.postponements.count) keer uitgesteld, het laatst naar \(e.expected).",
                suggestion: "De stap herzien: haalbaar maken, opsplitsen, anders beleggen of laten vervallen."))
        }
        for e in evaluated {
            guard let overdue = e.overdue, overdue.since.adding(months: rules.overdueMonths) <= asOf else { continue }
            let deciders = e.placed.decidingRoles.map { role($0).name }
            result.append(Proposal(
                kind: .longOverdue, subject: e.placed.key.description,
                finding: "\(e.placed.key) (\(e.placed.step.text)) is \(ReportWording.overdue(overdue)), langer dan \(ReportWording.months(rules.overdueMonths)).",
                suggestion: "Opnieuw plannen of laten vervallen" + (deciders.isEmpty ? "." : "; besluit door \(ReportWording.list(deciders)).")))
        }
        // Completion counts the steps whose time is up (and those done early), so the yearly report
        // mailed in November is not held against the steps of December.
        for theme in agenda.themes {
            let relevant = evaluated.filter {
                $0.placed.theme.id == theme.id && isInPeriod($0) && $0.status != .dropped && ($0.status == .done || $0.deadline <= asOf)
            }
            let done = relevant.filter { $0.status == .done }.count
            guard !relevant.isEmpty, Double(done) / Double(relevant.count) < rules.lowCompletionBelow else { continue }
            result.append(Proposal(
                kind: .lowCompletion, subject: theme.code,
                finding: "\(theme.title): van de \(relevant.count) stappen van \(period.dutch) die op \(ReportWording.date(asOf)) af hadden moeten zijn, "
                    + "\(done == 1 ? "is er 1" : "zijn er \(done)") afgerond (\(done * 100 / relevant.count)%).",
                suggestion: "De planning van deze waarborg bespreken: wat houdt de stappen op, en is het tempo haalbaar?"))
        }
        let horizon = agenda.horizon
        for e in evaluated where e.status.isOpen {
            let dueOutside = e.placed.step.due.map { !horizon.contains($0.halfYear) } ?? false
            guard !horizon.contains(e.expected) || dueOutside else { continue }
            let when = dueOutside && e.expected == e.placed.step.period ? e.placed.step.due!.dutch : e.expected.description
            result.append(Proposal(
                kind: .outsideHorizon, subject: e.placed.key.description,
                finding: "\(e.placed.key) (\(e.placed.step.text)) valt buiten de horizon van de agenda (\(horizon.from) – \(horizon.to)): verwacht \(when).",
                suggestion: "Bij de herziening de horizon verlengen, of de stap binnen de horizon plannen."))
        }
        for milestone in agenda.milestones where milestone.steps.isEmpty {
            guard let coming = milestone.occurrences(through: period.lastDay.adding(months: 120))
                .first(where: { $0.lastDay >= period.firstDay }) else { continue }
            result.append(Proposal(
                kind: .milestoneWithoutSteps, subject: milestone.id,
                finding: "Mijlpaal “\(milestone.title)” (\(coming.dutch)) heeft geen gekoppelde stappen.",
                suggestion: "Stappen opnemen die de mijlpaal uitvoeren, zodat zichtbaar wordt of hij gehaald wordt."))
        }
        let following = period.next
        if following.first > horizon.to {
            result.append(Proposal(
                kind: .nothingPlanned, subject: agenda.id,
                finding: "De planningshorizon van de agenda loopt tot en met \(horizon.to); voor \(following.dutch) staat niets gepland.",
                suggestion: "De agenda herzien en de stappen voor \(following.dutch) opnemen."))
        } else {
            for theme in agenda.themes {
                let planned = evaluated.contains { $0.placed.theme.id == theme.id && $0.status.isOpen && following.contains($0.expected) }
                guard !planned else { continue }
                result.append(Proposal(
                    kind: .nothingPlanned, subject: theme.code,
                    finding: "\(theme.title): voor \(following.dutch) staat geen open stap gepland.",
                    suggestion: "Nagaan of het doel (basiskwaliteit) bereikt is; zo niet, nieuwe stappen opnemen."))
            }
        }
        return result
    }
}
