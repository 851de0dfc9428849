import Foundation
import KoersModel

/// One all-day entry of the exported calendar: a milestone occurrence, a step's deadline, or a
/// dated event from another source (an induction trajectory, later). It says what the calendar
/// shows and who it is for, nothing about where it came from; `CalendarExport` writes it as a
/// `VEVENT`.
public struct CalendarEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case milestone, step, event

        /// The CATEGORIES entry that says what kind of entry this is.
        public var dutch: String {
            switch self {
            case .milestone: "Mijlpaal"
            case .step: "Stap"
            case .event: "Afspraak"
            }
        }
    }

    public var kind: Kind
    /// The same for the same milestone occurrence, step or event in every export, so a calendar
    /// program that refreshes a subscription updates its copy instead of adding one.
    public var uid: String
    /// The day it stands on (an all-day event).
    public var date: LocalDate
    public var summary: String
    public var description: String
    /// The waarborg (theme title) when known, then the kind.
    public var categories: [String]
    /// Roles whose holders see it in a `--role` or `--person` calendar.
    public var roles: [String]
    /// People (configuration ids) who see it in their `--person` calendar whatever their roles.
    public var personIDs: [String]
    /// A reminder this many days before the day; nil for none.
    public var alarmDaysBefore: Int?
    /// Raised each time the entry moves (a step postponed), as RFC 5545 asks of a changed event.
    public var sequence: Int

    public init(kind: Kind, uid: String, date: LocalDate, summary: String, description: String, categories: [String],
                roles: [String], personIDs: [String] = [], alarmDaysBefore: Int?, sequence: Int = 0) {
        self.kind = kind
        self.uid = uid
        self.date = date
        self.summary = summary
        self.description = description
        self.categories = categories
        self.roles = roles
        self.personIDs = personIDs
        self.alarmDaysBefore = alarmDaysBefore
        self.sequence = sequence
    }
}

/// `koers export ical`: the agendas' milestones and open steps as an iCalendar file that Outlook,
/// Google Calendar and Apple Calendar can subscribe to.
///
/// - **Milestones**: every occurrence `koers milestones` derives (`MilestoneView`), from the
///   earliest milestone or horizon through two years after the later of today and the horizon's
///   end (the same end `koers milestones` uses by default). A month or half-year milestone stands
///   on the first day of that month or half-year, the day the reminders count back from; its
///   summary says "(september 2024)" so nobody takes the day literally. Alarm 14 days before,
///   except for an occurrence whose linked steps are all done or dropped (the daemon does not
///   remind of those either).
/// - **Steps**: only steps open as of `moment`; a done or dropped step is left out, so it
///   disappears from a subscribed calendar at the next refresh. It stands on its deadline: the
///   date the agenda gives (`due`; its last day, so "maart 2025" is 31 March) or else the end of
///   its half-year; once postponed, the end of the half-year it moved to (`Step.deadline`), which is
///   also the day after which `koers due` calls it late. Alarm 7 days
///   before. SEQUENCE counts its postponements.
/// - **Other sources** (`DatedEventSource`, the same protocol the planner takes; `koers export
///   ical --person` passes the trajectories): each event on its day, alarm 7 days before.
///
/// Filtering: a step is for every role it names (any duty, as `koers agenda --role`); a milestone
/// for its roles and the coordinator role (the people its reminders go to); a source event for
/// its roles and the people it names. `--person` takes the roles the configuration gives that
/// person.
public struct CalendarExport: Sendable {
    /// Whose calendar this is.
    public enum Audience: Sendable, Equatable {
        case everyone
        case role(String)
        /// A person id from the configuration.
        case person(String)
    }

    /// Why no calendar could be made for the audience asked for.
    public enum AudienceError: Error, CustomStringConvertible, Equatable {
        case unknownRole(String, known: [String])
        case unknownPerson(String)

        public var description: String {
            switch self {
            case .unknownRole(let role, let known):
                "no role \"\(role)\" in the agendas or the configuration; use one of: \(known.joined(separator: ", "))"
            case .unknownPerson(let id):
                "no person \"\(id)\" in the configuration; use the id of an entry under \"people\" (e.g. c.jansen), or --role"
            }
        }
    }

    /// Alarm lead times, in days before the event's day.
    public static let milestoneAlarmDays = 14
    public static let stepAlarmDays = 7
    public static let eventAlarmDays = 7
    /// UIDs end in `@` and this when the configuration names no mail domain.
    public static let fallbackDomain = "koers.invalid"

    /// X-WR-CALNAME: what the calendar program calls the subscription.
    public var name: String
    /// X-WR-CALDESC: what the calendar holds, and as of which day.
    public var calendarDescription: String
    /// DTSTAMP of every event: when this export was made (`--now`).
    public var moment: Date
    /// What goes into the file, in this order (by day, then UID). Append entries of another kind here.
    public var events: [CalendarEvent]

    public init(_ set: AgendaSet, config: Config, moment: Date, audience: Audience = .everyone,
                sources: [any DatedEventSource] = []) throws(AudienceError) {
        let tz = config.timeZone
        let today = tz.localDate(of: moment)
        let domain = config.mail.messageIDDomain.isEmpty ? Self.fallbackDomain : config.mail.messageIDDomain
        let coordinator = config.reminders.coordinatorRole
        let wanted = try Self.resolve(audience, set: set, config: config)

        let agendas = set.entries.map(\.agenda)
        let from = (agendas.map(\.horizon.from.firstDay) + agendas.flatMap { $0.milestones.map(\.when.firstDay) }).min() ?? today
        let through = max(today, agendas.map(\.horizon.to.lastDay).max() ?? today).adding(months: 24)

        var all = Self.milestoneEvents(set, from: from, through: through, moment: moment, timeZone: tz,
                                       coordinatorRole: coordinator, domain: domain)
        all += Self.stepEvents(set, moment: moment, timeZone: tz, domain: domain)
        // Trajectories need not lie within any agenda's horizon: from today on, at the latest.
        all += Self.sourceEvents(sources, from: min(from, today), through: through, domain: domain)
        if let wanted {
            all = all.filter { !Set($0.roles).isDisjoint(with: wanted.roles) || wanted.person.map($0.personIDs.contains) == true }
        }
        events = all.sorted { ($0.date, $0.uid) < ($1.date, $1.uid) }
        self.moment = moment

        let organisations = agendas.map { $0.organisation.shortName ?? $0.organisation.name }
        var name = (["Koers"] + [Self.unique(organisations).joined(separator: ", ")].filter { !$0.isEmpty }).joined(separator: " — ")
        if let wanted {
            let roleNames = wanted.roles.sorted().map { role in
                agendas.lazy.compactMap { $0.role(role)?.name }.first ?? role
            }
            if !roleNames.isEmpty { name += " — " + roleNames.joined(separator: ", ") }
        }
        self.name = name
        calendarDescription = "Mijlpalen en deadlines van open stappen uit de ontwikkelagenda, stand van \(PlannedDate.day(today).dutch)."
    }

    /// The whole file as text (CRLF line endings, folded, escaped).
    public var text: String { calendar.text }

    /// The `VCALENDAR` with one `VEVENT` per event.
    public var calendar: ICalendarComponent {
        var properties: [ICalendarProperty] = [
            ICalendarProperty("PRODID", value: "-//Koers//Koers \(KoersVersion.current)//NL"),
            ICalendarProperty("VERSION", value: "2.0"),
            ICalendarProperty("CALSCALE", value: "GREGORIAN"),
            ICalendarProperty("METHOD", value: "PUBLISH"),
            .text("X-WR-CALNAME", name),
            .text("X-WR-CALDESC", calendarDescription),
        ]
        // How often a subscribing program should fetch the file again (RFC 7986, and Outlook's name).
        properties.append(ICalendarProperty("REFRESH-INTERVAL", parameters: [.init("VALUE", "DURATION")], value: "PT12H"))
        properties.append(ICalendarProperty("X-PUBLISHED-TTL", value: "PT12H"))
        return ICalendarComponent("VCALENDAR", properties: properties, components: events.map(vevent))
    }

    private func vevent(_ event: CalendarEvent) -> ICalendarComponent {
        var properties: [ICalendarProperty] = [
            .text("UID", event.uid),
            .utc("DTSTAMP", moment),
            .date("DTSTART", event.date),
            .date("DTEND", event.date.adding(days: 1)),
            .text("SUMMARY", event.summary),
            .text("DESCRIPTION", event.description),
        ]
        if !event.categories.isEmpty { properties.append(.textList("CATEGORIES", event.categories)) }
        // A deadline or milestone does not make anyone busy that day.
        properties.append(ICalendarProperty("TRANSP", value: "TRANSPARENT"))
        properties.append(ICalendarProperty("SEQUENCE", value: String(event.sequence)))
        var alarms: [ICalendarComponent] = []
        if let days = event.alarmDaysBefore {
            alarms.append(ICalendarComponent("VALARM", properties: [
                ICalendarProperty("ACTION", value: "DISPLAY"),
                ICalendarProperty("TRIGGER", value: ICalendar.daysBefore(days)),
                .text("DESCRIPTION", "\(Self.distance(days)): \(event.summary)"),
            ]))
        }
        return ICalendarComponent("VEVENT", properties: properties, components: alarms)
    }

    // MARK: - Which events

    /// Every milestone occurrence in `from...through`, as `koers milestones` lists them.
    static func milestoneEvents(_ set: AgendaSet, from: LocalDate, through: LocalDate, moment: Date, timeZone: AgendaTimeZone,
                                coordinatorRole: String, domain: String) -> [CalendarEvent] {
        let view = MilestoneView(set, from: from, to: through, moment: moment, timeZone: timeZone)
        let today = timeZone.localDate(of: moment)
        return view.occurrences.compactMap { occurrence in
            guard let entry = set.entries.first(where: { $0.agenda.id == occurrence.agenda }),
                  let milestone = entry.agenda.milestones.first(where: { $0.id == occurrence.milestone }),
                  let when = PlannedDate(occurrence.when) else { return nil }
            let agenda = entry.agenda
            let theme = themeTitle(of: milestone, in: agenda)
            let closed = !occurrence.steps.isEmpty && occurrence.steps.allSatisfy { !$0.statusValue.isOpen }
            var summary = "Mijlpaal: " + ReminderText.oneLine(milestone.title).line
            var lines: [String] = []
            if let description = milestone.description { lines.append(description) }
            switch when {
            case .day: lines.append("Gepland: \(when.dutch).")
            case .month:
                summary += " (\(when.dutch))"
                lines.append("Gepland: \(when.dutch). De agenda noemt alleen de maand; de kalender zet de mijlpaal op de eerste dag ervan.")
            case .halfYear:
                summary += " (\(when.dutch))"
                lines.append("Gepland: \(when.dutch). De agenda noemt alleen het halfjaar; de kalender zet de mijlpaal op de eerste dag ervan.")
            }
            if !milestone.roles.isEmpty { lines.append("Rollen: " + ReminderText.duties(milestone.roles, in: agenda) + ".") }
            if !occurrence.steps.isEmpty {
                lines.append("Stappen:")
                for step in occurrence.steps {
                    lines.append("- \(step.key) \(ReminderText.oneLine(step.text).line) (\(step.statusValue.dutch)\(step.overdue ? ", te laat" : ""))")
                }
                if closed { lines.append("Alle stappen zijn afgerond of vervallen; er komt geen herinnering.") }
            }
            if let source = milestone.source { lines.append("Bron: \(source)") }
            lines.append(footer(agenda, today: today))
            return CalendarEvent(kind: .milestone, uid: uid(["milestone", agenda.id, milestone.id, when.description], domain: domain),
                                 date: when.firstDay, summary: summary, description: lines.joined(separator: "\n"),
                                 categories: (theme.map { [$0] } ?? []) + [CalendarEvent.Kind.milestone.dutch],
                                 roles: Self.unique(milestone.roles.map(\.role) + [coordinatorRole]),
                                 alarmDaysBefore: closed ? nil : milestoneAlarmDays)
        }
    }

    /// Every step open as of `moment`, on its deadline.
    static func stepEvents(_ set: AgendaSet, moment: Date, timeZone: AgendaTimeZone, domain: String) -> [CalendarEvent] {
        let today = timeZone.localDate(of: moment)
        var result: [CalendarEvent] = []
        for entry in set.entries {
            let agenda = entry.agenda
            for placed in agenda.placedSteps {
                let history = entry.history(placed.key)
                let status = history.status(asOf: moment)
                guard status.isOpen else { continue }
                let period = history.period(of: placed.step, asOf: moment)
                let deadline = placed.step.deadline(expectedIn: period)
                let postponed = period != placed.step.period
                let postponements = history.events.filter {
                    if case .postponed = $0.status { return $0.at <= moment }
                    return false
                }.count
                let key = placed.key.description
                var planned = "Gepland: \(period.dutchLabel)"
                if postponed { planned += " (uitgesteld, stond in \(placed.step.period.dutchLabel))" }
                if let due = placed.step.due, !postponed { planned += ", uiterlijk \(due.dutch)" }
                var state = "Status op \(PlannedDate.day(today).dutch): \(status.dutch)"
                if deadline < today { state += ", te laat sinds \(PlannedDate.day(deadline.adding(days: 1)).dutch)" }
                let lines = [
                    "Stap \(key) (waarborg \(placed.theme.title)):",
                    placed.step.text,
                    "Activiteit \(placed.activity.key): \(ReminderText.oneLine(placed.activity.text, limit: 300).line)",
                    planned + ". Deadline: \(PlannedDate.day(deadline).dutch).",
                    state + ".",
                    "Rollen: " + ReminderText.duties(placed.roles, in: agenda) + ".",
                    footer(agenda, today: today),
                ]
                result.append(CalendarEvent(
                    kind: .step, uid: uid(["step", agenda.id, key], domain: domain), date: deadline,
                    summary: "Deadline \(key): \(ReminderText.oneLine(placed.step.text, limit: 80).line)",
                    description: lines.joined(separator: "\n"),
                    categories: [placed.theme.title, CalendarEvent.Kind.step.dutch],
                    roles: Self.unique(placed.roles.map(\.role)), alarmDaysBefore: stepAlarmDays, sequence: postponements))
            }
        }
        return result
    }

    /// The events other sources know (the trajectories), each on its day.
    static func sourceEvents(_ sources: [any DatedEventSource], from: LocalDate, through: LocalDate,
                             domain: String) -> [CalendarEvent] {
        sources.flatMap { $0.events(from: from, through: through) }.map { event in
            CalendarEvent(kind: .event, uid: uid(["event", event.source, event.id], domain: domain), date: event.date,
                          summary: ReminderText.oneLine(event.title).line,
                          description: event.title + "\nOp \(PlannedDate.day(event.date).dutch).",
                          categories: (event.theme.map { [$0] } ?? []) + [CalendarEvent.Kind.event.dutch],
                          roles: event.roles, personIDs: event.personIDs, alarmDaysBefore: eventAlarmDays)
        }
    }

    // MARK: - Helpers

    /// The roles (and person) an audience stands for; nil for everyone.
    static func resolve(_ audience: Audience, set: AgendaSet, config: Config) throws(AudienceError)
        -> (roles: Set<String>, person: String?)? {
        switch audience {
        case .everyone:
            return nil
        case .role(let role):
            let known = Set(set.entries.flatMap { $0.agenda.roles.map(\.id) } + config.people.flatMap(\.roles)
                            + [config.reminders.coordinatorRole])
            guard known.contains(role) else { throw .unknownRole(role, known: known.sorted()) }
            return ([role], nil)
        case .person(let id):
            guard let person = config.person(id) else { throw .unknownPerson(id) }
            return (Set(person.roles), person.id)
        }
    }

    /// `milestone.ook-sop.zelfscan.2024-09@koers.example.org`: the parts joined by dots, each
    /// percent-encoded outside `A–Z a–z 0–9 - _`, so no two different events share a UID.
    static func uid(_ parts: [String], domain: String) -> String {
        let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        let encoded = parts.map { part in
            part.utf8.map { safe.contains($0) ? String(UnicodeScalar($0)) : "%" + String($0, radix: 16, uppercase: true).leftPadded(2) }
                .joined()
        }
        return encoded.joined(separator: ".") + "@" + domain
    }

    /// The title of the theme its first linked step, or else its first linked activity, belongs to.
    static func themeTitle(of milestone: Milestone, in agenda: Agenda) -> String? {
        let code = milestone.steps.first?.themeCode ?? milestone.activities.first?.themeCode
        return code.flatMap { code in agenda.themes.first { $0.code == code }?.title }
    }

    static func footer(_ agenda: Agenda, today: LocalDate) -> String {
        "Ontwikkelagenda: \(agenda.title) (\(agenda.organisation.shortName ?? agenda.organisation.name), \(agenda.version)). "
            + "Stand van \(PlannedDate.day(today).dutch), uit Koers."
    }

    /// "Over 2 weken", "Over 1 week", "Over 3 dagen".
    static func distance(_ days: Int) -> String {
        if days == 7 { return "Over 1 week" }
        if days > 7 && days % 7 == 0 { return "Over \(days / 7) weken" }
        return days == 1 ? "Morgen" : "Over \(days) dagen"
    }

    static func unique(_ list: [String]) -> [String] {
        var seen: Set<String> = []
        return list.filter { seen.insert($0).inserted }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
