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
    /// Dutch one-line text for the mail, e.g. "Zelfscan Samen Opleiden (tweejaarlijks) — over 2 weken (september 2024)".
    public var title: String
    /// Optional Dutch explanation: roles, status, the step's full text. Never addresses.
    public var detail: String?
    /// The moment it is about: a milestone occurrence's first day, a step's deadline (its own
    /// date, else the end of its half-year: `Step.deadline`), an event's date.
    public var eventDate: LocalDate
    /// The last day on which sending it still makes sense, for catching up after downtime:
    /// the day before the milestone or event; the deadline for a half-year reminder; for an
    /// escalation the day before the next one (or the repeat interval after it, for the last).
    public var relevantThrough: LocalDate

    public init(kind: Kind, origin: String, subject: String, occurrence: String, personID: String,
                sendOn: LocalDate, sendAt: Date, themeTitle: String?, title: String, detail: String?,
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
        self.detail = detail
        self.eventDate = eventDate
        self.relevantThrough = relevantThrough
    }

    public static func key(kind: Kind, origin: String, subject: String, occurrence: String, personID: String) -> String {
        "\(kind.rawValue)|\(origin):\(subject)|\(occurrence)|\(personID)"
    }

    /// The order every list of reminders is given in: by send moment, person, key.
    static func ordered(_ a: Reminder, _ b: Reminder) -> Bool {
        if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
        if a.personID != b.personID { return a.personID < b.personID }
        return a.key < b.key
    }
}
