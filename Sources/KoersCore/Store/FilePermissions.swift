import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates `path` as an empty file readable and writable by its owner only
/// (0600), unless something already exists there. Database files hold
/// personal data; SQLite would create them 0644 (minus the umask). SQLite
/// gives its -wal and -shm files the main file's permissions, so they follow.
///
/// - Returns: whether this call created the file.
@discardableResult
func createPrivateFileIfMissing(_ path: String) throws(StoreError) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
    guard fd >= 0 else {
        let code = errno
        if code == EEXIST { return false }
        throw StoreError.open(path: path, code: SQLITE_CANTOPEN, message: String(cString: strerror(code)))
    }
    defer { close(fd) }
    // The umask can only remove bits, but set the mode explicitly so the
    // result never depends on the environment.
    guard fchmod(fd, mode_t(0o600)) == 0 else {
        let code = errno
        unlink(path)
        throw StoreError.open(path: path, code: SQLITE_CANTOPEN, message: String(cString: strerror(code)))
    }
    return true
}
