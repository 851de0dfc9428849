import Glibc

extension FileDescriptor {
    /// Writes all of `bytes` at the current offset, however many writes that takes: a write to a
    /// pipe may be short, and a signal may interrupt one (`EINTR`) or cut it short.
    public func writeAll(_ bytes: [UInt8]) throws(FileError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(rawValue, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(path, .write)
            }
            written += n
        }
    }

    /// Flushes what was written to the disk (`fsync`); on a folder, its entries.
    public func sync() throws(FileError) {
        while fsync(rawValue) != 0 {
            if errno == EINTR { continue }
            throw .system(path, .fsync)
        }
    }

    /// Sets the mode exactly: the umask only takes bits away when a file is created.
    public func setPermissions(_ permissions: mode_t) throws(FileError) {
        guard fchmod(rawValue, permissions) == 0 else { throw .system(path, .chmod) }
    }

    /// Gives the file to `group`, keeping its owner.
    public func setGroup(_ group: gid_t) throws(FileError) {
        guard fchown(rawValue, uid_t.max, group) == 0 else { throw .system(path, .chown) }
    }

    /// Cuts the file off after `size` bytes.
    public func truncate(to size: Int = 0) throws(FileError) {
        while ftruncate(rawValue, off_t(size)) != 0 {
            if errno == EINTR { continue }
            throw .system(path, .truncate)
        }
    }

    /// Moves the offset to `offset` bytes from the start.
    public func seek(to offset: Int) throws(FileError) {
        guard lseek(rawValue, off_t(offset), SEEK_SET) >= 0 else { throw .system(path, .seek) }
    }

    /// Creates the file at `path`, which must not exist yet (nor be a symbolic link), with
    /// exactly `permissions` whatever the umask, holding `bytes`, flushed to disk and closed. After
    /// a failure nothing is left at `path` (unless something was there before).
    public static func createFile(_ path: String, holding bytes: [UInt8], permissions: mode_t) throws(FileError) {
        let file = try open(path, .writeOnly, options: [.create, .exclusiveCreate, .noFollow], permissions: permissions)
        do throws(FileError) {
            try file.closeAfter { () throws(FileError) in
                try file.setPermissions(permissions)
                try file.writeAll(bytes)
                try file.sync()
            }
        } catch {
            try? FileSystem.remove(path)
            throw error
        }
    }
}
