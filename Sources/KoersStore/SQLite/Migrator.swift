/// One schema step. Append-only: once released, a migration's SQL never
/// changes; fix mistakes with a new migration.
///
/// `sql` may hold several statements but must not BEGIN, COMMIT or ROLLBACK:
/// the migrator wraps it in a transaction of its own.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Brings a database file to the schema this build of Koers expects.
///
/// The schema version lives in `PRAGMA user_version`, inside the file, so it
/// travels with backups. Each migration and its version bump commit in one
/// transaction: a crash leaves the file at the old or the new version, never
/// in between. A file newer than the known migrations is refused rather than
/// written to by code that does not understand it.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    /// Versions must be exactly 1...n in order; anything else is a programming error.
    public init(_ migrations: [Migration]) {
        precondition(
            migrations.map(\.version) == Array(0..<migrations.count).map { $0 + 1 },
            "migration versions must be 1...n, contiguous and in order; got \(migrations.map(\.version))")
        self.migrations = migrations
    }

    /// The version a fully migrated database has (0 without migrations).
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies the pending migrations up to `upTo` (default: all).
    ///
    /// Safe to run on every start: an up-to-date file is left alone, and a
    /// migration already applied by a concurrent process is skipped.
    ///
    /// - Returns: the version found and the version reached.
    /// - Throws: `StoreError.newerSchema` when the file is newer than
    ///   `latestVersion`; any `StoreError` from a failing migration, after
    ///   which the file stays at the last fully applied version.
    @discardableResult
    public func migrate(_ db: Database, upTo target: Int? = nil) throws -> (from: Int, to: Int) {
        let target = target ?? latestVersion
        precondition((0...latestVersion).contains(target), "cannot migrate to unknown version \(target)")
        let found = try userVersion(db)
        var current = found
        for migration in migrations where migration.version > current && migration.version <= target {
            current = try db.transaction {
                // Re-read under the write lock: another process may have migrated meanwhile.
                let version = try userVersion(db)
                guard version < migration.version else { return version }
                try db.execute(migration.sql)
                try checkForeignKeys(db, after: migration)
                try db.execute("PRAGMA user_version = \(migration.version)")
                return migration.version
            }
        }
        return (from: found, to: current)
    }

    private func userVersion(_ db: Database) throws(StoreError) -> Int {
        let version = Int(try db.scalarInt("PRAGMA user_version") ?? 0)
        guard version <= latestVersion else {
            throw StoreError.newerSchema(found: version, supported: latestVersion)
        }
        return version
    }

    /// Table rebuilds can orphan rows without tripping immediate constraints;
    /// refuse to commit a schema step that leaves dangling references.
    private func checkForeignKeys(_ db: Database, after migration: Migration) throws(StoreError) {
        let violations = try db.rows("PRAGMA foreign_key_check")
        guard violations.isEmpty else {
            let tables = Set(violations.compactMap { $0.text(0) }).sorted().joined(separator: ", ")
            throw StoreError.sqlite(
                code: 787,  // SQLITE_CONSTRAINT_FOREIGNKEY
                message: "migration \(migration.version) (\(migration.name)) left foreign key violations in: \(tables)",
                sql: migration.sql)
        }
    }
}
