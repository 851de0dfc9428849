import Foundation
import KoersSystem

/// Notices writes to the database folder (a `koers set` from the command line commits to the
/// database and its -wal file) through a `FolderWatch`, so the daemon re-plans without polling.
public final class DatabaseWatcher: WakeupSource, @unchecked Sendable {
    private var watch: FolderWatch?

    public init() {}

    /// Watches the folder holding `databasePath`; posts `.databaseChanged` on each burst of writes.
    /// Without inotify the daemon still re-plans at its next wake-up.
    public func start(posting wakeup: Wakeup, databasePath: String) {
        let folder = (databasePath as NSString).deletingLastPathComponent
        watch = try? FolderWatch(folder: folder.isEmpty ? "." : folder) { wakeup.post(.databaseChanged) }
    }

    public func stop() {
        watch?.cancel()
        watch = nil
    }

    deinit { stop() }
}
