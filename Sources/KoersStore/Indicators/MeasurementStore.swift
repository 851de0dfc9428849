import Foundation
import KoersModel

/// Reading and appending indicator measurements. Nothing is changed or deleted: a second value for
/// the same indicator and day corrects the first, in what reports use, while both stay listed.
extension Store {
    @discardableResult
    public func recordMeasurement(_ m: IndicatorMeasurement, recordedAt: Date) throws -> RecordedMeasurement {
        try write {
            try database.run("""
                INSERT INTO measurement (agenda, indicator, value, measured_on, recorded_at, note)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [.text(m.agenda), .text(m.indicator), .real(m.value), .text(m.on.description),
                      .text(Timestamp.format(recordedAt)), m.note.map(SQLiteValue.text) ?? .null])
            return RecordedMeasurement(id: database.lastInsertRowID, measurement: m, recordedAt: recordedAt, replaced: false)
        }
    }

    /// Every entry, per agenda and indicator by day and then in the order recorded.
    public func measurementRecords() throws -> [RecordedMeasurement] {
        let rows = try database.rows("""
            SELECT id, agenda, indicator, value, measured_on, recorded_at, note FROM measurement
            ORDER BY agenda, indicator, measured_on, id
            """)
        let records = try rows.map { row -> RecordedMeasurement in
            guard let id = row.int(0), let agenda = row.text(1), let indicator = row.text(2), let value = row.double(3),
                  let on = row.text(4).flatMap({ LocalDate($0) }), let recordedAt = row.text(5).flatMap(Timestamp.parse)
            else { throw StoreError.corrupt(detail: "unreadable row in measurement") }
            return RecordedMeasurement(id: id, measurement: IndicatorMeasurement(agenda: agenda, indicator: indicator, value: value,
                                                                                 on: on, note: row.text(6)),
                                       recordedAt: recordedAt, replaced: false)
        }
        return records.enumerated().map { index, record in
            var record = record
            if index + 1 < records.count {
                let next = records[index + 1].measurement, this = record.measurement
                record.replaced = next.agenda == this.agenda && next.indicator == this.indicator && next.on == this.on
            }
            return record
        }
    }

    /// The measurements that count: one per indicator and day, the last one recorded.
    public func measurements() throws -> [IndicatorMeasurement] {
        try measurementRecords().filter { !$0.replaced }.map(\.measurement)
    }
}
