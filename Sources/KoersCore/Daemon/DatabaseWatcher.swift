import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices writes to the database folder (a `koers set` from the command line commits to the
/// database and its -wal file) through inotify, so the daemon re-plans without polling. The only
/// place Koers uses inotify.
public final class DatabaseWatcher: @unchecked Sendable {
    private let fd: Int32
    private let source: DispatchSourceRead?

    /// Watches the folder holding `databasePath`; posts `.databaseChanged` on each burst of writes.
    public init(databasePath: String, wakeup: Wakeup) {
        let folder = (databasePath as NSString).deletingLastPathComponent
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0, inotify_add_watch(fd, folder.isEmpty ? "." : folder, UInt32(IN_MODIFY | IN_CLOSE_WRITE)) >= 0 else {
            source = nil
            return
        }
        let fd = self.fd
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: DispatchQueue(label: "koers.database-watch"))
        source.setEventHandler {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
            wakeup.post(.databaseChanged)
        }
        source.resume()
        self.source = source
    }

    deinit {
        source?.cancel()
        if fd >= 0 { close(fd) }
    }
}
