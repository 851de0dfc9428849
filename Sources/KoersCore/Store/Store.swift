import Foundation

/// Koers' state in one SQLite file: opened, migrated forward, and used from one place at a time.
/// The CLI and the daemon each open their own `Store` on the same file; WAL and the busy timeout
/// let them share it.
public final class Store {
    let database: Database
    public let path: String

    /// Opens (creating with owner-only permissions) and migrates the database.
    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        self.path = path
        database = try Database(path: path)
        _ = try Schema.migrator.migrate(database)
    }

    public var schemaVersion: Int { Schema.migrator.latestVersion }

    /// Runs `body` in one write transaction: all of it is recorded, or none.
    public func write<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(body)
    }

    public func integrityProblems() throws -> [String] { try database.integrityCheck() }
}
