import Glibc

/// The operations on names in a folder that whole-file writes need; a failure names the path
/// the caller cares about (the destination of a rename or link).
public enum FileSystem {
    /// Renames `source` to `destination` in one step, replacing what was there.
    public static func rename(_ source: String, to destination: String) throws(FileError) {
        guard Glibc.rename(source, destination) == 0 else { throw .system(destination, .rename) }
    }

    /// Gives the file at `source` a second name, `destination`; never replaces (`EEXIST`).
    public static func link(_ source: String, to destination: String) throws(FileError) {
        guard Glibc.link(source, destination) == 0 else { throw .system(destination, .link) }
    }

    /// Removes the name `path` (not a folder).
    public static func remove(_ path: String) throws(FileError) {
        guard unlink(path) == 0 else { throw .system(path, .unlink) }
    }

    /// What is at `path`: with `followingLinks: false`, the symbolic link itself (`lstat`).
    public static func status(of path: String, followingLinks: Bool = true) throws(FileError) -> FileStatus {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { throw .system(path, .stat) }
        return FileStatus(info)
    }

    /// Creates the folder `path` with exactly `permissions`, whatever the umask. When
    /// `mayExist`, a name already taken (`EEXIST`) is accepted and left as it is.
    public static func makeFolder(_ path: String, permissions: mode_t, mayExist: Bool = false) throws(FileError) {
        guard mkdir(path, permissions) == 0 else {
            if mayExist && errno == EEXIST { return }
            throw .system(path, .mkdir)
        }
        try setPermissions(of: path, permissions)
    }

    /// Sets the mode of the file at `path` exactly (following a symbolic link).
    public static func setPermissions(of path: String, _ permissions: mode_t) throws(FileError) {
        guard chmod(path, permissions) == 0 else { throw .system(path, .chmod) }
    }

    /// Gives the file at `path` to `group`, keeping its owner.
    public static func setGroup(of path: String, _ group: gid_t) throws(FileError) {
        guard chown(path, uid_t.max, group) == 0 else { throw .system(path, .chown) }
    }

    /// Whether anything, a dangling symbolic link included, has the name `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Flushes the folder's entries to disk, so a file created or renamed in it survives a crash.
    public static func syncFolder(_ path: String) throws(FileError) {
        let folder = try FileDescriptor.open(path, .readOnly, options: .directory)
        try folder.closeAfter { () throws(FileError) in try folder.sync() }
    }

    /// The folder `path` is in: `.` for a bare name, `/` for a name in the root.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
