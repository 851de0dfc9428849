import KoersModel

/// The report as JSON (`"format": "koers-report/1"`): every member always present (null when
/// absent), in a fixed order, dates as `YYYY-MM-DD`, half-years as `YYYY-Hn`; for scripts, the
/// archive and the site.
public struct JSONReportRenderer: ReportRenderer {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public func render(_ report: Report) -> String {
        JSONWriter.write(value(report), pretty: pretty) + "\n"
    }

    /// The report as a JSON value, for embedding in other documents.
    public func value(_ r: Report) -> JSONValue {
        object([
            ("format", .string(Report.format)),
            ("kind", .string(r.period.kind.rawValue)),
            ("period", .string(r.period.description)),
            ("from", date(r.period.firstDay)),
            ("through", date(r.period.lastDay)),
            ("asOf", date(r.asOf)),
            ("complete", .bool(r.isPeriodComplete)),
            ("title", .string(r.title)),
            ("agendas", array(r.agendas.map(agenda))),
            ("scans", array(r.scans.map(ScanJSONRenderer().value))),
        ])
    }

    // MARK: Building blocks

    private func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(members.map { JSONMember(key: $0.0, value: JSONNode($0.1)) })
    }

    private func array(_ items: [JSONValue]) -> JSONValue { .array(items.map { JSONNode($0) }) }
    private func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    private func int(_ i: Int) -> JSONValue { .number(JSONNumber(i)) }
    private func date(_ d: LocalDate) -> JSONValue { .string(d.description) }
    private func number(_ v: Double) -> JSONValue {
        if v == v.rounded(), abs(v) < 1e15 { return int(Int(v)) }
        return JSONNumber(v).map(JSONValue.number) ?? .null
    }

    private func status(_ s: StepStatus) -> [(String, JSONValue)] {
        var to: JSONValue = .null
        if case .postponed(let h) = s { to = .string(h.description) }
        return [("status", .string(s.kind.rawValue)), ("postponedTo", to)]
    }

    private func overdue(_ o: Overdue?) -> JSONValue {
        guard let o else { return .null }
        return object([("expectedIn", .string(o.expectedIn.description)), ("due", string(o.due?.description)),
                       ("since", date(o.since))])
    }

    private func role(_ r: RoleRef) -> JSONValue { object([("id", .string(r.id)), ("name", .string(r.name))]) }

    private func counts(_ c: StatusCounts) -> JSONValue {
        object([("planned", int(c.planned))] + StepCategory.allCases.map { ($0.jsonKey, int(c[$0])) }
               + [("overdue", int(c.overdue)), ("completion", c.completion.map(number) ?? .null)])
    }

    private func ref(_ s: StepRef) -> JSONValue {
        object([("key", .string(s.key.description)), ("text", .string(s.text))] + status(s.status)
               + [("expectedIn", .string(s.expectedIn.description)), ("due", string(s.due?.description)),
                  ("overdue", overdue(s.overdue))])
    }

    // MARK: Sections

    private func agenda(_ a: AgendaReport) -> JSONValue {
        object([
            ("id", .string(a.id)),
            ("title", .string(a.title)),
            ("organisation", .string(a.organisation)),
            ("version", .string(a.version)),
            ("horizon", object([("from", .string(a.horizon.lowerBound.description)), ("to", .string(a.horizon.upperBound.description))])),
            ("summary", object([
                ("themes", array(a.summary.rows.map { row in
                    object([("id", .string(row.themeID)), ("code", .string(row.code)), ("title", .string(row.title)),
                            ("counts", counts(row.counts))])
                })),
                ("total", counts(a.summary.total)),
            ])),
            ("themes", array(a.themes.map(theme))),
            ("milestones", array(a.milestones.map(milestone))),
            ("indicators", array(a.indicators.map(indicator))),
            ("budget", a.budget.map(budget) ?? .null),
            ("feedforward", feedforward(a.feedforward)),
            ("proposals", a.proposals.map { array($0.map(proposal)) } ?? .null),
        ])
    }

    private func theme(_ t: ThemeSection) -> JSONValue {
        object([("id", .string(t.id)), ("code", .string(t.code)), ("title", .string(t.title)), ("goal", .string(t.goal)),
                ("steps", array(t.steps.map(step))), ("earlier", array(t.earlier.map(step)))])
    }

    private func step(_ s: StepLine) -> JSONValue {
        object([
            ("key", .string(s.key.description)),
            ("text", .string(s.text)),
            ("activity", .string(s.activity)),
            ("period", .string(s.period.description)),
            ("expectedIn", .string(s.expectedIn.description)),
            ("due", string(s.due?.description)),
            ("phase", string(s.phase?.rawValue)),
        ] + status(s.status) + [
            ("category", .string(s.category.rawValue)),
            ("owners", array(s.owners.map(role))),
            ("deciders", array(s.deciders.map(role))),
            ("postponements", array(s.postponements.map { .string($0.description) })),
            ("overdue", overdue(s.overdue)),
            ("changes", array(s.changes.map { c in
                object([("on", date(c.on))] + status(c.status) + [("by", string(c.by)), ("note", string(c.note))])
            })),
        ])
    }

    private func milestone(_ m: MilestoneLine) -> JSONValue {
        object([
            ("id", .string(m.milestone)),
            ("title", .string(m.title)),
            ("when", .string(m.when.description)),
            ("roles", array(m.roles.map { object([("role", .string($0.role.id)), ("name", .string($0.role.name)),
                                                  ("does", .string($0.duty.rawValue))]) })),
            ("steps", array(m.steps.map(ref))),
            ("outcome", .string(m.outcome.rawValue)),
        ])
    }

    private func value(_ v: IndicatorLine.Value?) -> JSONValue {
        guard let v else { return .null }
        return object([("value", number(v.value)), ("date", string(v.date?.description)), ("note", string(v.note))])
    }

    private func indicator(_ i: IndicatorLine) -> JSONValue {
        object([
            ("id", .string(i.id)),
            ("title", .string(i.title)),
            ("unit", string(i.unit)),
            ("theme", string(i.theme)),
            ("baseline", value(i.baseline)),
            ("target", value(i.target)),
            ("targetDatePassed", .bool(i.targetDatePassed)),
            ("measurements", array(i.measurements.map { m in
                object([("value", number(m.value)), ("on", date(m.on)), ("note", string(m.note))])
            })),
            ("progress", i.progress.map(number) ?? .null),
            ("trend", IndicatorTrend(i).map(trend) ?? .null),
        ])
    }

    private func trend(_ t: IndicatorTrend) -> JSONValue {
        object([
            ("direction", string(t.direction?.rawValue)),
            ("change", t.change.map(number) ?? .null),
            ("since", string(t.previous?.date.description)),
            ("sinceBaseline", t.previous.map { .bool($0.isBaseline) } ?? .null),
            ("towardsTarget", t.towardsTarget.map(JSONValue.bool) ?? .null),
            ("remaining", t.remaining.map(number) ?? .null),
            ("reached", .bool(t.reached)),
        ])
    }

    // MARK: Budget

    private func money(_ m: Money?) -> JSONValue {
        m.flatMap { JSONNumber(literal: $0.decimal) }.map(JSONValue.number) ?? .null
    }

    private func budgetRow(_ r: BudgetSummary.Row) -> JSONValue {
        object([("title", .string(r.title)), ("code", string(r.code)), ("planned", money(r.planned)), ("spent", money(r.spent)),
                ("remaining", money(r.remaining)), ("spentInPeriod", money(r.spentInPeriod))])
    }

    private func budget(_ b: BudgetSummary) -> JSONValue {
        object([
            ("themes", array(b.themes.map(budgetRow))),
            ("total", budgetRow(b.total)),
            ("sources", array(b.sources.map(budgetRow))),
            ("entries", array(b.entries.map { e in
                object([("on", date(e.spending.on)), ("activity", .string(e.spending.activity.description)),
                        ("amount", money(e.spending.amount)), ("hours", e.spending.hours.map(number) ?? .null),
                        ("note", string(e.spending.note))])
            })),
        ])
    }

    private func next(_ n: Feedforward.Next) -> JSONValue {
        switch n {
        case .postponed(let h): object([("kind", .string("postponed")), ("to", .string(h.description)), ("until", .null)])
        case .continuing(let until): object([("kind", .string("continuing")), ("to", .null), ("until", date(until))])
        case .toDecide: object([("kind", .string("to-decide")), ("to", .null), ("until", .null)])
        }
    }

    private func reason(_ r: Feedforward.Decision.Reason) -> JSONValue {
        switch r {
        case .notCompleted(let h): object([("kind", .string("not-completed")), ("halfYear", .string(h.description)), ("overdue", .null)])
        case .overdue(let o): object([("kind", .string("overdue")), ("halfYear", .string(o.expectedIn.description)), ("overdue", overdue(o))])
        case .planned(let h): object([("kind", .string("planned")), ("halfYear", .string(h.description)), ("overdue", .null)])
        }
    }

    private func feedforward(_ f: Feedforward) -> JSONValue {
        object([
            ("next", object([("kind", .string(f.next.kind.rawValue)), ("period", .string(f.next.description))])),
            ("destinations", array(f.destinations.map { d in
                object([("step", ref(d.step)), ("fromEarlier", .bool(d.fromEarlier)), ("next", next(d.next))])
            })),
            ("plan", array(f.plan.map { p in object([("role", role(p.role)), ("steps", array(p.steps.map(ref)))]) })),
            ("upcoming", object([
                ("from", date(f.upcoming.from)),
                ("through", date(f.upcoming.through)),
                ("milestones", array(f.upcoming.milestones.map(milestone))),
                ("deadlines", array(f.upcoming.deadlines.map { d in object([("step", ref(d.step)), ("due", .string(d.due.description))]) })),
            ])),
            ("decisions", array(f.decisions.map { g in
                object([("role", role(g.role)), ("decisions", array(g.decisions.map { d in
                    object([("step", ref(d.step)), ("reason", reason(d.reason))])
                }))])
            })),
        ])
    }

    private func proposal(_ p: Proposal) -> JSONValue {
        object([("kind", .string(p.kind.rawValue)), ("subject", .string(p.subject)), ("finding", .string(p.finding)),
                ("suggestion", .string(p.suggestion))])
    }
}

private extension StepCategory {
    /// The member name in `counts`: camelCase like every other key.
    var jsonKey: String {
        switch self {
        case .done: "done"
        case .inProgress: "inProgress"
        case .postponed: "postponed"
        case .dropped: "dropped"
        case .open: "open"
        }
    }
}
