import CSQLite
import KoersModel

/// Everything that can go wrong in the store, phrased for the person at the keyboard.
///
/// Descriptions say what happened and what to do next. They include SQLite's
/// result code, its message and the SQL text, but never bound values: those
/// hold personal data such as e-mail addresses. Keep values out of SQL text
/// by always binding them.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened or configured as a database.
    case open(path: String, code: Int32, message: String)
    /// Any SQLite failure without a more specific case (constraints, syntax, I/O …).
    case sqlite(code: Int32, message: String, sql: String)
    /// SQLITE_BUSY or SQLITE_LOCKED after the busy timeout: someone else holds the lock.
    case busy(sql: String)
    /// A write was attempted on a read-only database or file.
    case readOnly(path: String)
    /// The disk refused a write: SQLITE_FULL (no space left), or SQLITE_IOERR_WRITE or
    /// SQLITE_IOERR_SHMSIZE, which is how SQLite reports a full quota (EDQUOT) or a file size
    /// limit (EFBIG, RLIMIT_FSIZE).
    case full
    /// The file is damaged or not a Koers database: SQLITE_CORRUPT or
    /// SQLITE_NOTADB (detail then names path, result code, message and SQL),
    /// or content that the layer above cannot read.
    case corrupt(detail: String)
    /// The file's `user_version` is newer than the migrations this build knows.
    case newerSchema(found: Int, supported: Int)

    public var description: String {
        switch self {
        case let .open(path, code, message):
            return "Could not open the database at \(path): \(message) "
                + "(SQLite \(StoreError.name(of: code)), result code \(code)). "
                + "Check that the directory exists and that you may read and write it. " + Config.groupHint
        case let .sqlite(code, message, sql):
            return "SQLite reported \(StoreError.name(of: code)) (result code \(code)): \(message). "
                + "Statement: \(sql)\n"
                + "If this keeps happening, please report it as a Koers bug together with this message."
        case let .busy(sql):
            return "The database is busy (SQLITE_BUSY/SQLITE_LOCKED): another process holds it, "
                + "for example the Koers daemon or another koers command. "
                + "Wait a moment and try again. Statement: \(sql)"
        case let .readOnly(path):
            return "Cannot write to the database at \(path): it is read-only (SQLITE_READONLY). "
                + "Check the permissions of the file, of the -wal and -shm files beside it, and of its directory. " + Config.groupHint
        case .full:
            return "The disk is full, or a quota or file size limit was reached: the last change was not saved. "
                + "Free some disk space (or raise the limit) and try again; if there is space, check the system log for disk errors."
        case let .corrupt(detail):
            return "The database is damaged or is not a Koers database: \(detail).\n"
                + "Restore it from a backup; do not keep writing to it."
        case let .newerSchema(found, supported):
            return "This database has schema version \(found), but this Koers only knows up to "
                + "version \(supported): it was written by a newer Koers. "
                + "Upgrade Koers, or restore a backup made with this version."
        }
    }

    /// Maps a (possibly extended) result code by its primary code (`code & 0xff`), except for the
    /// two I/O errors that mean a refused write. (SQLite only calls ENOSPC full, and the errno of
    /// the failed write is gone by the time `sqlite3_system_errno` is asked.)
    init(resultCode code: Int32, message: String, sql: String, path: String) {
        if code == StoreError.ioerrWrite || code == StoreError.ioerrShmSize {
            self = .full
            return
        }
        switch code & 0xff {
        case SQLITE_BUSY, SQLITE_LOCKED:
            self = .busy(sql: sql)
        case SQLITE_READONLY:
            self = .readOnly(path: path)
        case SQLITE_FULL:
            self = .full
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            self = .corrupt(detail: "\(path): SQLite \(StoreError.name(of: code)) (result code \(code)): "
                + "\(message). Statement: \(sql)")
        default:
            self = .sqlite(code: code, message: message, sql: sql)
        }
    }

    /// SQLITE_IOERR_WRITE and SQLITE_IOERR_SHMSIZE, whose macros Swift does not import.
    static let ioerrWrite = SQLITE_IOERR | (3 << 8)
    static let ioerrShmSize = SQLITE_IOERR | (19 << 8)

    private static func name(of code: Int32) -> String {
        let names = [
            "SQLITE_OK", "SQLITE_ERROR", "SQLITE_INTERNAL", "SQLITE_PERM", "SQLITE_ABORT",
            "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_NOMEM", "SQLITE_READONLY", "SQLITE_INTERRUPT",
            "SQLITE_IOERR", "SQLITE_CORRUPT", "SQLITE_NOTFOUND", "SQLITE_FULL", "SQLITE_CANTOPEN",
            "SQLITE_PROTOCOL", "SQLITE_EMPTY", "SQLITE_SCHEMA", "SQLITE_TOOBIG", "SQLITE_CONSTRAINT",
            "SQLITE_MISMATCH", "SQLITE_MISUSE", "SQLITE_NOLFS", "SQLITE_AUTH", "SQLITE_FORMAT",
            "SQLITE_RANGE", "SQLITE_NOTADB", "SQLITE_NOTICE", "SQLITE_WARNING",
        ]
        let primary = Int(code & 0xff)
        return primary < names.count ? names[primary] : "SQLite code \(primary)"
    }
}
