import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Held by `koers run` for its whole life, so a second daemon on the same database refuses to start
/// and `koers status` can tell whether one runs.
///
/// It is a lock on an open file description (`F_OFD_SETLK`) of a file beside the database
/// (`koers.sqlite.daemon`): the kernel releases it when the process ends, however it ends, so it
/// never goes stale the way a pid file does, and asking about it (`F_OFD_GETLK`) takes no lock that
/// could make a starting daemon fail. Unlike a POSIX record lock, closing another descriptor of the
/// same file does not release it. The pid and start moment written into the file are for messages only.
public final class DaemonLock {
    /// Who holds the lock, as the holder wrote it.
    public struct Holder: Sendable, Equatable, CustomStringConvertible {
        public var pid: Int32?
        public var since: String?

        public var description: String {
            ["pid \(pid.map(String.init) ?? "unknown")", since.map { "started \($0)" }].compactMap { $0 }.joined(separator: ", ")
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case held(database: String, by: Holder)
        case unavailable(path: String, reason: String)

        public var description: String {
            switch self {
            case let .held(database, holder):
                "another koers daemon (\(holder)) is already running on \(database); "
                    + "stop it first (systemctl stop koers), or give this one another configuration"
            case let .unavailable(path, reason):
                "cannot lock \(path): \(reason); the daemon needs to create and write this file beside the database. "
                    + Config.groupHint
            }
        }
    }

    /// Linux's open-file-description lock commands (`<fcntl.h>` with `_GNU_SOURCE`, which Swift's
    /// Glibc module does not define); the numbers are part of the kernel's ABI.
    private static let getLock: Int32 = 36, setLock: Int32 = 37

    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    public static func path(forDatabase database: String) -> String { database + ".daemon" }

    /// Takes the lock for the life of the returned value, or says who holds it.
    public static func acquire(database: String, startedAt: Date) throws(Failure) -> DaemonLock {
        let path = path(forDatabase: database)
        do throws(StoreError) {
            try createFileIfMissing(path, sharing: .folderGroup)
        } catch {
            if case .open(_, _, let message) = error { throw .unavailable(path: path, reason: message) }
            throw .unavailable(path: path, reason: "\(error)")
        }
        let fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .unavailable(path: path, reason: String(cString: strerror(errno))) }
        var request = wholeFile(F_WRLCK)
        guard fcntl(fd, setLock, &request) == 0 else {
            let code = errno
            close(fd)
            if code == EAGAIN || code == EACCES { throw .held(database: database, by: holder(at: path) ?? Holder()) }
            throw .unavailable(path: path, reason: String(cString: strerror(code)))
        }
        let text = "\(getpid())\n\(Timestamp.format(startedAt))\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return DaemonLock(descriptor: fd)
    }

    /// The daemon running on `database`, or nil when none runs (or the lock file cannot be read).
    public static func holder(database: String) -> Holder? {
        let path = path(forDatabase: database)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var query = wholeFile(F_WRLCK)
        guard fcntl(fd, getLock, &query) == 0, query.l_type != Int16(F_UNLCK) else { return nil }
        return holder(at: path) ?? Holder()
    }

    private static func holder(at path: String) -> Holder? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        return Holder(pid: lines.first.flatMap { Int32($0) }, since: lines.count > 1 ? lines[1] : nil)
    }

    private static func wholeFile(_ type: Int32) -> flock {
        var lock = flock()
        lock.l_type = Int16(type)
        lock.l_whence = Int16(SEEK_SET)
        return lock
    }
}
