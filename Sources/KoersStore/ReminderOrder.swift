import KoersModel

/// Notices of one thing to one person arrive in the order of their days: once the "3 days before"
/// notice of a milestone went out, its "2 weeks before" notice never follows, also not after the
/// clock jumped back or after downtime. The reminder log records, per reminder, what it is about
/// (`Reminder.about`) and the day the planner gave it. Rows of events from before this migration get
/// their `about` without the event's date, so they hold back no later notice. The last turn's moment
/// is forgotten: a Koers from before this migration did not wake every midnight, so a long sleep
/// would read as downtime and owe the Co-OP'er an overview nothing was missed for.
extension Store {
    static let reminderOrderMigration = Migration(version: 7, name: "reminder order", sql: """
        ALTER TABLE reminder ADD COLUMN about TEXT;
        ALTER TABLE reminder ADD COLUMN planned_on TEXT;
        UPDATE reminder SET about = part.subject || '|' || substr(part.rest, instr(part.rest, '|') + 1), planned_on = reminder.send_on
        FROM (SELECT key, substr(tail, 1, instr(tail, '|') - 1) AS subject, substr(tail, instr(tail, '|') + 1) AS rest
              FROM (SELECT key, substr(key, instr(key, '|') + 1) AS tail FROM reminder)) AS part
        WHERE part.key = reminder.key;
        CREATE INDEX reminder_about ON reminder (about, planned_on);
        DELETE FROM daemon_state WHERE name = 'last-run';
        """)

    /// `Reminder.about` of a reminder key; NULL for other keys (a report's).
    static func about(ofReminderKey key: String) -> SQLiteValue {
        Reminder.about(ofKey: key).map { .text($0) } ?? .null
    }

    /// For each `about`, the latest day the planner gave a notice about it that was queued or
    /// recorded as stale.
    public func latestHandledDays(about: Set<String>) throws -> [String: LocalDate] {
        var result: [String: LocalDate] = [:]
        let list = Array(about)
        for start in stride(from: 0, to: list.count, by: 400) {
            let chunk = list[start..<min(start + 400, list.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            for row in try database.rows("SELECT about, max(planned_on) FROM reminder WHERE about IN (\(marks)) GROUP BY about",
                                         chunk.map { .text($0) }) {
                if let about = row.text(0), let day = row.text(1).flatMap({ LocalDate($0) }) { result[about] = day }
            }
        }
        return result
    }
}
