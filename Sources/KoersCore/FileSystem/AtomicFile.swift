import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file in one step: readers see the old content or the new one, never half of it, and
/// a crash leaves one of the two. The content goes to a hidden temporary file next to the target
/// (created with `mode` from the start, so a secret is never briefly readable), is flushed to
/// disk, and is renamed over the target; then the folder entry is flushed too.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var operation: String
        public var reason: String

        public var description: String {
            "Could not write \(path) (\(operation)): \(reason). Check that the folder exists and that Koers may write there."
        }
    }

    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(WriteError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        func failure(_ operation: String, _ code: Int32 = errno) -> WriteError {
            WriteError(path: path, operation: operation, reason: String(cString: strerror(code)))
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw failure("create") }
        var error: WriteError?
        if fchmod(fd, mode) != 0 { error = failure("chmod") }
        var written = 0
        while error == nil, written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                error = failure("write")
            } else {
                written += count
            }
        }
        if error == nil, fsync(fd) != 0 { error = failure("fsync") }
        if close(fd) != 0, error == nil { error = failure("close") }
        if error == nil, rename(temporary, path) != 0 { error = failure("rename") }
        if let error {
            unlink(temporary)
            throw error
        }
        let folderFD = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
    }

    public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws(WriteError) {
        try write(Array(text.utf8), to: path, mode: mode)
    }
}
