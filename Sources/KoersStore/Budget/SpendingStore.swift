import Foundation
import KoersFormats
import KoersModel

/// Reading and appending spending. Entries are never changed or deleted; a mistake is corrected
/// with a negative entry, so the reports of earlier days can always be computed again.
extension Store {
    @discardableResult
    public func recordSpending(_ s: Spending, recordedAt: Date) throws -> RecordedSpending {
        try write {
            try database.run("""
                INSERT INTO spending (agenda, activity, amount_cents, hours_hundredths, spent_on, recorded_at, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [.text(s.agenda), .text(s.activity.description), .integer(Int64(s.amount.cents)),
                      s.hundredthsOfHours.map { .integer(Int64($0)) } ?? .null, .text(s.on.description),
                      .text(Timestamp.format(recordedAt)), s.note.map(SQLiteValue.text) ?? .null])
            return RecordedSpending(id: database.lastInsertRowID, spending: s, recordedAt: recordedAt)
        }
    }

    /// Every entry, per agenda by day and then in the order recorded.
    public func spendingRecords() throws -> [RecordedSpending] {
        try database.rows("""
            SELECT id, agenda, activity, amount_cents, hours_hundredths, spent_on, recorded_at, note FROM spending
            ORDER BY agenda, spent_on, id
            """).map { row in
            guard let id = row.int(0), let agenda = row.text(1), let activity = row.text(2).flatMap(AgendaDecoder.activityKey),
                  let cents = row.int(3), let on = row.text(5).flatMap({ LocalDate($0) }),
                  let recordedAt = row.text(6).flatMap(Timestamp.parse)
            else { throw StoreError.corrupt(detail: "unreadable row in spending") }
            let spending = Spending(agenda: agenda, activity: activity, amount: Money(cents: Int(cents)),
                                    hundredthsOfHours: row.int(4).map { Int($0) }, on: on, note: row.text(7))
            return RecordedSpending(id: id, spending: spending, recordedAt: recordedAt)
        }
    }

    /// What reports set against the budgets.
    public func spending() throws -> [Spending] { try spendingRecords().map(\.spending) }
}
