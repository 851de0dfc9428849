import Foundation
import KoersModel
import KoersSystem

/// Reads and parses one JSON file, turning every way it can fail into a diagnostic with the file name
/// and, for malformed JSON, the line and column.
package enum SourceFile {
    /// The largest file read: the parser's limit, checked before reading, so that a huge file or a
    /// device such as `/dev/zero` named as an agenda costs no memory.
    static let maximumBytes = JSONParser.defaultMaxBytes

    package static func parse(_ path: String, log: DiagnosticLog) -> JSONNode? {
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
        do throws(FileError) {
            return try FileDescriptor.readFile(path, limit: maximumBytes, options: .nonBlocking)
        } catch {
            switch (error.operation, error.cause) {
            case (.open, .system(ENOENT)), (.open, .system(ENOTDIR)): log.error("no such file")
            case (.open, .system(EACCES)): log.error("cannot be read: permission denied. " + Config.groupHint)
            case (_, .system): log.error("cannot be read (check its permissions)")
            case (_, .folder): log.error("is a folder; expected a JSON file")
            case (_, .notRegularFile): log.error("is not a regular file (a device, pipe or socket); expected a JSON file")
            case let (_, .tooLarge(size, _)): log.error(tooLarge(size))
            }
            return nil
        }
    }

    private static func tooLarge(_ size: Int) -> String {
        "is \(size) bytes, more than the \(maximumBytes) bytes (\(maximumBytes >> 20) MiB) Koers reads from one "
            + "JSON file; an agenda or configuration is far smaller, so check that this is the right file"
    }
}
