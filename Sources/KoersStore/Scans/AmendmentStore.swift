import Foundation
import KoersModel

/// Agenda amendments in the database: appended, never changed (triggers refuse it).
extension Store {
    /// The amendments of one agenda, in the order they were adopted.
    public func amendments(agenda: String) throws -> [AgendaAmendment] {
        try amendments(where: "agenda = ?", [.text(agenda)])
    }

    /// Every amendment, of every agenda, in the order they were adopted.
    public func allAmendments() throws -> [AgendaAmendment] {
        try amendments(where: "1", [])
    }

    /// Appends an amendment (its `id` is assigned here) and returns it as stored. A step key the
    /// agenda already has amended is refused by the database's unique constraint.
    @discardableResult
    public func append(_ amendment: AgendaAmendment) throws -> AgendaAmendment {
        try write {
            try database.run("""
                INSERT INTO agenda_amendment (agenda, theme, activity, activity_text, step, text, period, scan_round, scan_item,
                                              recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(amendment.agenda), .text(amendment.themeCode), .text(amendment.activityID),
                      amendment.newActivityText.map(SQLiteValue.text) ?? .null, .text(amendment.stepID), .text(amendment.text),
                      .text(amendment.period.description), .text(amendment.scanRound), .text(amendment.scanItem),
                      .text(Timestamp.format(amendment.recordedAt)), amendment.recordedBy.map(SQLiteValue.text) ?? .null])
            var stored = amendment
            stored.id = database.lastInsertRowID
            let role = try database.prepare("INSERT INTO agenda_amendment_role (amendment, position, role, duty) VALUES (?, ?, ?, ?)")
            for (position, duty) in amendment.roles.enumerated() {
                try role.run([.integer(stored.id), .integer(Int64(position)), .text(duty.role), .text(duty.duty.rawValue)])
            }
            return stored
        }
    }

    private func amendments(where condition: String, _ values: [SQLiteValue]) throws -> [AgendaAmendment] {
        var roles: [Int64: [RoleDuty]] = [:]
        for row in try database.rows("SELECT amendment, role, duty FROM agenda_amendment_role ORDER BY amendment, position") {
            guard let id = row.int(0), let role = row.text(1), let duty = row.text(2).flatMap(Duty.init(rawValue:)) else {
                throw StoreError.corrupt(detail: "unreadable row in agenda_amendment_role")
            }
            roles[id, default: []].append(RoleDuty(role: role, duty: duty))
        }
        return try database.rows("""
            SELECT id, agenda, theme, activity, activity_text, step, text, period, scan_round, scan_item, recorded_at, recorded_by
            FROM agenda_amendment WHERE \(condition) ORDER BY id
            """, values).map { row in
            guard let id = row.int(0), let agenda = row.text(1), let theme = row.text(2), let activity = row.text(3),
                  let step = row.text(5), let text = row.text(6), let period = row.text(7).flatMap(HalfYear.init),
                  let round = row.text(8), let item = row.text(9), let recordedAt = row.text(10).flatMap(Timestamp.parse)
            else { throw StoreError.corrupt(detail: "unreadable row in agenda_amendment") }
            return AgendaAmendment(id: id, agenda: agenda, themeCode: theme, activityID: activity, newActivityText: row.text(4),
                                   stepID: step, text: text, period: period, roles: roles[id] ?? [], scanRound: round,
                                   scanItem: item, recordedAt: recordedAt, recordedBy: row.text(11))
        }
    }
}
