/// Measured indicator values (`koers measure`) and money spent on activities (`koers spend`).
/// Both are appended, never changed, like the status history: a report regenerated later shows
/// what was recorded, and a correction is a new entry (a later value for the same day, or a
/// negative amount).
extension Schema {
    static let measurementsMigration = Migration(version: 5, name: "measurements and spending", sql: """
        CREATE TABLE measurement (
            id INTEGER PRIMARY KEY,
            agenda TEXT NOT NULL,
            indicator TEXT NOT NULL,
            value REAL NOT NULL,
            measured_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            note TEXT
        );
        CREATE INDEX measurement_by_indicator ON measurement (agenda, indicator, measured_on, id);
        CREATE TRIGGER measurement_is_append_only_update BEFORE UPDATE ON measurement
            BEGIN SELECT RAISE(ABORT, 'measurements are append-only'); END;
        CREATE TRIGGER measurement_is_append_only_delete BEFORE DELETE ON measurement
            BEGIN SELECT RAISE(ABORT, 'measurements are append-only'); END;
        CREATE TABLE spending (
            id INTEGER PRIMARY KEY,
            agenda TEXT NOT NULL,
            activity TEXT NOT NULL,
            amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
            hours_hundredths INTEGER CHECK (hours_hundredths IS NULL OR hours_hundredths > 0),
            spent_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            note TEXT
        );
        CREATE INDEX spending_by_activity ON spending (agenda, activity, spent_on, id);
        CREATE TRIGGER spending_is_append_only_update BEFORE UPDATE ON spending
            BEGIN SELECT RAISE(ABORT, 'spending is append-only'); END;
        CREATE TRIGGER spending_is_append_only_delete BEFORE DELETE ON spending
            BEGIN SELECT RAISE(ABORT, 'spending is append-only'); END;
        """)
}
