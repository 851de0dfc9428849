import Glibc

/// What `stat` says about a file, as far as Koers asks.
public struct FileStatus: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case regular, folder
        /// Only from `FileSystem.status(of:followingLinks: false)`; an open file is never one.
        case symbolicLink
        /// A device, pipe or socket.
        case other
    }

    public var kind: Kind
    /// In bytes; what a regular file holds now.
    public var size: Int
    /// The user and group that own the file.
    public var owner: uid_t
    public var group: gid_t
    /// The permission bits (0o777), without the file type or the set-ID and sticky bits.
    public var permissions: mode_t

    init(_ info: stat) {
        kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .folder
        case S_IFLNK: .symbolicLink
        default: .other
        }
        size = Int(info.st_size)
        owner = info.st_uid
        group = info.st_gid
        permissions = info.st_mode & 0o777
    }

    /// Whether this process (its effective user) owns the file, and so may change its mode.
    public var isOwnedByThisProcess: Bool { owner == geteuid() }
}

extension FileDescriptor {
    public func status() throws(FileError) -> FileStatus {
        var info = stat()
        guard fstat(rawValue, &info) == 0 else { throw .system(path, .stat) }
        return FileStatus(info)
    }
}
