import Glibc

/// Puts a whole file in place in one step: readers see the old content or the new one, never
/// half of it, and a crash leaves one of the two. The one sequence Koers writes files with: the
/// content goes to a hidden temporary file next to the target (created with `mode` from the
/// start, so a secret is never briefly readable), is flushed to disk, and is then renamed over
/// the target (`write`) or linked to a name that must be free (`create`); then the folder entry
/// is flushed too. No temporary file stays behind, also after a failure.
public enum AtomicFile {
    /// Replaces the file at `path` (or creates it) with `bytes`.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(FileError) {
        try put(bytes, at: path, mode: mode) { temporary throws(FileError) in
            try FileSystem.rename(temporary, to: path)
        }
    }

    public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws(FileError) {
        try write(Array(text.utf8), to: path, mode: mode)
    }

    /// Creates the file at `path` holding `bytes`, but never replaces one: when the name is
    /// taken, this fails with `EEXIST` (operation `link`) and leaves what is there alone. On a
    /// file system without hard links it checks, then renames (a tiny window remains).
    public static func create(_ bytes: [UInt8], at path: String, mode: mode_t) throws(FileError) {
        try put(bytes, at: path, mode: mode) { temporary throws(FileError) in
            do throws(FileError) {
                try FileSystem.link(temporary, to: path)
            } catch where [EPERM, EOPNOTSUPP, EXDEV, EMLINK].contains(error.code ?? 0) {
                guard !FileSystem.exists(path) else { throw .system(path, .link, EEXIST) }
                try FileSystem.rename(temporary, to: path)
                return
            }
            try? FileSystem.remove(temporary)
        }
    }

    /// Writes the temporary file, then has `place` put it at `path`; a failure of any step is
    /// reported for `path`, the name the caller knows.
    private static func put(_ bytes: [UInt8], at path: String, mode: mode_t,
                            place: (String) throws(FileError) -> Void) throws(FileError) {
        let folder = FileSystem.folder(of: path)
        let temporary = folder + "/." + FileSystem.name(of: path) + ".tmp-\(CurrentProcess.id)-\(UInt32.random(in: 0...UInt32.max))"
        do throws(FileError) {
            try FileDescriptor.createFile(temporary, holding: bytes, permissions: mode)
            do throws(FileError) {
                try place(temporary)
            } catch {
                try? FileSystem.remove(temporary)
                throw error
            }
        } catch {
            throw FileError(path: path, operation: error.operation, cause: error.cause)
        }
        try? FileSystem.syncFolder(folder)
    }
}
