import KoersModel

/// Turns a parsed agenda file into an `Agenda`, reporting every content problem it meets.
/// Structure only: cross-references and consistency are `AgendaValidator`'s job.
package struct AgendaDecoder {
    static let format = "koers-agenda/1"
    let log: DiagnosticLog

    func decode(_ root: JSONNode) -> Agenda? {
        guard let r = ObjectReader(root, path: .root, log: log, what: "an agenda") else { return nil }
        r.expectFormat(Self.format)
        let id = r.identifier("id", .slug)
        let title = r.string("title", limit: .title)
        let subtitle = r.string("subtitle", required: false, limit: .title)
        let organisation = r.object("organisation", what: "the organisation").flatMap(organisationFrom)
        let version = r.string("version")
        let adoptions = r.array("adoptions", required: false)?.compactMap(adoption) ?? []
        let language = r.string("language")
        let timeZone = r.parsed("timeZone", expected: "an IANA time zone such as \"Europe/Amsterdam\"") {
            AgendaTimeZone(identifier: $0)
        }
        let horizon = r.object("horizon", what: "the planning horizon").flatMap(horizonFrom)
        let sections = r.array("sections", required: false)?.compactMap(section) ?? []
        let roles = r.array("roles")?.compactMap { Self.role($0.node, $0.path, log) } ?? []
        let defined = DefinedRoles(root["roles"], owner: "agenda")
        let themes = r.array("themes")?.compactMap { theme($0, roles: defined) } ?? []
        let milestones = r.array("milestones", required: false)?.compactMap { milestone($0, roles: defined) } ?? []
        let indicators = r.array("indicators", required: false)?.compactMap(indicator) ?? []
        r.finish()
        guard let id, let title, let organisation, let version, let language, let timeZone,
              let horizon else { return nil }
        return Agenda(id: id, title: title, subtitle: subtitle, organisation: organisation,
                      version: version, adoptions: adoptions, language: language, timeZone: timeZone,
                      horizon: horizon, sections: sections, roles: roles, themes: themes,
                      milestones: milestones, indicators: indicators)
    }

    private func organisationFrom(_ r: ObjectReader) -> Agenda.Organisation? {
        let name = r.line("name")
        let short = r.line("shortName", required: false)
        let description = r.string("description", required: false)
        r.finish()
        return name.map { Agenda.Organisation(name: $0, shortName: short, description: description) }
    }

    private func adoption(_ item: (node: JSONNode, path: JSONPath)) -> Agenda.Adoption? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "an adoption") else { return nil }
        let by = r.string("by")
        let date = Self.plannedDate(r, "date")
        let note = r.string("note", required: false)
        r.finish()
        guard let by, let date else { return nil }
        return Agenda.Adoption(by: by, date: date, note: note)
    }

    private func horizonFrom(_ r: ObjectReader) -> Agenda.PlanningHorizon? {
        let from = Self.halfYear(r, "from"), to = Self.halfYear(r, "to")
        r.finish()
        guard let from, let to else { return nil }
        if to < from {
            log.error("horizon ends (\(to)) before it starts (\(from))", at: r.node, path: r.path)
            return nil
        }
        return Agenda.PlanningHorizon(from: from, to: to)
    }

    private func section(_ item: (node: JSONNode, path: JSONPath)) -> Agenda.Section? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "a section") else { return nil }
        let id = r.identifier("id", .slug)
        let title = r.string("title", limit: .title)
        let text = r.string("text", required: false)
        let table = r.object("table", required: false, what: "a table").flatMap(table)
        r.finish()
        guard let id, let title else { return nil }
        return Agenda.Section(id: id, title: title, text: text, table: table)
    }

    private func table(_ r: ObjectReader) -> Agenda.Table? {
        let columns = r.strings("columns", required: true)
        let rows: [[String]] = r.array("rows")?.compactMap { row in
            guard let cells = row.node.array else {
                log.error("expected a row (a list of texts), found \(row.node.preview)", at: row.node, path: row.path)
                return nil
            }
            let texts = cells.compactMap(\.string)
            if texts.count != cells.count || texts.count != columns?.count {
                log.error("expected a row of \(columns?.count ?? 0) texts, one per column, found \(row.node.preview)",
                          at: row.node, path: row.path)
                return nil
            }
            return texts
        } ?? []
        r.finish()
        return columns.map { Agenda.Table(columns: $0, rows: rows) }
    }

    static func role(_ node: JSONNode, _ path: JSONPath, _ log: DiagnosticLog) -> Role? {
        guard let r = ObjectReader(node, path: path, log: log, what: "a role") else { return nil }
        let id = r.identifier("id", .slug)
        let name = r.string("name", limit: .name)
        let description = r.string("description", required: false)
        r.finish()
        guard let id, let name else { return nil }
        return Role(id: id, name: name, description: description)
    }

    private func theme(_ item: (node: JSONNode, path: JSONPath), roles: DefinedRoles) -> Theme? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "a theme") else { return nil }
        let id = r.identifier("id", .slug)
        let code = r.identifier("code", .themeCode)
        let title = r.string("title", limit: .title)
        let description = r.string("description")
        let currentState = r.string("currentState")
        let goal = r.string("goal")
        let source = r.string("activitiesSource", required: false)
        let activities = r.array("activities")?.compactMap { activity($0, themeCode: code ?? "?", roles: roles) } ?? []
        r.finish()
        guard let id, let code, let title, let description, let currentState, let goal else { return nil }
        return Theme(id: id, code: code, title: title, description: description,
                     currentState: currentState, goal: goal, activitiesSource: source,
                     activities: activities)
    }

    private func activity(_ item: (node: JSONNode, path: JSONPath), themeCode: String, roles defined: DefinedRoles) -> Activity? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "an activity") else { return nil }
        let id = r.identifier("id", .activityID)
        let text = r.string("text", limit: .activity)
        let subitems: [Activity.Subitem] = r.array("subitems", required: false)?.compactMap { sub in
            guard let s = ObjectReader(sub.node, path: sub.path, log: log, what: "a sub-item") else { return nil }
            let id = s.string("id"), text = s.string("text")
            s.finish()
            guard let id, let text else { return nil }
            return Activity.Subitem(id: id, text: text)
        } ?? []
        let responsibilities = r.string("responsibilities", required: false)
        let roles = Self.roleDuties(r, "roles", required: true, defined: defined, log)
        if r.node["roles"]?.array?.isEmpty == true {
            log.error("an activity needs at least one role; expected e.g. [{\"role\": \"schoolopleiders\", \"does\": \"executes\"}]",
                      at: r.node["roles"], path: r.path.appending("roles"))
        }
        let steps = r.array("steps")?.compactMap { step($0, roles: defined) } ?? []
        let budget = r.object("budget", required: false, what: "a budget").flatMap(budget)
        r.finish()
        guard let id, let text, let roles else { return nil }
        return Activity(id: id, key: ActivityKey(themeCode: themeCode, activityID: id), text: text,
                        subitems: subitems, responsibilities: responsibilities, roles: roles, steps: steps,
                        budget: budget)
    }

    /// `{"amount": 2500}` or `{"hours": 40, "rate": 55.0}`, optionally with `"source"`.
    private func budget(_ r: ObjectReader) -> Budget? {
        let example = "{\"amount\": 2500} or {\"hours\": 40, \"rate\": 55.0}"
        let amount = Self.decimal(r, "amount", expected: "an amount in euros ≥ 0 with at most two decimals, e.g. 2500 or 2500.50")
        let hours = Self.decimal(r, "hours", expected: "a number of hours > 0 with at most two decimals, e.g. 40 or 2.5")
        let rate = Self.decimal(r, "rate", expected: "euros per hour ≥ 0 with at most two decimals, e.g. 55.0")
        let source = r.string("source", required: false)
        r.finish()
        let present = ["amount", "hours", "rate"].filter { r.node[$0] != nil }
        if present.contains("amount") && present.count > 1 {
            log.error("a budget is either an amount or hours at a rate, not both; expected \(example)", at: r.node, path: r.path)
            return nil
        }
        if present.isEmpty {
            log.error("a budget needs \"amount\", or \"hours\" and \"rate\"; expected \(example)", at: r.node, path: r.path)
            return nil
        }
        if present == ["hours"] || present == ["rate"] {
            let missing = present == ["hours"] ? "rate" : "hours"
            log.error("missing required key \"\(missing)\" (hours go with a rate in euros per hour); expected \(example)",
                      at: r.node, path: r.path)
            return nil
        }
        if let amount { return Budget(plan: .amount(Money(cents: amount)), source: source) }
        guard let hours, let rate else { return nil }
        return Budget(plan: .hours(hundredths: hours, rate: Money(cents: rate)), source: source)
    }

    /// A non-negative JSON number with at most two decimals, in hundredths; `hours` must be above 0.
    private static func decimal(_ r: ObjectReader, _ key: String, expected: String) -> Int? {
        guard let value = r.node(key, required: false, expected: expected) else { return nil }
        guard case .number(let number) = value.value, let hundredths = DecimalInput(number.literal)?.hundredths,
              hundredths > 0 || (hundredths == 0 && key != "hours") else {
            r.log.error("\(value.preview) is not valid here; expected \(expected)", at: value, path: r.path.appending(key))
            return nil
        }
        return hundredths
    }

    private func step(_ item: (node: JSONNode, path: JSONPath), roles defined: DefinedRoles) -> Step? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "a step") else { return nil }
        let id = r.identifier("id", .stepID)
        let text = r.string("text")
        let period = Self.halfYear(r, "period")
        let phase = r.parsed("phase", required: false,
                             expected: "one of \(PDCAPhase.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))") {
            PDCAPhase(rawValue: $0)
        }
        let due = Self.plannedDate(r, "due", required: false)
        let roles = Self.roleDuties(r, "roles", required: false, defined: defined, log)
        let note = r.string("note", required: false)
        r.finish()
        guard let id, let text, let period else { return nil }
        return Step(id: id, text: text, period: period, phase: phase, due: due, roles: roles, note: note)
    }

    private func milestone(_ item: (node: JSONNode, path: JSONPath), roles defined: DefinedRoles) -> Milestone? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "a milestone") else { return nil }
        let id = r.identifier("id", .slug)
        let title = r.string("title", limit: .title)
        let description = r.string("description", required: false)
        let when = Self.plannedDate(r, "when")
        let recurrence = r.object("recurrence", required: false, what: "a recurrence").flatMap {
            Self.recurrence($0, allowEnd: true, log)
        }
        let roles = Self.roleDuties(r, "roles", required: false, defined: defined, log) ?? []
        let steps = r.array("steps", required: false)?.compactMap { item in
            ObjectReader.parse(item.node, path: item.path, log: log,
                               expected: "a step key such as \"KC-B1\"", StepKey.init)
        } ?? []
        let activities = r.array("activities", required: false)?.compactMap { item in
            ObjectReader.parse(item.node, path: item.path, log: log,
                               expected: "an activity key such as \"KC-b\"", Self.activityKey)
        } ?? []
        let source = r.string("source", required: false)
        r.finish()
        guard let id, let title, let when else { return nil }
        return Milestone(id: id, title: title, description: description, when: when,
                         recurrence: recurrence, roles: roles, steps: steps, activities: activities,
                         source: source)
    }

    package static func activityKey(_ text: String) -> ActivityKey? {
        guard let dash = text.firstIndex(of: "-") else { return nil }
        let code = String(text[..<dash]), id = String(text[text.index(after: dash)...])
        guard IdentifierPattern.themeCode.matches(code), IdentifierPattern.activityID.matches(id) else { return nil }
        return ActivityKey(themeCode: code, activityID: id)
    }

    private func indicator(_ item: (node: JSONNode, path: JSONPath)) -> Indicator? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "an indicator") else { return nil }
        let id = r.identifier("id", .slug)
        let title = r.string("title", limit: .title)
        let unit = r.string("unit", required: false)
        let theme = r.identifier("theme", .slug, required: false)
        let baseline: Indicator.Baseline? = r.object("baseline", required: false, what: "a baseline").flatMap { b in
            let value = b.number("value"), on = Self.plannedDate(b, "on"), note = b.string("note", required: false)
            b.finish()
            guard let value, let on else { return nil }
            return Indicator.Baseline(value: value, on: on, note: note)
        }
        let target: Indicator.Target? = r.object("target", required: false, what: "a target").flatMap { t in
            let value = t.number("value"), by = Self.plannedDate(t, "by", required: false)
            t.finish()
            return value.map { Indicator.Target(value: $0, by: by) }
        }
        let source = r.string("source", required: false)
        if r.node["baseline"] == nil && r.node["target"] == nil {
            log.error("an indicator needs a \"baseline\" or a \"target\" (or both)", at: r.node, path: r.path)
        }
        r.finish()
        guard let id, let title else { return nil }
        return Indicator(id: id, title: title, unit: unit, theme: theme, baseline: baseline,
                         target: target, source: source)
    }

    // MARK: Shared readers, also used for templates.

    package static func halfYear(_ r: ObjectReader, _ key: String, required: Bool = true) -> HalfYear? {
        r.parsed(key, required: required, expected: "a half-year YYYY-H1 or YYYY-H2 (e.g. \"2023-H1\")") {
            $0.contains("H") ? HalfYear($0) : nil
        }
    }

    static func plannedDate(_ r: ObjectReader, _ key: String, required: Bool = true) -> PlannedDate? {
        r.parsed(key, required: required, expected: PlannedDate.expectedSpelling) { PlannedDate($0) }
    }

    /// The roles of an activity, step, milestone or template item; a role the file does not define
    /// is reported where it stands and left out.
    static func roleDuties(_ r: ObjectReader, _ key: String, required: Bool, defined: DefinedRoles, _ log: DiagnosticLog) -> [RoleDuty]? {
        guard let items = r.array(key, required: required) else { return nil }
        return items.compactMap { item in
            guard let o = ObjectReader(item.node, path: item.path, log: log,
                                       what: "a role and its duty, e.g. {\"role\": \"directieteam\", \"does\": \"decides\"}")
            else { return nil }
            let role = o.identifier("role", .slug)
            let duty = o.parsed("does", expected: "one of \(Duty.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))") {
                Duty(rawValue: $0)
            }
            o.finish()
            guard let role, defined.check(role, at: o.node["role"], path: o.path.appending("role"), log: log), let duty else { return nil }
            return RoleDuty(role: role, duty: duty)
        }
    }

    static func recurrence(_ r: ObjectReader, allowEnd: Bool, _ log: DiagnosticLog) -> Recurrence? {
        let every = r.integer("every", atLeast: 1)
        let unit = r.parsed("unit", expected: "one of \"days\", \"weeks\", \"months\", \"years\"") {
            Recurrence.Unit(rawValue: $0)
        }
        let until = allowEnd ? plannedDate(r, "until", required: false) : nil
        let count = r.integer("count", required: false, atLeast: 1)
        r.finish()
        guard let every, let unit else { return nil }
        return Recurrence(every: every, unit: unit, until: until, count: count)
    }

    static func offset(_ node: JSONNode, _ path: JSONPath, _ log: DiagnosticLog) -> Offset? {
        let expected = "an offset with exactly one of \"days\", \"weeks\", \"months\", \"years\" (e.g. {\"months\": 2})"
        guard let members = node.members, members.count == 1,
              let unit = Recurrence.Unit(rawValue: members[0].key),
              let amount = members[0].value.int, amount >= 0 else {
            log.error("\(node.preview) is not valid here; expected \(expected)", at: node, path: path)
            return nil
        }
        return Offset(amount: amount, unit: unit)
    }
}
