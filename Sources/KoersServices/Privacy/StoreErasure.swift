import Foundation
import KoersFormats
import KoersModel
import KoersStore

/// Removing one person's data from the database (AVG, article 17), keeping only anonymous counts.
/// Deleted content is overwritten (`secure_delete`) and the file is rebuilt and checkpointed
/// afterwards (`compactAfterErasure`), so the name does not linger in free pages or the WAL.
extension Store {
    /// Erases a trajectory and its starter or student: an anonymous tombstone for the outcomes, then
    /// the trajectory, its done records, the mail to them and the mail that named them. A
    /// trajectory still running did not end: its tombstone says it was erased, not that the person left.
    public func eraseTrajectory(_ trajectory: Trajectory, plan: TrajectoryPlan?, today: LocalDate) throws -> Erasure {
        try database.execute("PRAGMA secure_delete = ON")
        var erasure = Erasure()
        try write {
            let end = trajectory.end?.on ?? today
            let due = plan?.due(before: min(today, end.adding(days: 1))) ?? []
            try database.run("""
                INSERT INTO trajectory_tombstone (kind, template, start_month, months, end_reason, events_due, events_done)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [.text(trajectory.kind.rawValue), .text(trajectory.template),
                      .text(trajectory.start.yearMonth.description),
                      .integer(Int64(TrajectoryOutcomes.wholeMonths(from: trajectory.start, to: end))),
                      .text((trajectory.end.map { TrajectoryTombstone.Reason($0.reason) } ?? .erased).rawValue),
                      .integer(Int64(due.count)), .integer(Int64(due.filter { $0.doneOn != nil }.count))])
            let linked = try database.rows(
                "SELECT DISTINCT outbox_id FROM reminder WHERE outbox_id IS NOT NULL AND instr(key, ?) > 0",
                [.text("|\(TrajectoryEventSource.source(of: trajectory.id)):")]).compactMap { $0.int(0) }
            try eraseMail(to: trajectory.id, email: trajectory.email, name: trajectory.name, naming: linked, into: &erasure)
            try database.run("DELETE FROM reminder WHERE instr(key, ?) > 0",
                             [.text("|\(TrajectoryEventSource.source(of: trajectory.id)):")])
            erasure.remindersDeleted += database.changes
            try database.run("DELETE FROM trajectory_done WHERE trajectory = ?", [.text(trajectory.id)])
            try database.run("DELETE FROM trajectory WHERE id = ?", [.text(trajectory.id)])
            erasure.trajectories = database.changes
            try eraseReports(naming: [trajectory.name, trajectory.email], into: &erasure)
        }
        return erasure
    }

    /// Erases what the database holds about a person from the configuration: mail to them, mail and
    /// reports naming them, and them as the recorder of status changes. The configuration file
    /// itself is the administrator's to edit.
    public func erasePerson(id: String, name: String?, email: String?) throws -> Erasure {
        try database.execute("PRAGMA secure_delete = ON")
        var erasure = Erasure()
        try write {
            let email = try email ?? database.rows("SELECT recipient FROM outbox WHERE person = ? AND recipient != '' LIMIT 1",
                                                   [.text(id)]).first?.text(0)
            try eraseMail(to: id, email: email, name: name, naming: [], into: &erasure)
            try database.run("DELETE FROM reminder WHERE substr(key, -length(?)) = ?", [.text("|" + id), .text("|" + id)])
            erasure.remindersDeleted += database.changes
            let recorders = [id] + (name.map { [$0] } ?? [])
            for recorder in recorders {
                try database.run("UPDATE status_event SET recorded_by = NULL WHERE recorded_by = ?", [.text(recorder)])
                erasure.recordersCleared += database.changes
                try database.run("UPDATE agenda_amendment SET recorded_by = NULL WHERE recorded_by = ?", [.text(recorder)])
                erasure.recordersCleared += database.changes
            }
            if let name {
                erasure.notesMentioningName = Int(try database.scalarInt(
                    "SELECT count(*) FROM status_event WHERE instr(note, ?) > 0", [.text(name)]) ?? 0)
            }
            erasure.trajectoriesReferring = try database.rows(
                "SELECT id FROM trajectory WHERE mentor = ? OR trainer = ? ORDER BY id", [.text(id), .text(id)]).compactMap { $0.text(0) }
            try eraseReports(naming: [name, email].compactMap { $0 }, into: &erasure)
        }
        return erasure
    }

    /// Rebuilds the file without free pages and empties the WAL, so erased bytes leave the disk
    /// (as far as the file system lets them).
    public func compactAfterErasure() throws {
        try database.execute("VACUUM")
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Mail to the person goes entirely. Mail to others that carried their reminders (`naming`) or
    /// shows their name or address: not yet sent, it is deleted and its other reminders are
    /// planned again; sent or failed, its content, recipient and subject are wiped.
    ///
    /// The message is searched as a reader sees it (`MailText`), because its bytes hide an
    /// accented name in quoted-printable or an encoded-word, and a soft line break can cut any
    /// name in two; the HTML part shows the name HTML-escaped. The raw bytes are searched too, so
    /// nothing the decoder cannot read escapes.
    private func eraseMail(to person: String, email: String?, name: String?, naming linked: [Int64], into erasure: inout Erasure) throws {
        var own: Set<Int64> = []
        for row in try database.rows("SELECT id FROM outbox WHERE person = ? OR (? IS NOT NULL AND lower(recipient) = lower(?))",
                                     [.text(person), email.map { .text($0) } ?? .null, email.map { .text($0) } ?? .null]) {
            if let id = row.int(0) { own.insert(id) }
        }
        var naming = Set(linked)
        let markers = [name, email].compactMap { $0 }.filter { !$0.isEmpty }
        for marker in markers {
            for row in try database.rows("SELECT id FROM outbox WHERE instr(message, ?) > 0 OR instr(subject, ?) > 0 OR instr(recipient, ?) > 0",
                                         [.blob(Array(marker.utf8)), .text(marker), .text(marker)]) {
                if let id = row.int(0) { naming.insert(id) }
            }
        }
        let shown = Set(markers + markers.map(HTMLText.escape))
        try database.prepare("SELECT id, message FROM outbox").forEachRow { row in
            guard let id = row.int(0), !naming.contains(id), !own.contains(id), let message = row.blob(1) else { return }
            let text = MailText.searchable(message)
            if shown.contains(where: { text.contains($0) }) { naming.insert(id) }
        }
        naming.subtract(own)
        for id in own.sorted() { try deleteMessage(id, into: &erasure) }
        for id in naming.sorted() {
            let status = try database.rows("SELECT status FROM outbox WHERE id = ?", [.integer(id)]).first?.text(0)
            if status == "sent" || status == "failed" {
                try database.run("UPDATE outbox SET message = x'', recipient = '', subject = 'gewist', last_response = NULL WHERE id = ?",
                                 [.integer(id)])
                erasure.messagesScrubbed += 1
            } else {
                try deleteMessage(id, into: &erasure)
            }
        }
    }

    private func deleteMessage(_ id: Int64, into erasure: inout Erasure) throws {
        try database.run("DELETE FROM reminder WHERE outbox_id = ?", [.integer(id)])
        erasure.remindersDeleted += database.changes
        try database.run("DELETE FROM outbox WHERE id = ?", [.integer(id)])
        erasure.messagesDeleted += database.changes
    }

    private func eraseReports(naming markers: [String], into erasure: inout Erasure) throws {
        for marker in markers where !marker.isEmpty {
            try database.run("DELETE FROM report WHERE instr(text, ?) > 0 OR instr(html, ?) > 0 OR instr(json, ?) > 0",
                             [.text(marker), .text(HTMLText.escape(marker)), .text(marker)])
            erasure.reportsDeleted += database.changes
        }
    }
}
