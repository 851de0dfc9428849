extension Schema {
    /// Scan rounds with their answers, and the agenda amendments adopted from them.
    ///
    /// An answer is keyed by round, school, respondent label ('' when the school answered as a
    /// whole) and item, so a second answer to the same question is refused by the database as well.
    /// Amendments are append-only, like status history: a step adopted by mistake is dropped with
    /// `koers set`, which keeps the record of both. As in status history, the one change allowed is
    /// clearing who recorded it, so a person can be erased (AVG).
    static let scansMigration = Migration(version: 6, name: "scan rounds and agenda amendments", sql: """
        CREATE TABLE scan_round (
            id TEXT PRIMARY KEY,
            instrument TEXT NOT NULL,
            held_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE TABLE scan_response (
            round TEXT NOT NULL REFERENCES scan_round (id),
            school TEXT NOT NULL,
            respondent TEXT NOT NULL DEFAULT '',
            item TEXT NOT NULL,
            level INTEGER NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (round, school, respondent, item)
        );
        CREATE TABLE agenda_amendment (
            id INTEGER PRIMARY KEY,
            agenda TEXT NOT NULL,
            theme TEXT NOT NULL,
            activity TEXT NOT NULL,
            activity_text TEXT,
            step TEXT NOT NULL,
            text TEXT NOT NULL,
            period TEXT NOT NULL,
            scan_round TEXT NOT NULL REFERENCES scan_round (id),
            scan_item TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT,
            UNIQUE (agenda, theme, step)
        );
        CREATE TABLE agenda_amendment_role (
            amendment INTEGER NOT NULL REFERENCES agenda_amendment (id),
            position INTEGER NOT NULL,
            role TEXT NOT NULL,
            duty TEXT NOT NULL CHECK (duty IN ('executes', 'proposes', 'decides', 'consulted', 'informed')),
            PRIMARY KEY (amendment, position)
        );
        CREATE TRIGGER agenda_amendment_is_append_only_update BEFORE UPDATE ON agenda_amendment
            WHEN NOT (NEW.recorded_by IS NULL AND NEW.id IS OLD.id AND NEW.agenda IS OLD.agenda AND NEW.theme IS OLD.theme
                      AND NEW.activity IS OLD.activity AND NEW.activity_text IS OLD.activity_text AND NEW.step IS OLD.step
                      AND NEW.text IS OLD.text AND NEW.period IS OLD.period AND NEW.scan_round IS OLD.scan_round
                      AND NEW.scan_item IS OLD.scan_item AND NEW.recorded_at IS OLD.recorded_at)
            BEGIN SELECT RAISE(ABORT, 'agenda amendments are append-only'); END;
        CREATE TRIGGER agenda_amendment_is_append_only_delete BEFORE DELETE ON agenda_amendment
            BEGIN SELECT RAISE(ABORT, 'agenda amendments are append-only'); END;
        CREATE TRIGGER agenda_amendment_role_is_append_only_update BEFORE UPDATE ON agenda_amendment_role
            BEGIN SELECT RAISE(ABORT, 'agenda amendments are append-only'); END;
        CREATE TRIGGER agenda_amendment_role_is_append_only_delete BEFORE DELETE ON agenda_amendment_role
            BEGIN SELECT RAISE(ABORT, 'agenda amendments are append-only'); END;
        """)
}
