import KoersModel

/// Turns a trajectory file into a `TrajectoryTemplate`: a `koers-trajectory/1` file as written, or a
/// `koers-template/1` stappenplan mapped onto the same engine, so one planner serves both.
struct TrajectoryTemplateDecoder {
    static let format = "koers-trajectory/1"
    let log: DiagnosticLog
    /// The roles an event may name besides the trajectory's own people: those the loaded agendas
    /// and templates define and those people hold. Nil when not all of them loaded; events' roles
    /// are then not checked (a broken agenda is reported once, not through every role it defines).
    var otherRoles: Set<String>? = nil

    func decode(_ root: JSONNode) -> TrajectoryTemplate? {
        if root["format"]?.string == TemplateDecoder.format {
            guard let template = TemplateDecoder(log: log).decode(root) else { return nil }
            if !log.hasStructuralErrors { TemplateValidator(template: template, log: log, root: root).validate() }
            return TrajectoryTemplate(template)
        }
        guard let r = ObjectReader(root, path: .root, log: log, what: "a trajectory template") else { return nil }
        r.expectFormat(Self.format)
        let id = r.identifier("id", .slug)
        let title = r.string("title", limit: .title)
        let subject = r.parsed("for", expected: "\"starter\" (a starting teacher) or \"student\" (a student on a leerwerkplek)") {
            TrajectoryTemplate.Subject(rawValue: $0).flatMap { $0 == .partnership ? nil : $0 }
        }
        _ = r.string("language")
        let description = r.string("description", required: false)
        let start = r.string("start")
        let duration = r.node("duration", required: false, expected: "an offset").flatMap {
            AgendaDecoder.offset($0, r.path.appending("duration"), log)
        }
        let leadTimes = leadTimes(r) ?? TrajectoryTemplate.defaultLeadTimes
        let events = r.array("events")?.compactMap { event($0, leadTimes: leadTimes) } ?? []
        r.finish()
        guard let id, let title, let subject, let start else { return nil }
        let template = TrajectoryTemplate(id: id, title: title, subject: subject, description: description, start: start,
                                          duration: duration, events: events)
        if !log.hasStructuralErrors { validate(template, root: root) }
        return template
    }

    private func event(_ item: (node: JSONNode, path: JSONPath), leadTimes defaults: [LeadTime]) -> TrajectoryTemplate.Event? {
        guard let r = ObjectReader(item.node, path: item.path, log: log, what: "an event") else { return nil }
        let id = r.identifier("id", .slug)
        let title = r.string("title", limit: .title)
        let description = r.string("description", required: false)
        let label = r.string("label", required: false)
        let schedule = schedule(r.node("at", required: true, expected: Self.expectedAt), r)
        let roles = r.array("roles")?.compactMap { role in
            ObjectReader.parse(role.node, path: role.path, log: log, expected: IdentifierPattern.slug.expected) {
                IdentifierPattern.slug.matches($0) ? $0 : nil
            }.map { checkKnown($0, at: role) }
        } ?? []
        let leadTimes = leadTimes(r)
        r.finish()
        if roles.isEmpty, r.node["roles"]?.array?.isEmpty == true {
            log.error("an event needs at least one role, e.g. [\"starter\", \"mentor\"]", at: r.node["roles"], path: r.path.appending("roles"))
        }
        guard let id, let title, let schedule else { return nil }
        return TrajectoryTemplate.Event(id: id, title: title, description: description, label: label, schedule: schedule,
                                        roles: roles, leadTimes: leadTimes ?? defaults)
    }

    static let expectedAt = "an offset from the start, e.g. {\"weeks\": 6}, or days of the school year, e.g. {\"schoolYear\": {\"month\": 1, \"day\": 27}}"

    /// `at` with `repeat`: an offset from the start with a recurrence, or days of the school year
    /// with a count alone (the days themselves come back each school year).
    private func schedule(_ at: JSONNode?, _ event: ObjectReader) -> TrajectoryTemplate.Schedule? {
        let path = event.path.appending("at")
        guard let at, at["schoolYear"] != nil || at["notBefore"] != nil else {
            let repeats = event.object("repeat", required: false, what: "a recurrence").flatMap { o -> Recurrence? in
                let recurrence = AgendaDecoder.recurrence(o, allowEnd: false, log)
                if recurrence != nil, recurrence?.count == nil {
                    log.error("a repeated event needs \"count\": how many times it happens in all", at: o.node, path: o.path)
                    return nil
                }
                return recurrence
            }
            guard let at else { return nil }
            // AgendaDecoder's message names offsets alone; this one names both forms.
            guard let offset = AgendaDecoder.offset(at, path, DiagnosticLog(file: log.file)) else {
                log.error("\(at.preview) is not valid here; expected \(Self.expectedAt)", at: at, path: path)
                return nil
            }
            return .afterStart(at: offset, repeats: repeats)
        }
        var count: Int?
        let repeats = event.object("repeat", required: false, what: "a repeat with \"count\"")
        if let o = repeats {
            for key in ["every", "unit"] {
                guard let value = o.node(key, required: false, expected: "") else { continue }
                log.error("a school-year event comes back on its days each school year; give only \"count\" (how many in all)",
                          at: value, path: o.path.appending(key))
            }
            count = o.integer("count", atLeast: 1)
            o.finish()
        }
        guard let r = ObjectReader(at, path: path, log: log, what: "days of the school year") else { return nil }
        let days = r.node("schoolYear", required: true, expected: "a day such as {\"month\": 1, \"day\": 27}, or a list of them")
            .flatMap { schoolYearDays($0, path.appending("schoolYear")) }
        let notBefore = r.node("notBefore", required: false, expected: "an offset").flatMap {
            AgendaDecoder.offset($0, path.appending("notBefore"), log)
        }
        r.finish()
        guard let days, repeats == nil || count != nil else { return nil }
        return .schoolYear(SchoolYearDays(days: days, notBefore: notBefore), count: count)
    }

    /// One day or a non-empty list of different days.
    private func schoolYearDays(_ node: JSONNode, _ path: JSONPath) -> [SchoolYearDays.Day]? {
        guard let items = node.array else { return day(node, path).map { [$0] } }
        if items.isEmpty {
            log.error("the list of days is empty; give at least one, e.g. [{\"month\": 1, \"day\": 27}]", at: node, path: path)
            return nil
        }
        var days: [SchoolYearDays.Day] = []
        for (i, item) in items.enumerated() {
            guard let day = day(item, path.appending(i)) else { continue }
            if days.contains(day) {
                log.error("\(day) is listed twice; give each day once", at: item, path: path.appending(i))
                continue
            }
            days.append(day)
        }
        return days.count == items.count ? days : nil
    }

    private func day(_ node: JSONNode, _ path: JSONPath) -> SchoolYearDays.Day? {
        guard let r = ObjectReader(node, path: path, log: log, what: "a day such as {\"month\": 1, \"day\": 27}") else { return nil }
        let month = r.node("month", required: true, expected: "a month from 1 (January) to 12 (December)").flatMap { value -> Int? in
            guard let m = value.int, (1...12).contains(m) else {
                log.error("\(value.preview) is not valid here; expected a month from 1 (January) to 12 (December)",
                          at: value, path: path.appending("month"))
                return nil
            }
            return m
        }
        let day = r.node("day", required: true, expected: "a day of the month").flatMap { value -> Int? in
            let last = month.map(SchoolYearDays.Day.lastDay(of:)) ?? 31
            guard let d = value.int, (1...last).contains(d) else {
                let which = month.map { m in
                    m == 2 ? "a day of February, 1 to 28 (29 February is not in every year)"
                        : "a day of \(SchoolYearDays.Day.monthNames[m - 1]), 1 to \(last)"
                } ?? "a day of the month, 1 to 31"
                log.error("\(value.preview) is not valid here; expected \(which)", at: value, path: path.appending("day"))
                return nil
            }
            return d
        }
        r.finish()
        guard let month, let day else { return nil }
        return SchoolYearDays.Day(month: month, day: day)
    }

    /// `role`, after saying where it stands when an event may not name it: most likely a
    /// misspelling of a role the agendas define, which would otherwise be reported only as a role
    /// nobody holds. An unknown role is kept, so the event's roles keep their places in the file
    /// for the checks that follow (the error prevents loading anyway).
    private func checkKnown(_ role: String, at item: (node: JSONNode, path: JSONPath)) -> String {
        let own = TrajectoryTemplate.PersonRole.allCases.map(\.rawValue)
        guard let otherRoles, !own.contains(role), !otherRoles.contains(role) else { return role }
        let expected = Choices.expected(role, among: own + otherRoles.sorted(), none: "")
        log.referenceError("role \"\(role)\" is neither one of the trajectory's own people nor a role the agendas or templates define "
            + "or anyone holds; \(expected)", at: item.node, path: item.path)
        return role
    }

    private func leadTimes(_ r: ObjectReader) -> [LeadTime]? {
        r.array("leadTimes", required: false)?.compactMap { item in
            ObjectReader.parse(item.node, path: item.path, log: log,
                               expected: "a lead time such as \"2w\" (weeks), \"14d\" (days) or \"2wd\" (working days)") { LeadTime($0) }
        }
    }

    /// Event ids unique; person roles that fit the subject; no event after the end (for a school-year
    /// event, whose dates depend on the start: after the end whatever the start).
    private func validate(_ template: TrajectoryTemplate, root: JSONNode) {
        let top = Cursor(root: root)
        var seen: Set<String> = []
        let other: TrajectoryTemplate.PersonRole = template.subject == .starter ? .student : .starter
        for (i, event) in template.events.enumerated() {
            let c = top["events"][i]
            if !seen.insert(event.id).inserted { c["id"].error(log, "duplicate event id \"\(event.id)\"; ids must be unique") }
            if let r = event.roles.firstIndex(of: other.rawValue) {
                c["roles"][r].error(log, "role \"\(other.rawValue)\" does not fit a trajectory for a \(template.subject.rawValue); use \"\(template.subject.rawValue)\"")
            }
            if let duration = template.duration {
                // Every day of a year as the start for a school-year event; one start suffices for an offset.
                let first = LocalDate(year: 2001, month: 1, day: 1)!
                let starts = if case .schoolYear = event.schedule { (0..<365).map { first.adding(days: $0) } } else { [first] }
                let afterEnd = starts.allSatisfy { start in
                    (TrajectoryPlan.dates(of: event, from: start).last ?? start) > duration.applied(to: start)
                }
                if afterEnd {
                    c.warning(log, "the last occurrence falls after the trajectory's \"duration\" (\(duration)); it is still reminded")
                }
            }
        }
    }
}

extension TrajectoryTemplate {
    /// A stappenplan on the trajectory engine: each item becomes an event at the end of its window
    /// (`by`, else `from`), at the start of its phase (`during`), or at the end of a phase (`atEndOf`,
    /// `after`). Phases start where the previous ones end, by their durations; an item tied to a
    /// phase whose start or end cannot be computed (a phase before it has no duration) is left out.
    /// The roles that execute or propose an item are reminded (all its roles when none does).
    init(_ template: Template) {
        var phaseStart: [String: Offset] = [:], phaseEnd: [String: Offset] = [:]
        var cursor: Offset? = Offset(amount: 0, unit: .days)
        for phase in template.phases {
            if let cursor { phaseStart[phase.id] = cursor }
            cursor = cursor.flatMap { c in phase.duration.flatMap { c.adding($0) } }
            if let cursor { phaseEnd[phase.id] = cursor }
        }
        let events: [Event] = template.items.compactMap { item in
            let at: Offset?
            switch item.timing.anchor {
            case .window(let from, let by): at = by ?? from
            case .during(let phase): at = phaseStart[phase]
            case .atEndOf(let phase), .after(let phase): at = phaseEnd[phase]
            }
            guard let at else { return nil }
            let acting = item.roles.filter { $0.duty == .executes || $0.duty == .proposes }.map(\.role)
            return Event(id: item.id, title: item.text, description: item.details.isEmpty ? nil : item.details.joined(separator: "\n"),
                         label: item.timing.label, schedule: .afterStart(at: at, repeats: item.timing.repeats),
                         roles: acting.isEmpty ? item.roles.map(\.role) : acting, leadTimes: Self.defaultLeadTimes)
        }
        self.init(id: template.id, title: template.title, subject: .partnership, description: template.source,
                  start: template.start, duration: nil, events: events)
    }
}

extension Offset {
    /// The two distances together, when they can be added exactly: both in days and weeks, or
    /// both in months and years.
    func adding(_ other: Offset) -> Offset? {
        if amount == 0 { return other }
        if other.amount == 0 { return self }
        switch (unit, other.unit) {
        case (.days, .days), (.days, .weeks), (.weeks, .days), (.weeks, .weeks):
            return Offset(amount: inDays! + other.inDays!, unit: .days)
        case (.months, .months), (.months, .years), (.years, .months), (.years, .years):
            return Offset(amount: inMonths! + other.inMonths!, unit: .months)
        default:
            return nil
        }
    }

    private var inDays: Int? { unit == .days ? amount : unit == .weeks ? 7 * amount : nil }
    private var inMonths: Int? { unit == .months ? amount : unit == .years ? 12 * amount : nil }
}
