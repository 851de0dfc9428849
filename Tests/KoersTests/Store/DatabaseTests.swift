import Foundation
import KoersStore
import Testing

/// Runs `body` with a fresh directory that is removed afterwards.
private func withScratchDirectory(_ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("koers-database-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory)
}

private func permissions(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

private func group(of path: String) throws -> gid_t {
    var info = stat()
    guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
    return info.st_gid
}

private struct Boom: Error, Equatable {}

@Suite("Database")
struct DatabaseTests {
    @Test("every SQLite value type round-trips unchanged, including Unicode text and binary with NUL bytes")
    func valuesRoundTrip() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            // A column without a declared type has no affinity, so nothing is converted.
            try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v)")
            let values: [SQLiteValue] = [
                .null,
                .integer(0), .integer(42), .integer(.max), .integer(.min),
                .real(3.25), .real(-1e-300), .real(.greatestFiniteMagnitude),
                .text(""), .text("Zoë 🚀 日本語 ∑ العربية"), .text("nul\u{0}inside"),
                .blob([]), .blob([0, 1, 2, 0, 255, 128]), .blob(Array(0...255)),
            ]
            let insert = try db.prepare("INSERT INTO t (v) VALUES (?)")
            for value in values {
                try insert.run([value])
            }
            let read = try db.rows("SELECT v FROM t ORDER BY id").map { $0[0] }
            #expect(read == values)
        }
    }

    @Test("typed accessors read by index and by case-insensitive column name")
    func typedAccessors() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            let rows = try db.rows(
                "SELECT ? AS name, ? AS count, ? AS ratio, ? AS data, NULL AS missing",
                [.text("Anna"), .integer(7), .real(0.5), .blob([1, 2])])
            let row = try #require(rows.first)
            #expect(row.columnNames == ["name", "count", "ratio", "data", "missing"])
            #expect(row.text(0) == "Anna")
            #expect(row.text("NAME") == "Anna")
            #expect(row.int("count") == 7)
            #expect(row.double("count") == 7.0)
            #expect(row.double("ratio") == 0.5)
            #expect(row.blob("data") == [1, 2])
            #expect(row.isNull("missing"))
            #expect(row.text("count") == nil)
            #expect(row["ratio"] == .real(0.5))
        }
    }

    @Test("a prepared statement is reusable and streams rows with forEachRow")
    func statementReuse() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            try db.execute("CREATE TABLE t (n INTEGER NOT NULL)")
            let insert = try db.prepare("INSERT INTO t (n) VALUES (?)")
            for n in 1...5 {
                try insert.run([.integer(Int64(n))])
                #expect(db.lastInsertRowID == Int64(n))
                #expect(db.changes == 1)
            }
            var seen: [Int64] = []
            try db.prepare("SELECT n FROM t WHERE n > ? ORDER BY n").forEachRow([.integer(2)]) { row in
                seen.append(row.int(0) ?? -1)
            }
            #expect(seen == [3, 4, 5])
            #expect(try db.scalarInt("SELECT count(*) FROM t") == 5)
            #expect(try db.scalarInt("SELECT n FROM t WHERE n > 99") == nil)
        }
    }

    @Test("prepare refuses more than one statement and a wrong number of values")
    func prepareMisuse() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            try db.execute("CREATE TABLE t (a INTEGER, b INTEGER)")
            #expect(throws: StoreError.self) { try db.prepare("SELECT 1; SELECT 2") }
            _ = try db.prepare("SELECT 1; -- a trailing comment is fine\n")
            let error = #expect(throws: StoreError.self) { try db.run("INSERT INTO t VALUES (?, ?)", [.integer(1)]) }
            if case .sqlite(code: 25, _, _)? = error {} else { Issue.record("expected SQLITE_RANGE, got \(String(describing: error))") }
        }
    }

    @Test("a transaction whose body throws rolls back and rethrows the body's error")
    func transactionRollsBack() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            try db.execute("CREATE TABLE t (n INTEGER)")
            #expect(throws: Boom()) {
                try db.transaction {
                    try db.run("INSERT INTO t VALUES (1)")
                    throw Boom()
                }
            }
            #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
            #expect(!db.isInTransaction)
            let value = try db.transaction {
                try db.run("INSERT INTO t VALUES (2)")
                return 2
            }
            #expect(value == 2)
            #expect(try db.scalarInt("SELECT count(*) FROM t") == 1)
        }
    }

    @Test("a failing nested transaction rolls back to its savepoint and keeps the outer work")
    func nestedSavepoint() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            try db.execute("CREATE TABLE t (n INTEGER)")
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                #expect(throws: Boom()) {
                    try db.transaction {
                        try db.run("INSERT INTO t VALUES (2)")
                        throw Boom()
                    }
                }
                try db.transaction {
                    try db.run("INSERT INTO t VALUES (3)")
                }
            }
            let values = try db.rows("SELECT n FROM t ORDER BY n").map { $0.int(0) }
            #expect(values == [1, 3])
            #expect(!db.isInTransaction)
        }
    }

    @Test("data survives closing and reopening the file")
    func reopenKeepsData() throws {
        try withScratchDirectory { dir in
            let path = dir.appendingPathComponent("k.sqlite").path
            do {
                let db = try Database(path: path)
                try db.execute("CREATE TABLE t (s TEXT)")
                try db.run("INSERT INTO t VALUES (?)", [.text("bewaard")])
            }
            let reopened = try Database(path: path)
            #expect(try reopened.rows("SELECT s FROM t").map { $0.text(0) } == ["bewaard"])
            let readOnly = try Database(path: path, readOnly: true)
            #expect(try readOnly.scalarInt("SELECT count(*) FROM t") == 1)
        }
    }

    @Test("connections use WAL, synchronous FULL and enforce foreign keys")
    func connectionSettings() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            #expect(try db.rows("PRAGMA journal_mode").first?.text(0) == "wal")
            #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
            #expect(try db.scalarInt("PRAGMA synchronous") == 2)
            try db.execute("""
                CREATE TABLE parent (id INTEGER PRIMARY KEY);
                CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id));
                """)
            let error = #expect(throws: StoreError.self) { try db.run("INSERT INTO child VALUES (?)", [.integer(9)]) }
            if case .sqlite(code: 787, _, _)? = error {} else { Issue.record("expected SQLITE_CONSTRAINT_FOREIGNKEY, got \(String(describing: error))") }
        }
    }

    @Test("a new database file and its -wal and -shm files are shared with the folder's group and nobody else (0660)")
    func fileMode() throws {
        try withScratchDirectory { dir in
            // The group the daemon and the people using the CLI share (koers): a group other than
            // the creator's own, given to the folder, as scripts/install does.
            let shared: gid_t = getuid() == 0 ? 4321 : getgid()
            #expect(chown(dir.path, uid_t.max, shared) == 0)
            let path = dir.appendingPathComponent("k.sqlite").path
            let db = try Database(path: path)
            try db.execute("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1);")
            #expect(try permissions(of: path) == 0o660)
            #expect(try group(of: path) == shared)
            #expect(try permissions(of: path + "-wal") == 0o660)
            #expect(try permissions(of: path + "-shm") == 0o660)
        }
    }

    @Test("an owner-only database an older Koers made (0600) is shared with the folder's group when the store opens it; a read-only one stays read-only")
    func olderModeShared() throws {
        try withScratchDirectory { dir in
            let path = dir.appendingPathComponent("k.sqlite").path
            _ = try Store(path: path)
            #expect(chmod(path, 0o600) == 0)
            _ = try Store(path: path)
            #expect(try permissions(of: path) == 0o660)
            #expect(chmod(path, 0o644) == 0)
            _ = try Store(path: path)
            #expect(try permissions(of: path) == 0o640, "others lose what they could do; the rest is kept")
        }
    }

    @Test("opening in a missing directory fails with .open; writing a read-only connection fails with .readOnly")
    func openAndReadOnlyErrors() throws {
        try withScratchDirectory { dir in
            let missing = dir.appendingPathComponent("nope/k.sqlite").path
            let error = #expect(throws: StoreError.self) { try Database(path: missing) }
            if case .open(path: missing, _, _)? = error {} else { Issue.record("expected .open, got \(String(describing: error))") }

            let path = dir.appendingPathComponent("k.sqlite").path
            try Database(path: path).execute("CREATE TABLE t (n INTEGER)")
            let readOnly = try Database(path: path, readOnly: true)
            #expect(throws: StoreError.readOnly(path: path)) { try readOnly.run("INSERT INTO t VALUES (1)") }
        }
    }

    @Test("a file that is not a database is reported as .corrupt when opened")
    func notADatabase() throws {
        try withScratchDirectory { dir in
            let path = dir.appendingPathComponent("k.sqlite").path
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { try Database(path: path) }
            guard case let .corrupt(detail)? = error else {
                Issue.record("expected .corrupt, got \(String(describing: error))")
                return
            }
            #expect(detail.contains(path))
            #expect(detail.contains("26"))  // SQLITE_NOTADB
        }
    }

    @Test("a writer blocked by another connection's BEGIN IMMEDIATE gets .busy after its timeout")
    func busy() throws {
        try withScratchDirectory { dir in
            let path = dir.appendingPathComponent("k.sqlite").path
            let holder = try Database(path: path)
            try holder.execute("CREATE TABLE t (n INTEGER)")
            let other = try Database(path: path, busyTimeout: .milliseconds(100))
            try holder.execute("BEGIN IMMEDIATE")
            #expect(throws: StoreError.busy(sql: "BEGIN IMMEDIATE")) { try other.transaction {} }
            #expect(throws: StoreError.busy(sql: "INSERT INTO t VALUES (1)")) { try other.run("INSERT INTO t VALUES (1)") }
            // WAL: the reader is not blocked by the writer.
            #expect(try other.scalarInt("SELECT count(*) FROM t") == 0)
            try holder.execute("COMMIT")
            try other.run("INSERT INTO t VALUES (1)")
            #expect(StoreError.busy(sql: "x").description.contains("another process"))
        }
    }

    @Test("an error description names the SQL and SQLite's message but never a bound value")
    func errorDescriptionHidesValues() throws {
        try withScratchDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            try db.execute("CREATE TABLE contacts (email TEXT NOT NULL UNIQUE)")
            let sql = "INSERT INTO contacts (email) VALUES (?)"
            try db.run(sql, [.text("geheim@example.org")])
            let error = try #require(#expect(throws: StoreError.self) {
                try db.run(sql, [.text("geheim@example.org")])
            })
            guard case let .sqlite(code, message, failedSQL) = error else {
                Issue.record("expected .sqlite, got \(error)")
                return
            }
            #expect(code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(failedSQL == sql)
            #expect(message.contains("UNIQUE constraint failed"))
            #expect(error.description.contains(sql))
            #expect(error.description.contains("2067"))
            #expect(error.description.contains("UNIQUE constraint failed: contacts.email"))
            #expect(!error.description.contains("geheim"))
        }
    }

    @Test("a backup is a private, sound copy with the same rows")
    func backup() throws {
        try withScratchDirectory { dir in
            let source = try Database(path: dir.appendingPathComponent("k.sqlite").path)
            try source.execute("CREATE TABLE t (n INTEGER, s TEXT)")
            try source.transaction {
                for n in 1...500 {
                    try source.run("INSERT INTO t VALUES (?, ?)", [.integer(Int64(n)), .text("rij \(n)")])
                }
            }
            let backupPath = dir.appendingPathComponent("backup.sqlite").path
            try Database.backup(from: source, to: backupPath)
            #expect(try permissions(of: backupPath) == 0o600)

            let copy = try Database(path: backupPath)
            #expect(try copy.integrityCheck() == [])
            #expect(try copy.rows("SELECT n, s FROM t ORDER BY n") == source.rows("SELECT n, s FROM t ORDER BY n"))
            #expect(try source.integrityCheck() == [])
        }
    }

    @Test("dataVersion changes when another connection commits, not for this connection's own writes")
    func dataVersion() throws {
        try withScratchDirectory { dir in
            let path = dir.appendingPathComponent("k.sqlite").path
            let watcher = try Database(path: path)
            try watcher.execute("CREATE TABLE t (n INTEGER)")
            let start = try watcher.dataVersion
            try watcher.run("INSERT INTO t VALUES (1)")
            #expect(try watcher.dataVersion == start)

            let writer = try Database(path: path)
            try writer.run("INSERT INTO t VALUES (2)")
            #expect(try watcher.dataVersion != start)
        }
    }
}
