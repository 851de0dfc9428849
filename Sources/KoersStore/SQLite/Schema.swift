/// The database schema, as forward migrations keyed by `PRAGMA user_version`. Never edit a shipped
/// migration: add the next one.
enum Schema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "status history", sql: """
            CREATE TABLE status_event (
                id INTEGER PRIMARY KEY,
                agenda TEXT NOT NULL,
                step TEXT NOT NULL,
                status TEXT NOT NULL
                    CHECK (status IN ('planned', 'in-progress', 'done', 'postponed', 'dropped')),
                postponed_to TEXT,
                at TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT,
                note TEXT,
                CHECK ((status = 'postponed') = (postponed_to IS NOT NULL))
            );
            CREATE INDEX status_event_by_step ON status_event (agenda, step, at, id);
            CREATE TRIGGER status_event_is_append_only_update BEFORE UPDATE ON status_event
                BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
            CREATE TRIGGER status_event_is_append_only_delete BEFORE DELETE ON status_event
                BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
            """),
        Migration(version: 2, name: "outbox and reminder log", sql: """
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                person TEXT NOT NULL,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                message BLOB NOT NULL,
                message_id TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_response TEXT,
                created_at TEXT NOT NULL,
                sent_at TEXT,
                reported_at TEXT
            );
            CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
            CREATE TABLE reminder (
                key TEXT PRIMARY KEY,
                outbox_id INTEGER REFERENCES outbox (id),
                status TEXT NOT NULL CHECK (status IN ('queued', 'stale')),
                send_on TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            CREATE TABLE daemon_state (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            """),
        Migration(version: 3, name: "report archive", sql: """
            CREATE TABLE report (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('halfyear', 'year')),
                period TEXT NOT NULL,
                as_of TEXT NOT NULL,
                title TEXT NOT NULL,
                html TEXT NOT NULL,
                text TEXT NOT NULL,
                json TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (kind, period)
            );
            CREATE TRIGGER report_is_append_only_update BEFORE UPDATE ON report
                BEGIN SELECT RAISE(ABORT, 'the report archive is append-only'); END;
            """),
        trajectoriesMigration,
        measurementsMigration,
        scansMigration,
        Store.reminderOrderMigration,
        erasedTrajectoriesMigration,
    ]

    static let migrator = Migrator(migrations)
}
