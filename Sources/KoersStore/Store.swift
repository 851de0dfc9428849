import CSQLite
import Foundation
import KoersSystem

/// Koers' state in one SQLite file: opened, migrated forward, and used from one place at a time.
/// The CLI and the daemon each open their own `Store` on the same file; WAL and the busy timeout
/// let them share it.
public final class Store {
    package let database: Database
    public let path: String

    /// Opens (creating it for its owner and its folder's group) and migrates the database.
    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o2770])
            } catch {
                // Foundation's own text for this is empty on Linux; the system's reason is underneath.
                let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error)
                    .map { FileError(path: folder, operation: .mkdir, cause: .system(Int32(($0 as NSError).code))).reason }
                throw StoreError.open(path: path, code: SQLITE_CANTOPEN,
                                      message: "cannot create the folder \(folder): \(reason ?? "\(error)")")
            }
        }
        self.path = path
        database = try Database(path: path)
        shareWithFolderGroup([path, path + "-wal", path + "-shm"])
        let found = Int(try database.scalarInt("PRAGMA user_version") ?? 0)
        if found > 0 && found < Schema.migrator.latestVersion {
            backupPath = try Self.backupBeforeUpgrade(database, path: path, version: found)
        }
        _ = try Schema.migrator.migrate(database)
    }

    /// Where the copy taken before migrating this file to a newer schema went, if one was taken.
    public private(set) var backupPath: String?

    /// An older database is copied (online backup, mode 0600) before any migration touches it:
    /// `koers.sqlite.v2-backup`, or `…-2`, `…-3` when that name is taken.
    private static func backupBeforeUpgrade(_ database: Database, path: String, version: Int) throws -> String {
        var candidate = "\(path).v\(version)-backup"
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(path).v\(version)-backup-\(n)"
            n += 1
        }
        try Database.backup(from: database, to: candidate)
        return candidate
    }

    public var schemaVersion: Int { Schema.migrator.latestVersion }

    /// Runs `body` in one write transaction: all of it is recorded, or none.
    public func write<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(body)
    }

    public func integrityProblems() throws -> [String] { try database.integrityCheck() }
}
