import CSQLite

/// A prepared statement, reusable with different bound values.
///
/// Prepare once and run many times in loops: parsing SQL is the expensive
/// part. Values are always bound (never interpolated), which keeps personal
/// data out of SQL text and therefore out of error messages. The statement
/// keeps its `Database` alive and, like it, must be used from one place only.
public final class Statement {
    /// The SQL text this statement was prepared from.
    public let sql: String
    private let database: Database
    private let handle: OpaquePointer
    private var columnNames: [String]?

    init(database: Database, handle: OpaquePointer, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Executes to completion, ignoring any result rows (e.g. `RETURNING`).
    public func run(_ values: [SQLiteValue] = []) throws(StoreError) {
        defer { sqlite3_reset(handle) }
        try bind(values)
        while try step() != nil {}
    }

    /// All result rows, copied.
    public func rows(_ values: [SQLiteValue] = []) throws(StoreError) -> [Row] {
        defer { sqlite3_reset(handle) }
        try bind(values)
        var result: [Row] = []
        while let row = try step() {
            result.append(row)
        }
        return result
    }

    /// Streams rows to `body` without collecting them, for large results.
    /// Throws `StoreError` from SQLite, or whatever `body` throws (which stops the loop).
    public func forEachRow(_ values: [SQLiteValue] = [], body: (Row) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        try bind(values)
        while let row = try step() {
            try body(row)
        }
    }

    /// The first row, if any; stops stepping after it.
    func firstRow(_ values: [SQLiteValue] = []) throws(StoreError) -> Row? {
        defer { sqlite3_reset(handle) }
        try bind(values)
        return try step()
    }

    // MARK: - Internals

    private func bind(_ values: [SQLiteValue]) throws(StoreError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        columnNames = nil
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == values.count else {
            throw StoreError.sqlite(
                code: SQLITE_RANGE,
                message: "the statement has \(expected) parameter(s) but \(values.count) value(s) were given",
                sql: sql)
        }
        let transient = csqlite_transient()
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null:
                rc = sqlite3_bind_null(handle, index)
            case let .integer(n):
                rc = sqlite3_bind_int64(handle, index, n)
            case let .real(d):
                rc = sqlite3_bind_double(handle, index, d)
            case let .text(s):
                // Explicit byte length: correct for strings with embedded NUL,
                // and an empty string stays '' instead of becoming NULL.
                let length = UInt64(s.utf8.count)
                rc = s.withCString { sqlite3_bind_text64(handle, index, $0, length, transient, UInt8(SQLITE_UTF8)) }
            case let .blob(bytes):
                if bytes.isEmpty {
                    // A nil pointer would bind NULL; a zero-length blob stays a blob.
                    rc = sqlite3_bind_zeroblob(handle, index, 0)
                } else {
                    rc = bytes.withUnsafeBytes {
                        sqlite3_bind_blob64(handle, index, $0.baseAddress, UInt64($0.count), transient)
                    }
                }
            }
            guard rc == SQLITE_OK else { throw database.error(code: rc, sql: sql) }
        }
    }

    /// Steps once; returns the copied row, or nil when done.
    private func step() throws(StoreError) -> Row? {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW:
            return currentRow()
        case SQLITE_DONE:
            return nil
        default:
            throw database.error(code: rc, sql: sql)
        }
    }

    private func currentRow() -> Row {
        let count = sqlite3_column_count(handle)
        let names: [String]
        if let cached = columnNames, cached.count == Int(count) {
            names = cached
        } else {
            names = (0..<count).map { i in
                sqlite3_column_name(handle, i).map { String(cString: $0) } ?? ""
            }
            columnNames = names
        }
        var values: [SQLiteValue] = []
        values.reserveCapacity(Int(count))
        for i in 0..<count {
            values.append(columnValue(i))
        }
        return Row(columnNames: names, values: values)
    }

    private func columnValue(_ i: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, i))
        case SQLITE_TEXT:
            // Pointer first, then byte count, as SQLite documents.
            guard let text = sqlite3_column_text(handle, i) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, i))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(handle, i)
            let count = Int(sqlite3_column_bytes(handle, i))
            guard let bytes, count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }
}
