import Foundation

/// One thing one person must hear on one day. Reminders for the same person and day are sent
/// together as a `Digest`.
public struct Reminder: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A milestone occurrence is coming (zelfscan in 2 weeks).
        case milestoneAhead
        /// A half-year starts: this step is yours this half-year.
        case halfYearStart
        /// The step's deadline is near and it is still open.
        case halfYearEnding
        /// The step is overdue: the coordinator is told.
        case overdueToCoordinator
        /// The step is still overdue: the deciding roles are told (repeatedly, up to the limit).
        case overdueToDeciders
        /// A dated event from a `DatedEventSource` is coming.
        case eventAhead
    }

    public var kind: Kind
    /// Idempotency key, `kind|origin:subject|occurrence|personID`, e.g.
    /// `milestoneAhead|ook-sop:zelfscan@2024-09|2w|c.jansen` or `overdueToDeciders|ook-sop:KC-B3|2024-H1#2|a.dewit`.
    /// The same reminder has the same key in every run, after restarts and reloads; a reminder that
    /// no longer applies (step done, milestone moved) is simply no longer produced.
    public var key: String
    public var personID: String
    /// The day it goes out, after moving it off weekends and quiet periods.
    public var sendOn: LocalDate
    /// `sendOn` at the rules' send time, local time in the agenda's time zone.
    public var sendAt: Date
    /// Where the subject lives: the agenda id, or the event source.
    public var origin: String
    /// What it is about: a step key (`KC-B3`), a milestone occurrence (`zelfscan@2024-09`), an event id.
    public var subject: String
    /// Which reminder about the subject: a lead time (`2w`), a half-year (`2024-H2`), an escalation
    /// (`2024-H1#2`), an event date with lead time (`2024-10-03/2wd`).
    public var occurrence: String
    /// The theme (waarborg) title the digest groups it under; nil for "Algemeen".
    public var themeTitle: String?
    /// Dutch, one line, and still true when read a day later: what it is about and its date, e.g.
    /// "LO-A3 Netwerk opzetten — nog open, uiterlijk 15 oktober 2024". A one-item digest's subject.
    public var title: String
    /// What the reader must do, and by which day, in Dutch sentences.
    public var action: String
    /// Why this reader receives it: the role, or the part they take in a trajectory.
    public var reason: String
    /// Optional Dutch context: the step's full text, its plan and status, who else takes part.
    /// Never addresses.
    public var detail: String?
    /// The mail counts down to this day on the day it is sent ("over 2 weken"), so a late or
    /// caught-up mail never says what was true on another day. Nil when there is nothing ahead.
    public var countdownTo: LocalDate?
    /// The moment it is about: a milestone occurrence's first day, a step's deadline (its own
    /// date, else the end of its half-year: `Step.deadline`), an event's date.
    public var eventDate: LocalDate
    /// The last day on which sending it still makes sense, for catching up after downtime:
    /// the day of the event; a milestone's first working day (a meeting right after the summer
    /// holiday, whose notices all moved to before it, is still announced on its morning); the
    /// deadline for a half-year reminder; for an escalation the day before the next one (or the
    /// repeat interval after it, for the last).
    public var relevantThrough: LocalDate

    public init(kind: Kind, origin: String, subject: String, occurrence: String, personID: String,
                sendOn: LocalDate, sendAt: Date, themeTitle: String?, title: String,
                action: String = "", reason: String = "", detail: String?, countdownTo: LocalDate? = nil,
                eventDate: LocalDate, relevantThrough: LocalDate) {
        self.kind = kind
        self.key = Self.key(kind: kind, origin: origin, subject: subject, occurrence: occurrence, personID: personID)
        self.personID = personID
        self.sendOn = sendOn
        self.sendAt = sendAt
        self.origin = origin
        self.subject = subject
        self.occurrence = occurrence
        self.themeTitle = themeTitle
        self.title = title
        self.action = action
        self.reason = reason
        self.detail = detail
        self.countdownTo = countdownTo
        self.eventDate = eventDate
        self.relevantThrough = relevantThrough
    }

    /// What it is about, for whom: reminders with the same `about` are notices of one thing to one
    /// person, which must arrive in the order of their days (the 8-week notice before the 2-week one).
    public var about: String { Self.about(ofKey: key)! }

    /// `about` read back from a key, for the reminder log: `origin:subject|person`, and for an event
    /// its date too (`origin:subject@2024-10-03|person`), because an event moved to another day is
    /// another thing to hear about. Nil for keys that are not a reminder's (a report's).
    public static func about(ofKey key: String) -> String? {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let day = parts[0] == Kind.eventAhead.rawValue ? parts[2].split(separator: "/").first.map { "@\($0)" } ?? "" : ""
        return "\(parts[1])\(day)|\(parts[3])"
    }

    public static func key(kind: Kind, origin: String, subject: String, occurrence: String, personID: String) -> String {
        "\(kind.rawValue)|\(origin):\(subject)|\(occurrence)|\(personID)"
    }

    /// The order every list of reminders is given in: by send moment, person, key.
    package static func ordered(_ a: Reminder, _ b: Reminder) -> Bool {
        if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
        if a.personID != b.personID { return a.personID < b.personID }
        return a.key < b.key
    }
}
