import Foundation
import KoersModel
import KoersStore
import KoersSystem

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

    private let file: FileDescriptor

    private init(file: FileDescriptor) { self.file = file }

    deinit { try? file.close() }

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
        let file: FileDescriptor
        let locked: Bool
        do throws(FileError) {
            file = try FileDescriptor.open(path, .readWrite, options: .noFollow)
        } catch {
            throw .unavailable(path: path, reason: error.reason)
        }
        do throws(FileError) {
            locked = try file.tryLockOpenFileDescription()
        } catch {
            try? file.close()
            throw .unavailable(path: path, reason: error.reason)
        }
        guard locked else {
            try? file.close()
            throw .held(database: database, by: holder(at: path) ?? Holder())
        }
        let text = "\(CurrentProcess.id)\n\(Timestamp.format(startedAt))\n"
        try? file.truncate()
        try? file.writeAll(Array(text.utf8))
        return DaemonLock(file: file)
    }

    /// The daemon running on `database`, or nil when none runs (or the lock file cannot be read).
    public static func holder(database: String) -> Holder? {
        let path = path(forDatabase: database)
        guard let file = try? FileDescriptor.open(path, .readOnly, options: .noFollow) else { return nil }
        let locked = try? file.closeAfter { () throws(FileError) in try file.isLockedByOpenFileDescription() }
        return locked == true ? holder(at: path) ?? Holder() : nil
    }

    private static func holder(at path: String) -> Holder? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        return Holder(pid: lines.first.flatMap { Int32($0) }, since: lines.count > 1 ? lines[1] : nil)
    }
}
