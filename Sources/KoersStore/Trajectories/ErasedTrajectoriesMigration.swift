extension Schema {
    /// A trajectory erased while it still ran (`koers person erase`) did not end: its tombstone
    /// records it as erased, so the outcomes no longer count it as having left. SQLite cannot
    /// widen a CHECK constraint in place, so the table is rebuilt with its rows. Tombstones
    /// written before keep what they say ("left" for those erased while running: which ones
    /// they were cannot be told any more).
    static let erasedTrajectoriesMigration = Migration(version: 8, name: "erased trajectories as their own outcome", sql: """
        CREATE TABLE trajectory_tombstone_v8 (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('starter', 'student')),
            template TEXT NOT NULL,
            start_month TEXT NOT NULL,
            months INTEGER NOT NULL,
            end_reason TEXT NOT NULL CHECK (end_reason IN ('left', 'finished', 'erased')),
            events_due INTEGER NOT NULL,
            events_done INTEGER NOT NULL
        );
        INSERT INTO trajectory_tombstone_v8 (id, kind, template, start_month, months, end_reason, events_due, events_done)
            SELECT id, kind, template, start_month, months, end_reason, events_due, events_done FROM trajectory_tombstone;
        DROP TABLE trajectory_tombstone;
        ALTER TABLE trajectory_tombstone_v8 RENAME TO trajectory_tombstone;
        """)
}
