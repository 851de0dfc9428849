extension Schema {
    /// Trajectories of starting teachers and students: only what the work needs (AVG), the dates
    /// events took place, and anonymous counts that outlive erasure. Status history may from now on
    /// have its recorder cleared (and nothing else changed), so a person can be erased from it.
    static let trajectoriesMigration = Migration(version: 4, name: "trajectories", sql: """
        CREATE TABLE trajectory (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('starter', 'student')),
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            school TEXT NOT NULL,
            start_on TEXT NOT NULL,
            mentor TEXT NOT NULL,
            trainer TEXT NOT NULL,
            template TEXT NOT NULL,
            ended_on TEXT,
            end_reason TEXT CHECK (end_reason IN ('left', 'finished')),
            CHECK ((ended_on IS NULL) = (end_reason IS NULL))
        );
        CREATE TABLE trajectory_done (
            trajectory TEXT NOT NULL REFERENCES trajectory (id) ON DELETE CASCADE,
            occurrence TEXT NOT NULL,
            done_on TEXT NOT NULL,
            PRIMARY KEY (trajectory, occurrence)
        );
        CREATE TABLE trajectory_tombstone (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('starter', 'student')),
            template TEXT NOT NULL,
            start_month TEXT NOT NULL,
            months INTEGER NOT NULL,
            end_reason TEXT NOT NULL CHECK (end_reason IN ('left', 'finished')),
            events_due INTEGER NOT NULL,
            events_done INTEGER NOT NULL
        );
        DROP TRIGGER status_event_is_append_only_update;
        CREATE TRIGGER status_event_is_append_only_update BEFORE UPDATE ON status_event
            WHEN NOT (NEW.recorded_by IS NULL AND NEW.id IS OLD.id AND NEW.agenda IS OLD.agenda AND NEW.step IS OLD.step
                      AND NEW.status IS OLD.status AND NEW.postponed_to IS OLD.postponed_to AND NEW.at IS OLD.at
                      AND NEW.recorded_at IS OLD.recorded_at AND NEW.note IS OLD.note)
            BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
        """)
}
