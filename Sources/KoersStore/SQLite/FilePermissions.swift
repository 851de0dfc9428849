import CSQLite
import KoersSystem

/// Who may read the files Koers creates. Database files hold personal data; SQLite would create
/// them 0644 (minus the umask), readable by every local user.
package enum FileSharing {
    /// Readable and writable by the owner only (0600): backups.
    case owner
    /// Readable and writable by the owner and the group of the folder the file is in, never by
    /// others (0660): the database, which the daemon (user `koers`) and the people in the group
    /// `koers` share. SQLite gives its -wal and -shm files the main file's mode; the state folder's
    /// set-group-ID bit (`scripts/install`, `StateDirectoryMode=2770`) gives them its group.
    case folderGroup

    var mode: UInt32 { self == .owner ? 0o600 : 0o660 }
}

/// Creates `path` as an empty file shared as `sharing` says, unless something already exists there.
///
/// - Returns: whether this call created the file.
@discardableResult
package func createFileIfMissing(_ path: String, sharing: FileSharing) throws(StoreError) -> Bool {
    let file: FileDescriptor
    do throws(FileError) {
        file = try FileDescriptor.open(path, .writeOnly, options: [.create, .exclusiveCreate], permissions: sharing.mode)
    } catch {
        if error.isNameTaken { return false }
        throw StoreError.open(path: path, code: SQLITE_CANTOPEN, message: error.reason)
    }
    // The umask can only remove bits, but set the mode explicitly so the result never depends on
    // the environment.
    do throws(FileError) {
        try file.closeAfter { () throws(FileError) in
            if sharing == .folderGroup, let folder = try? FileSystem.status(of: FileSystem.folder(of: path)) {
                try file.setGroup(folder.group)
            }
            try file.setPermissions(sharing.mode)
        }
    } catch {
        try? FileSystem.remove(path)
        throw StoreError.open(path: path, code: SQLITE_CANTOPEN, message: error.reason)
    }
    return true
}

/// Shares the database files this process owns that an older Koers made for their owner only
/// (0600) with the folder's group (0660), and takes away whatever others may do with them. A mode
/// someone set on purpose (a read-only file) is otherwise kept; files owned by someone else are
/// left alone: only their owner (or root) may change them.
func shareWithFolderGroup(_ paths: [String]) {
    for path in paths {
        guard let file = try? FileSystem.status(of: path), file.isOwnedByThisProcess,
              let folder = try? FileSystem.status(of: FileSystem.folder(of: path)) else { continue }
        let mode = file.permissions
        if mode == FileSharing.owner.mode {
            if file.group != folder.group { try? FileSystem.setGroup(of: path, folder.group) }
            try? FileSystem.setPermissions(of: path, FileSharing.folderGroup.mode)
        } else if mode & 0o007 != 0 {
            try? FileSystem.setPermissions(of: path, mode & 0o770)
        }
    }
}
