import Glibc

/// An open file, folder or pipe, in the style of swift-system's `FileDescriptor`: a plain value,
/// closed explicitly (`close`, or `closeAfter`). Each system call Koers makes on a descriptor is
/// made here once, with `EINTR` retried, and fails with a `FileError` that names the file.
public struct FileDescriptor: Sendable {
    public let rawValue: Int32
    /// The path the descriptor was opened with, or what it is: for messages only.
    public let path: String

    public init(rawValue: Int32, path: String) {
        self.rawValue = rawValue
        self.path = path
    }

    public enum AccessMode: Sendable {
        case readOnly, writeOnly, readWrite

        var flags: Int32 {
            switch self {
            case .readOnly: O_RDONLY
            case .writeOnly: O_WRONLY
            case .readWrite: O_RDWR
            }
        }
    }

    public struct OpenOptions: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// Create the file when it is missing, with the permissions given to `open`.
        public static let create = OpenOptions(rawValue: O_CREAT)
        /// With `create`: fail with `EEXIST` when something is at the path already.
        public static let exclusiveCreate = OpenOptions(rawValue: O_EXCL)
        /// Fail with `ELOOP` rather than follow a symbolic link in the last component.
        public static let noFollow = OpenOptions(rawValue: O_NOFOLLOW)
        /// Do not wait: opening a named pipe returns at once.
        public static let nonBlocking = OpenOptions(rawValue: O_NONBLOCK)
        /// Fail with `ENOTDIR` unless the path is a folder.
        public static let directory = OpenOptions(rawValue: O_DIRECTORY)
    }

    /// Opens `path`, always close-on-exec, so a program Koers starts never inherits it.
    /// `permissions` is the mode a file made by `.create` gets, minus the umask.
    public static func open(_ path: String, _ mode: AccessMode, options: OpenOptions = [],
                            permissions: mode_t = 0o600) throws(FileError) -> FileDescriptor {
        while true {
            let fd = Glibc.open(path, mode.flags | options.rawValue | O_CLOEXEC, permissions)
            if fd >= 0 { return FileDescriptor(rawValue: fd, path: path) }
            if errno == EINTR { continue }
            throw .system(path, options.contains(.create) ? .create : .open)
        }
    }

    /// Closes the descriptor. It is released even when this throws (Linux never keeps it open),
    /// so it is not retried; the error matters after writing, when it can be a lost write.
    public func close() throws(FileError) {
        guard Glibc.close(rawValue) == 0 else { throw .system(path, .close) }
    }

    /// Runs `body`, then closes the descriptor. When `body` throws, its error is the one thrown,
    /// not a failure to close after it; when `body` succeeds, a failure to close is thrown.
    public func closeAfter<R>(_ body: () throws(FileError) -> R) throws(FileError) -> R {
        let result: R
        do {
            result = try body()
        } catch {
            try? close()
            throw error
        }
        try close()
        return result
    }
}
