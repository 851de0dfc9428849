import CSQLite

/// One SQLite connection to one database file.
///
/// One connection per owner; use it from one place. It is deliberately not
/// `Sendable`: SQLite is opened with `SQLITE_OPEN_NOMUTEX`, so there is no
/// lock inside, and sharing a connection between threads or tasks would also
/// interleave their transactions. Processes and threads that need the
/// database each open their own `Database`; SQLite's file locking (WAL mode,
/// busy timeout) coordinates them.
///
/// Opening configures what the rest of Koers relies on: extended result
/// codes, foreign keys, WAL (readers never block the writer), synchronous
/// FULL (a committed status change survives a power loss), and a busy
/// timeout. A database file that does not exist yet is created with mode
/// 0660 and its folder's group (`FileSharing.folderGroup`): it holds personal
/// data, shared by the daemon and the people in the group `koers` only.
public final class Database {
    /// The path given at open time.
    public let path: String
    /// Whether the connection was opened read-only.
    public let isReadOnly: Bool
    /// The connection. Raw pointers never leave the Store folder.
    let handle: OpaquePointer
    /// Nesting depth of `transaction(_:)`, used to name savepoints.
    var transactionDepth = 0

    /// Opens (and for read-write, creates) the database at `path`.
    ///
    /// - Parameter busyTimeout: how long to wait for another connection's
    ///   lock before failing with `StoreError.busy`.
    public init(path: String, readOnly: Bool = false, busyTimeout: Duration = .seconds(5)) throws(StoreError) {
        if !readOnly, Database.isFilePath(path) {
            try createFileIfMissing(path, sharing: .folderGroup)
        }
        var opened: OpaquePointer?
        let mode = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &opened, mode | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let opened else {
            // SQLite usually hands out a handle even on failure; it must be closed.
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(opened)
            throw StoreError.open(path: path, code: rc, message: message)
        }
        // SQLite opens a file it may not write read-only without saying so, and its first read would
        // then leave read-only -wal and -shm files that keep failing after the file's permission is
        // fixed. Refuse before anything is read.
        if !readOnly, sqlite3_db_readonly(opened, "main") == 1 {
            sqlite3_close_v2(opened)
            throw StoreError.readOnly(path: path)
        }
        do throws(StoreError) {
            try Database.configure(opened, path: path, readOnly: readOnly, busyTimeout: busyTimeout)
        } catch {
            sqlite3_close_v2(opened)
            throw error
        }
        self.path = path
        self.isReadOnly = readOnly
        self.handle = opened
    }

    deinit {
        // close_v2 defers the real close until any outstanding statements are finalized.
        sqlite3_close_v2(handle)
    }

    // MARK: - Executing SQL

    /// Runs one or more `;`-separated statements without bound values (DDL, pragmas).
    public func execute(_ sql: String) throws(StoreError) {
        try Database.exec(handle, sql, path: path)
    }

    /// Prepares exactly one statement; more than one is an error so that
    /// nothing after the first `;` is silently ignored.
    public func prepare(_ sql: String) throws(StoreError) -> Statement {
        let prepared: Result<OpaquePointer, StoreError> = sql.withCString { cSQL in
            var statement: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v2(handle, cSQL, -1, &statement, &tail)
            guard rc == SQLITE_OK else {
                sqlite3_finalize(statement)
                return .failure(error(code: rc, sql: sql))
            }
            guard let statement else {
                return .failure(.sqlite(code: SQLITE_MISUSE, message: "there is no SQL statement to prepare", sql: sql))
            }
            if let tail, tail.pointee != 0 {
                // Only whitespace and comments may follow; they prepare to no statement.
                var extra: OpaquePointer?
                let extraRC = sqlite3_prepare_v2(handle, tail, -1, &extra, nil)
                if extraRC != SQLITE_OK || extra != nil {
                    sqlite3_finalize(extra)
                    sqlite3_finalize(statement)
                    return .failure(.sqlite(
                        code: SQLITE_MISUSE,
                        message: "prepare(_:) takes exactly one statement; use execute(_:) for several",
                        sql: sql))
                }
            }
            return .success(statement)
        }
        switch prepared {
        case let .success(statement): return Statement(database: self, handle: statement, sql: sql)
        case let .failure(error): throw error
        }
    }

    /// Prepares and runs one statement with bound values.
    public func run(_ sql: String, _ values: [SQLiteValue] = []) throws(StoreError) {
        try prepare(sql).run(values)
    }

    /// Prepares one statement and returns all its rows.
    public func rows(_ sql: String, _ values: [SQLiteValue] = []) throws(StoreError) -> [Row] {
        try prepare(sql).rows(values)
    }

    /// The first column of the first row as an integer; nil when there is no
    /// row or the value is NULL or not an integer.
    public func scalarInt(_ sql: String, _ values: [SQLiteValue] = []) throws(StoreError) -> Int64? {
        try prepare(sql).firstRow(values)?.int(0)
    }

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int {
        Int(sqlite3_changes64(handle))
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }

    /// Changes whenever another connection (or process) commits to this
    /// database, and not for this connection's own writes. A long-running
    /// process compares successive values to notice outside writes cheaply.
    public var dataVersion: Int64 {
        get throws(StoreError) {
            try scalarInt("PRAGMA data_version") ?? 0
        }
    }

    /// Runs `PRAGMA integrity_check`; returns the problems found, empty when the file is sound.
    public func integrityCheck() throws(StoreError) -> [String] {
        let messages = try rows("PRAGMA integrity_check").map { $0.text(0) ?? "" }
        return messages == ["ok"] ? [] : messages
    }

    // MARK: - Internals

    /// The error for a failed call on this connection, with SQLite's current message.
    func error(code: Int32, sql: String) -> StoreError {
        StoreError(resultCode: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql, path: path)
    }

    private static func isFilePath(_ path: String) -> Bool {
        !path.isEmpty && path != ":memory:" && !path.hasPrefix("file:")
    }

    private static func configure(
        _ db: OpaquePointer, path: String, readOnly: Bool, busyTimeout: Duration
    ) throws(StoreError) {
        sqlite3_extended_result_codes(db, 1)
        let (seconds, attoseconds) = busyTimeout.components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000).partialValue
            + attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(db, Int32(clamping: max(0, milliseconds)))
        try exec(db, "PRAGMA foreign_keys = ON", path: path)
        // Reads the header, so a file that is not a database fails here, at open time.
        try exec(db, "PRAGMA schema_version", path: path)
        if !readOnly {
            let journalMode = try exec(db, "PRAGMA journal_mode = WAL", path: path)
            if journalMode != "wal", isFilePath(path) {
                throw StoreError.open(
                    path: path, code: SQLITE_ERROR,
                    message: "could not switch to WAL journal mode (SQLite kept '\(journalMode ?? "none")')")
            }
        }
        try exec(db, "PRAGMA synchronous = FULL", path: path)
    }

    /// sqlite3_exec on a bare handle (usable before `self` exists); returns the
    /// first column of the last result row, if any.
    @discardableResult
    private static func exec(_ db: OpaquePointer, _ sql: String, path: String) throws(StoreError) -> String? {
        final class LastValue { var text: String? }
        let last = LastValue()
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = withExtendedLifetime(last) {
            sqlite3_exec(db, sql, { context, count, values, _ in
                guard let context, count > 0, let first = values?[0] else { return 0 }
                Unmanaged<LastValue>.fromOpaque(context).takeUnretainedValue().text = String(cString: first)
                return 0
            }, Unmanaged.passUnretained(last).toOpaque(), &errorMessage)
        }
        guard rc == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            sqlite3_free(errorMessage)
            throw StoreError(resultCode: rc, message: message, sql: sql, path: path)
        }
        return last.text
    }
}
