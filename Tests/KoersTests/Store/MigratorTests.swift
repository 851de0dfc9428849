import Foundation
import KoersStore
import Testing

/// Runs `body` with a fresh directory that is removed afterwards.
private func withScratchDirectory(_ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("koers-migrator-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory)
}

private let migrations = [
    Migration(version: 1, name: "contacts", sql: """
        CREATE TABLE contact (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
        """),
    Migration(version: 2, name: "contact names", sql: """
        ALTER TABLE contact ADD COLUMN name TEXT;
        """),
    Migration(version: 3, name: "notes", sql: """
        CREATE TABLE note (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
            body TEXT NOT NULL
        );
        CREATE INDEX note_contact ON note(contact_id);
        """),
]

private func userVersion(_ db: Database) throws -> Int64? {
    try db.scalarInt("PRAGMA user_version")
}

@Suite("Migrator")
struct MigratorTests {
    @Test("latestVersion is the last migration's version, 0 without migrations")
    func latestVersion() {
        #expect(Migrator(migrations).latestVersion == 3)
        #expect(Migrator([]).latestVersion == 0)
    }

    @Test("a new file migrates from 0 to the latest version")
    func fromScratch() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            let result = try Migrator(migrations).migrate(db)
            #expect(result.from == 0)
            #expect(result.to == 3)
            #expect(try userVersion(db) == 3)
            let tables = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map { $0.text(0) }
            #expect(tables == ["contact", "note"])
        }
    }

    @Test("a file at an intermediate version migrates the rest and keeps its data")
    func fromIntermediate() throws {
        try withScratchDirectory { dir in
            let path = dir.appendingPathComponent("k.sqlite").path
            do {
                let db = try Database(path: path)
                let first = try Migrator(migrations).migrate(db, upTo: 1)
                #expect(first.from == 0 && first.to == 1)
                #expect(try userVersion(db) == 1)
                try db.run("INSERT INTO contact (email) VALUES (?)", [.text("anna@example.org")])
            }
            let db = try Database(path: path)
            let rest = try Migrator(migrations).migrate(db)
            #expect(rest.from == 1 && rest.to == 3)
            let rows = try db.rows("SELECT email, name FROM contact")
            #expect(rows.count == 1)
            #expect(rows.first?.text("email") == "anna@example.org")
            #expect(rows.first?.isNull("name") == true)
        }
    }

    @Test("running the migrator again on an up-to-date file changes nothing")
    func idempotent() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            let migrator = Migrator(migrations)
            try migrator.migrate(db)
            let again = try migrator.migrate(db)
            #expect(again.from == 3 && again.to == 3)
            #expect(try userVersion(db) == 3)
        }
    }

    @Test("a file written by a newer Koers is refused with .newerSchema and left untouched")
    func refusesNewerSchema() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            try db.execute("PRAGMA user_version = 7")
            #expect(throws: StoreError.newerSchema(found: 7, supported: 3)) {
                try Migrator(migrations).migrate(db)
            }
            #expect(try userVersion(db) == 7)
            #expect(StoreError.newerSchema(found: 7, supported: 3).description.contains("newer Koers"))
        }
    }

    @Test("a failing migration rolls back completely and leaves the previous version")
    func failingMigrationRollsBack() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            let broken = migrations + [
                Migration(version: 4, name: "broken", sql: """
                    CREATE TABLE half_done (id INTEGER PRIMARY KEY);
                    ALTER TABLE no_such_table ADD COLUMN x TEXT;
                    """),
            ]
            let error = #expect(throws: StoreError.self) { try Migrator(broken).migrate(db) }
            if case let .sqlite(_, _, sql)? = error {
                #expect(sql.contains("no_such_table"))
            } else {
                Issue.record("expected .sqlite, got \(String(describing: error))")
            }
            #expect(try userVersion(db) == 3)
            #expect(try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'") == 0)
        }
    }
}
