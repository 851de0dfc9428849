import Glibc

/// What `fstat` says about an open file, as far as Koers asks.
public struct FileStatus: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case regular, folder
        /// A device, pipe, socket or symbolic link.
        case other
    }

    public var kind: Kind
    /// In bytes; what a regular file holds now.
    public var size: Int
}

extension FileDescriptor {
    public func status() throws(FileError) -> FileStatus {
        var info = stat()
        guard fstat(rawValue, &info) == 0 else { throw .system(path, .stat) }
        let kind: FileStatus.Kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .folder
        default: .other
        }
        return FileStatus(kind: kind, size: Int(info.st_size))
    }
}
