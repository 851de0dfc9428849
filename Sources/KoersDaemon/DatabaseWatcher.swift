import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices writes to the database folder (a `koers set` from the command line commits to the
/// database and its -wal file) through inotify, so the daemon re-plans without polling. The only
/// place Koers uses inotify.
public final class DatabaseWatcher: WakeupSource, @unchecked Sendable {
    private var source: DispatchSourceRead?

    public init() {}

    /// Watches the folder holding `databasePath`; posts `.databaseChanged` on each burst of writes.
    /// Without inotify the daemon still re-plans at its next wake-up.
    public func start(posting wakeup: Wakeup, databasePath: String) {
        let folder = (databasePath as NSString).deletingLastPathComponent
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        guard inotify_add_watch(fd, folder.isEmpty ? "." : folder, UInt32(IN_MODIFY | IN_CLOSE_WRITE)) >= 0 else {
            close(fd)
            return
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: DispatchQueue(label: "koers.database-watch"))
        source.setEventHandler {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
            wakeup.post(.databaseChanged)
        }
        // Closed on the source's queue once no handler can read it any more.
        source.setCancelHandler { close(fd) }
        source.resume()
        self.source = source
    }

    public func stop() {
        source?.cancel()
        source = nil
    }

    deinit { stop() }
}
