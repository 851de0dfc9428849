import Glibc

/// Two kinds of lock, for two needs. A `flock` works on a folder too and is waited for: writers
/// of one site take turns. A lock on an open file description (`F_OFD_SETLK`) is asked about
/// without being taken, and is not released when another descriptor of the same file is closed:
/// one daemon per database.
extension FileDescriptor {
    /// Waits for an exclusive `flock`, held until the descriptor is closed. Some network file
    /// systems cannot lock: then this throws `ENOLCK`, `EOPNOTSUPP` or `EINVAL`.
    public func waitForExclusiveLock() throws(FileError) {
        while flock(rawValue, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw .system(path, .lock)
        }
    }

    /// Takes a write lock on the whole file for this open file description, or returns false
    /// at once when another holds one. The kernel releases it when the last descriptor of this
    /// open is closed, however the process ends, so it never goes stale. Needs write access.
    public func tryLockOpenFileDescription() throws(FileError) -> Bool {
        var request = Self.wholeFile(F_WRLCK)
        while fcntl(rawValue, Self.setLock, &request) != 0 {
            switch errno {
            case EINTR: continue
            case EAGAIN, EACCES: return false
            default: throw .system(path, .lock)
            }
        }
        return true
    }

    /// Whether another open file description holds a lock on the file; takes none, so asking
    /// never makes a process that is taking the lock fail.
    public func isLockedByOpenFileDescription() throws(FileError) -> Bool {
        var query = Self.wholeFile(F_WRLCK)
        guard fcntl(rawValue, Self.getLock, &query) == 0 else { throw .system(path, .lock) }
        return query.l_type != Int16(F_UNLCK)
    }

    /// Linux's open-file-description lock commands (`<fcntl.h>` with `_GNU_SOURCE`, which Swift's
    /// Glibc module does not define); the numbers are part of the kernel's ABI.
    private static let getLock: Int32 = 36, setLock: Int32 = 37

    private static func wholeFile(_ type: Int32) -> flock {
        var lock = flock()
        lock.l_type = Int16(type)
        lock.l_whence = Int16(SEEK_SET)
        return lock
    }
}
