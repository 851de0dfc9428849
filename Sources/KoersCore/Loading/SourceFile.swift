import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and parses one JSON file, turning every way it can fail into a diagnostic with the file name
/// and, for malformed JSON, the line and column.
enum SourceFile {
    /// The largest file read: the parser's limit, checked before reading, so that a huge file or a
    /// device such as `/dev/zero` named as an agenda costs no memory.
    static let maximumBytes = JSONParser.defaultMaxBytes

    static func parse(_ path: String, log: DiagnosticLog) -> JSONNode? {
        guard let bytes = read(path, log: log) else { return nil }
        return parse(bytes: bytes, log: log)
    }

    /// Parses a file's bytes already in memory (the fuzzing harness loads agendas this way).
    static func parse(bytes: [UInt8], log: DiagnosticLog) -> JSONNode? {
        do {
            return try JSONParser.parse(bytes, maxBytes: maximumBytes)
        } catch {
            log.append(Diagnostic(.error, file: log.file, position: error.position,
                                  "malformed JSON: \(error.kind)"))
            return nil
        }
    }

    /// The whole file, or nil after logging why not. Only regular files are read, and only up to
    /// `maximumBytes`; `O_NONBLOCK` keeps a named pipe from blocking the open.
    private static func read(_ path: String, log: DiagnosticLog) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: log.error("no such file")
            case EACCES: log.error("cannot be read: permission denied. " + Config.groupHint)
            default: log.error("cannot be read (check its permissions)")
            }
            return nil
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            log.error("cannot be read (check its permissions)")
            return nil
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            log.error("is a folder; expected a JSON file")
            return nil
        default:
            log.error("is not a regular file (a device, pipe or socket); expected a JSON file")
            return nil
        }
        guard Int(status.st_size) <= maximumBytes else {
            log.error(tooLarge(Int(status.st_size)))
            return nil
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                log.error("cannot be read (check its permissions)")
                return nil
            }
            if n == 0 { break }
            count += n
            // The file grew since fstat: read on, up to the limit.
            if count == bytes.count && count <= maximumBytes {
                bytes += [UInt8](repeating: 0, count: min(bytes.count, maximumBytes + 1 - count))
            }
        }
        guard count <= maximumBytes else {
            log.error(tooLarge(count))
            return nil
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func tooLarge(_ size: Int) -> String {
        "is \(size) bytes, more than the \(maximumBytes) bytes (\(maximumBytes >> 20) MiB) Koers reads from one "
            + "JSON file; an agenda or configuration is far smaller, so check that this is the right file"
    }
}
