import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// Everything Koers holds about one person (AVG, article 15), as one JSON document: their entry in
/// the configuration, their own trajectory or those they guide, the mail to them, the reminder
/// log, and what they recorded (status changes, steps adopted from a scan). Names of other people (the starters a mentor guides) are left out: they are not theirs.
public struct PersonExport: Sendable, Encodable {
    public var format = "koers-person-export/1"
    public var id: String
    public var exportedAt: String
    public var configuration: ConfigEntry?
    public var trajectory: OwnTrajectory?
    public var guides: [Guided]
    public var messages: [Message]
    public var reminders: [ReminderEntry]
    public var statusChangesRecorded: [StatusChange]
    public var stepsAdopted: [AdoptedStep]

    public struct ConfigEntry: Sendable, Encodable {
        var name: String
        var email: String
        var school: String?
        var roles: [String]
    }

    public struct OwnTrajectory: Sendable, Encodable {
        var kind: String
        var name: String
        var email: String
        var school: String
        var start: String
        var mentor: String
        var schoolTrainer: String
        var template: String
        var endedOn: String?
        var endReason: String?
        var events: [Event]
    }

    public struct Event: Sendable, Encodable {
        var id: String
        var title: String
        var date: String
        var doneOn: String?
    }

    /// A trajectory in which the person is mentor or school trainer, without the other person's name.
    public struct Guided: Sendable, Encodable {
        var trajectory: String
        var kind: String
        var role: String
        var school: String
        var start: String
        var endedOn: String?
    }

    public struct Message: Sendable, Encodable {
        var id: Int64
        var status: String
        var recipient: String
        var subject: String
        var createdAt: String
        var sentAt: String?
        /// The message as sent (RFC 5322, 7-bit).
        var content: String
    }

    public struct ReminderEntry: Sendable, Encodable {
        var key: String
        var status: String
        var sendOn: String
        var recordedAt: String
    }

    public struct StatusChange: Sendable, Encodable {
        var agenda: String
        var step: String
        var status: String
        var at: String
    }

    /// A step the person added to the agenda from a scan's point to develop (`koers scan adopt --by`).
    public struct AdoptedStep: Sendable, Encodable {
        var agenda: String
        var step: String
        var scanRound: String
        var scanItem: String
        var recordedAt: String
    }

    /// Collects the export for `id`: a trajectory id or a configuration person id.
    public init(id: String, workspace: Workspace, store: Store, book: TrajectoryBook, now: Date) throws {
        self.id = id
        exportedAt = Timestamp.format(now)
        let person = workspace.config.person(id)
        configuration = person.map { ConfigEntry(name: $0.name, email: $0.email, school: $0.school, roles: $0.roles) }
        trajectory = book.trajectories.first { $0.id == id }.map { t in
            OwnTrajectory(kind: t.kind.rawValue, name: t.name, email: t.email, school: t.school, start: t.start.description,
                          mentor: t.mentor, schoolTrainer: t.trainer, template: t.template, endedOn: t.end?.on.description,
                          endReason: t.end?.reason.rawValue,
                          events: book.plan(of: t)?.occurrences.map {
                              Event(id: $0.id, title: $0.title, date: $0.date.description, doneOn: $0.doneOn?.description)
                          } ?? [])
        }
        guides = book.trajectories.flatMap { t -> [Guided] in
            [(t.mentor, "mentor"), (t.trainer, "schoolopleider")].filter { $0.0 == id }.map {
                Guided(trajectory: t.id, kind: t.kind.rawValue, role: $0.1, school: t.school, start: t.start.description,
                       endedOn: t.end?.on.description)
            }
        }
        let email = person?.email ?? book.trajectories.first { $0.id == id }?.email
        messages = try store.messages(to: id, email: email).map {
            Message(id: $0.id, status: $0.status.rawValue, recipient: $0.recipient, subject: $0.subject,
                    createdAt: Timestamp.format($0.createdAt), sentAt: $0.sentAt.map(Timestamp.format),
                    content: String(decoding: $0.message, as: UTF8.self))
        }
        reminders = try store.reminderLog(for: id)
        let recorders = [id] + (person.map { [$0.name] } ?? [])
        statusChangesRecorded = try store.statusChanges(recordedBy: recorders)
        stepsAdopted = try store.allAmendments().filter { $0.recordedBy.map(recorders.contains) == true }.map {
            AdoptedStep(agenda: $0.agenda, step: $0.key.description, scanRound: $0.scanRound, scanItem: $0.scanItem,
                        recordedAt: Timestamp.format($0.recordedAt))
        }
    }
}

extension Store {
    /// Messages addressed to the person (by id or address), oldest first.
    func messages(to person: String, email: String?) throws -> [OutboxMessage] {
        try outbox(statuses: [.pending, .sending, .sent, .failed], limit: Int.max)
            .filter { message in message.person == person || email.map { $0.lowercased() == message.recipient.lowercased() } == true }
            .sorted { $0.id < $1.id }
    }

    /// Reminder log entries for the person, or about their trajectory.
    func reminderLog(for id: String) throws -> [PersonExport.ReminderEntry] {
        try database.rows("""
            SELECT key, status, send_on, recorded_at FROM reminder
            WHERE substr(key, -length(?)) = ? OR instr(key, ?) > 0 ORDER BY send_on, key
            """, [.text("|" + id), .text("|" + id), .text("|\(TrajectoryEventSource.source(of: id)):")]).map {
            PersonExport.ReminderEntry(key: $0.text(0) ?? "", status: $0.text(1) ?? "", sendOn: $0.text(2) ?? "", recordedAt: $0.text(3) ?? "")
        }
    }

    func statusChanges(recordedBy recorders: [String]) throws -> [PersonExport.StatusChange] {
        try recorders.flatMap { recorder in
            try database.rows("SELECT agenda, step, status, at FROM status_event WHERE recorded_by = ? ORDER BY at, id", [.text(recorder)]).map {
                PersonExport.StatusChange(agenda: $0.text(0) ?? "", step: $0.text(1) ?? "", status: $0.text(2) ?? "", at: $0.text(3) ?? "")
            }
        }
    }
}
