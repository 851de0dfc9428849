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
