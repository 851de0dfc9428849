import Glibc

/// A file operation that failed: which file, which step, why, and what to check. Callers that
/// have a message of their own build it from `operation`, `cause` and `reason`.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The step that failed; the raw value is the system call's name.
    public enum Operation: String, Sendable {
        case open, create, stat, read, write, fsync, close, chmod, chown, seek, truncate, lock, rename, link, unlink, mkdir, socket, send, watch, shutdown

        /// What the step does to a file, as in "cannot set the mode of FILE".
        public var phrase: String {
            switch self {
            case .stat: "inspect"
            case .fsync: "flush"
            case .chmod: "set the mode of"
            case .chown: "set the group of"
            case .seek: "seek in"
            case .unlink: "remove"
            case .rename: "rename to"
            case .link: "link to"
            case .mkdir: "create"
            case .socket: "open a socket for"
            case .send: "send to"
            case .watch: "watch"
            case .shutdown: "shut down"
            default: rawValue
            }
        }
    }

    public enum Cause: Equatable, Sendable {
        /// The system call failed with this `errno`.
        case system(Int32)
        /// A file was expected, and the path is a folder.
        case folder
        /// A regular file was expected, and the path is a device, pipe or socket.
        case notRegularFile
        /// The file holds `size` bytes (or at least that many), more than the reader takes.
        case tooLarge(size: Int, limit: Int)
    }

    public var path: String
    public var operation: Operation
    public var cause: Cause

    public init(path: String, operation: Operation, cause: Cause) {
        self.path = path
        self.operation = operation
        self.cause = cause
    }

    /// The failure of a system call that has just set `errno`.
    static func system(_ path: String, _ operation: Operation, _ code: Int32 = errno) -> FileError {
        FileError(path: path, operation: operation, cause: .system(code))
    }

    /// The `errno` of a failed system call; nil for the checks Koers makes itself.
    public var code: Int32? {
        if case let .system(code) = cause { return code }
        return nil
    }

    /// The name is taken already (`EEXIST`): by a file `create` must not replace, or a folder.
    public var isNameTaken: Bool { code == EEXIST }

    /// Nothing is at the path (`ENOENT`).
    public var isMissing: Bool { code == ENOENT }

    /// The system ran short of something that may come back (disk space, memory, descriptors),
    /// or the device was busy or failed: trying again later may succeed.
    public var isTemporary: Bool {
        [ENOSPC, EDQUOT, EIO, EAGAIN, EMFILE, ENFILE, ENOMEM, EINTR, EBUSY].contains(code ?? 0)
    }

    /// The file system cannot lock (some network file systems): `ENOLCK`, `EOPNOTSUPP`, `EINVAL`.
    public var isLockUnsupported: Bool { [ENOLCK, EOPNOTSUPP, EINVAL].contains(code ?? 0) }

    /// A rename failed because the name is a mount point or the other name is on another file
    /// system (`EBUSY`, `EXDEV`).
    public var isAcrossMountPoints: Bool { code == EBUSY || code == EXDEV }

    /// Why, in a few words: the system's own text for an `errno`.
    public var reason: String {
        switch cause {
        case let .system(code): String(cString: strerror(code))
        case .folder: "it is a folder"
        case .notRegularFile: "it is not a regular file (a device, pipe or socket)"
        case let .tooLarge(_, limit): "it is larger than the \(limit) bytes Koers reads from it"
        }
    }

    public var description: String {
        "Could not \(operation.phrase) \(path): \(reason). \(advice)"
    }

    private var advice: String {
        switch cause {
        case .folder, .notRegularFile: return "Give the path of a regular file."
        case .tooLarge: return "Check that this is the right file."
        case let .system(code):
            switch code {
            case EACCES, EPERM: return "Check that Koers's user or group may use the file and its folder."
            case ENOENT, ENOTDIR: return "Check that the path is right and that its folder exists."
            case ENOSPC, EDQUOT, EFBIG: return "Free some disk space, or raise the quota."
            case EROFS: return "The file system is read-only; give a path Koers may write to."
            case ELOOP: return "Koers does not follow a symbolic link here; give the real path."
            case EIO: return "Check the disk; the system log may say more."
            default: return "Check that the folder exists and that Koers may write there."
            }
        }
    }
}
