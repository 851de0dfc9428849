import Foundation

/// Works out who must be reminded of what, and when: a pure function of the agendas with their
/// histories, the people, the rules, the quiet periods, any extra event sources and a moment
/// `now`. It reads no clock and does no I/O, so `koers preview`, the daemon and tests all get the
/// same answer for the same input.
///
/// - Milestones: every occurrence × every lead time, to the holders of the milestone's roles and
///   the coordinator. An occurrence whose linked steps (those `koers milestones` shows under it)
///   are all done or dropped as of `now` gives none.
/// - Steps (open as of `now`, in the half-year they are expected in as of `now`): `halfYearStart`
///   to the owners, `halfYearEnding` before the deadline, then escalations to the coordinator and
///   the deciding roles, up to `maxReminders`.
/// - Dated events from the sources: `eventAhead` at each lead time.
///
/// "Before" reminders that fall on a quiet day move to the last working day before it;
/// start-of-half-year reminders and escalations to the first working day after it.
public struct Planner: Sendable {
    public var rules: ReminderRules
    public var quiet: QuietPeriods
    public var timeZone: AgendaTimeZone
    public var sources: [any DatedEventSource]

    /// Events are asked from the sources for the window plus this many days, so that reminders
    /// with lead times up to about a year reach into the window.
    public static let eventLookaheadDays = 400

    public init(rules: ReminderRules, quiet: QuietPeriods, timeZone: AgendaTimeZone, sources: [any DatedEventSource] = []) {
        self.rules = rules
        self.quiet = quiet
        self.timeZone = timeZone
        self.sources = sources
    }

    /// All reminders whose `sendOn` is in `from...through`, given the state as of `now` (status as
    /// of `now` decides what is still open or cancelled). Sorted by `sendAt`, `personID`, `key`.
    public func reminders(for set: AgendaSet, config: Config, from: LocalDate, through: LocalDate, now: Date) -> [Reminder] {
        plan(set, config: config, from: from, through: through, now: now).values.sorted(by: Reminder.ordered)
    }

    /// The reminders sent from `from` through `through`, by key, unordered.
    private func plan(_ set: AgendaSet, config: Config, from: LocalDate, through: LocalDate, now: Date) -> [String: Reminder] {
        guard from <= through else { return [:] }
        var plan = Plan(from: from, through: through, now: now, today: timeZone.localDate(of: now),
                        recipients: Recipients(config), roleNames: Self.roleNames(set))
        for entry in set.entries {
            planMilestones(of: entry, into: &plan)
            planSteps(of: entry, into: &plan)
        }
        planEvents(into: &plan)
        return plan.reminders
    }

    /// The first moment after `now` at which any reminder falls due (`sendAt > now`), looking
    /// `horizonDays` days ahead: what the daemon sleeps until. Nil when nothing falls due.
    ///
    /// The daemon asks after every turn, so this must not plan the whole horizon: it plans a week,
    /// then windows four times as long after it, and stops at the first window holding a reminder.
    /// That gives the same answer, because a reminder's day does not depend on the window planned
    /// and every reminder is sent at the same time of its day, so a reminder in an earlier window
    /// is sent before any in a later one. At national scale (857,803 reminders a year) planning
    /// the whole horizon took about 12 s a turn; the first week takes a fraction of that.
    public func nextDue(for set: AgendaSet, config: Config, after now: Date, horizonDays: Int = 400) -> Date? {
        let today = timeZone.localDate(of: now)
        let horizon = today.adding(days: max(horizonDays, 0))
        var from = today
        var length = 7
        while from <= horizon {
            let through = min(from.adding(days: length - 1), horizon)
            let due = plan(set, config: config, from: from, through: through, now: now).values.lazy.map(\.sendAt).filter { $0 > now }.min()
            if let due { return due }
            from = through.adding(days: 1)
            length *= 4
        }
        return nil
    }

    /// The names the loaded agendas give their roles (the first agenda naming a role wins).
    package static func roleNames(_ set: AgendaSet) -> [String: String] {
        var names: [String: String] = [:]
        for role in set.entries.flatMap(\.agenda.roles) where names[role.id] == nil { names[role.id] = role.name }
        return names
    }

    /// `date` moved to the last working day on or before it: for reminders that announce something.
    func shiftedBefore(_ date: LocalDate) -> LocalDate { quiet.lastWorkingDay(onOrBefore: date) }

    /// `date` moved to the first working day on or after it: for escalations and half-year starts.
    func shiftedAfter(_ date: LocalDate) -> LocalDate { quiet.firstWorkingDay(onOrAfter: date) }

    /// What every reminder about one thing shares, whoever receives it.
    struct Notice {
        var kind: Reminder.Kind
        var origin: String
        var subject: String
        var occurrence: String
        var sendOn: LocalDate
        var themeTitle: String?
        var title: String
        var action: String
        var detail: String?
        var countdownTo: LocalDate? = nil
        var eventDate: LocalDate
        var relevantThrough: LocalDate
    }

    /// Builds the notice for each recipient, when `sendOn` is in the window. The texts are
    /// autoclosures: most notices fall outside the window and are never worded.
    func add(_ notice: @autoclosure () -> Notice, sendOn: LocalDate, to recipients: @autoclosure () -> [Recipient],
             into plan: inout Plan) {
        guard plan.covers(sendOn) else { return }
        let recipients = recipients()
        guard !recipients.isEmpty else { return }
        let notice = notice()
        let sendAt = rules.sendAt(sendOn, in: timeZone)
        for recipient in recipients {
            let reminder = Reminder(kind: notice.kind, origin: notice.origin, subject: notice.subject, occurrence: notice.occurrence,
                                    personID: recipient.id, sendOn: sendOn, sendAt: sendAt, themeTitle: notice.themeTitle,
                                    title: notice.title, action: notice.action, reason: recipient.reason,
                                    detail: notice.detail, countdownTo: notice.countdownTo, eventDate: notice.eventDate,
                                    relevantThrough: notice.relevantThrough)
            if plan.reminders[reminder.key] == nil { plan.reminders[reminder.key] = reminder }
        }
    }
}

/// One person a notice goes to, and why: the mail says so.
struct Recipient: Sendable, Equatable {
    var id: String
    /// Dutch: "u hoort bij Schoolopleiders, die deze stap uitvoert".
    var reason: String
}

/// The window being planned and what has been found so far.
struct Plan {
    let from: LocalDate
    let through: LocalDate
    let now: Date
    /// The local day of `now`.
    let today: LocalDate
    let recipients: Recipients
    /// Role id → the name the agendas give it, for roles an event names.
    let roleNames: [String: String]
    var reminders: [String: Reminder] = [:]

    func covers(_ day: LocalDate) -> Bool { from <= day && day <= through }
}

/// Who holds which role, from the configuration.
struct Recipients {
    private var holders: [String: [String]] = [:]

    init(_ config: Config) {
        for person in config.people {
            for role in Set(person.roles) { holders[role, default: []].append(person.id) }
        }
    }

    /// The ids of everyone holding any of `roles`, plus `people`, each once, sorted.
    func people(holding roles: [String], plus people: [String] = []) -> [String] {
        var ids = Set(people)
        for role in roles { ids.formUnion(holders[role] ?? []) }
        return ids.sorted()
    }

    /// Everyone holding any of `roles`, each once, sorted by id, with the reason `because` gives for
    /// the first of the roles (in the order given) that they hold.
    func holders(of roles: [String], because: (String) -> String) -> [Recipient] {
        var found: [String: Recipient] = [:]
        for role in roles {
            for id in holders[role] ?? [] where found[id] == nil { found[id] = Recipient(id: id, reason: because(role)) }
        }
        return found.keys.sorted().map { found[$0]! }
    }
}
