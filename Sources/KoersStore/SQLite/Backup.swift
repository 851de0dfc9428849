import CSQLite
import KoersSystem

extension Database {
    /// Copies `source` into a single self-contained file at `path` while
    /// other connections keep working (SQLite's online backup API), which is
    /// safe where copying a live WAL database with `cp` is not.
    ///
    /// A new file is created with mode 0600; an existing database file at
    /// `path` is overwritten. On failure a file this call created is removed.
    public static func backup(from source: Database, to path: String) throws(StoreError) {
        let operation = "-- online backup (sqlite3_backup) of main"
        guard path != source.path else {
            throw StoreError.sqlite(code: SQLITE_MISUSE, message: "cannot back up a database onto itself", sql: operation)
        }
        let created = try createFileIfMissing(path, sharing: .owner)
        var destination: OpaquePointer?
        let rc = sqlite3_open_v2(path, &destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let destination else {
            let message = destination.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(destination)
            if created { try? FileSystem.remove(path) }
            throw StoreError.open(path: path, code: rc, message: message)
        }
        sqlite3_extended_result_codes(destination, 1)
        sqlite3_busy_timeout(destination, 5000)

        var failure: StoreError?
        if let backup = sqlite3_backup_init(destination, "main", source.handle, "main") {
            // -1: copy every page in one step, so the copy is one consistent snapshot.
            let stepRC = sqlite3_backup_step(backup, -1)
            let finishRC = sqlite3_backup_finish(backup)
            let code = stepRC != SQLITE_DONE ? stepRC : finishRC
            if code != SQLITE_OK && code != SQLITE_DONE {
                // finish() leaves the backup's error on the destination handle.
                failure = StoreError(
                    resultCode: code, message: String(cString: sqlite3_errmsg(destination)),
                    sql: operation, path: path)
            }
        } else {
            failure = StoreError(
                resultCode: sqlite3_extended_errcode(destination),
                message: String(cString: sqlite3_errmsg(destination)), sql: operation, path: path)
        }
        sqlite3_close_v2(destination)
        if let failure {
            if created { try? FileSystem.remove(path) }
            throw failure
        }
    }
}
