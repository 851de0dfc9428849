import Dispatch
import Glibc

/// Calls back when files in a folder are written (inotify `IN_MODIFY`, `IN_CLOSE_WRITE`): once
/// per burst of writes, on a queue of its own. The only place Koers uses inotify. Watches until
/// `cancel`; the descriptor is closed once no callback can read it any more. A Dispatch source
/// may be cancelled from any thread.
public final class FolderWatch: @unchecked Sendable {
    private let source: DispatchSourceRead

    /// Starts watching `folder`; throws when inotify is unavailable or the folder cannot be watched.
    public init(folder: String, onChange: @escaping @Sendable () -> Void) throws(FileError) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw .system(folder, .watch) }
        guard inotify_add_watch(fd, folder, UInt32(IN_MODIFY | IN_CLOSE_WRITE)) >= 0 else {
            let error = FileError.system(folder, .watch)
            close(fd)
            throw error
        }
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: DispatchQueue(label: "koers.folder-watch"))
        source.setEventHandler {
            // Drain every queued event: one callback for the whole burst.
            var buffer = [UInt8](repeating: 0, count: 4096)
            while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
            onChange()
        }
        source.setCancelHandler { close(fd) }
        source.resume()
    }

    public func cancel() { source.cancel() }

    deinit { source.cancel() }
}
