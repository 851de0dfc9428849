import Glibc

extension FileDescriptor {
    /// A new, empty file that no other process can open: made 0600 in `folder` under a unique
    /// name starting with `prefix`, which is removed at once, so the file is gone when the
    /// descriptor is closed. Close-on-exec; a child gets it only through a `dup2`.
    public static func anonymousFile(in folder: String, prefix: String) throws(FileError) -> FileDescriptor {
        let pattern = folder + "/" + prefix + "XXXXXX"
        var template = Array(pattern.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .system(pattern, .create) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return FileDescriptor(rawValue: fd, path: pattern)
    }
}
