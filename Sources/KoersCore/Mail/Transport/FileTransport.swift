import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes each message as `NAME.eml` into a folder instead of sending it: the default of the
/// example configuration, and how `koers preview --write` renders mail.
///
/// - NAME is the message's `Message-ID` (without angle brackets; characters other than letters,
///   digits and `.-_@+=` become `_`), or the SHA-256 of the message when it has none.
/// - Files are written atomically: to a hidden temporary file (mode 0600, flushed to disk), then
///   hard-linked to their name, which fails rather than replaces when the name exists. A reader
///   never sees half a message.
/// - An existing file is never overwritten. If it holds the same bytes, the message was written
///   before and the send is accepted without writing again; if it holds other bytes, the
///   message goes to `NAME-HASH.eml` instead.
/// - The folder is created (mode 0700) when missing. The envelope is not recorded: the file is
///   the message.
public struct FileTransport: MailTransport {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public var description: String { "file \(folder)" }

    /// Writing a file does not hang on a server, so there is nothing for `stop` to cut off.
    public func openSession(stop: DeliveryStop) -> MailSession {
        FileSession(folder: folder)
    }

    /// The file name (without `.eml`) a message gets: from its Message-ID, or its hash.
    public static func baseName(for message: [UInt8]) -> String {
        if let id = messageID(in: message) {
            var name = String(decoding: id.utf8.map { byte -> UInt8 in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
                     UInt8(ascii: "_"), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "="):
                    return byte
                default:
                    return UInt8(ascii: "_")
                }
            }, as: UTF8.self)
            if name.hasPrefix(".") { name = "_" + name.dropFirst() }
            if name.utf8.count > 180 { name = String(name.prefix(180)) }
            if !name.isEmpty { return name }
        }
        return SHA256.hex(SHA256.hash(message))
    }

    /// The Message-ID header's value without angle brackets, if the header section has one.
    static func messageID(in message: [UInt8]) -> String? {
        // The header section ends at the first empty line.
        var headerEnd = message.count
        var index = 0
        var lineStart = 0
        while index < message.count {
            if message[index] == UInt8(ascii: "\n") {
                let line = message[lineStart..<index]
                if line.isEmpty || (line.count == 1 && line.first == UInt8(ascii: "\r")) {
                    headerEnd = lineStart
                    break
                }
                lineStart = index + 1
            }
            index += 1
        }
        let header = String(decoding: message[0..<headerEnd], as: UTF8.self)
        // Unfold: a line starting with white space continues the previous one.
        var fields: [String] = []
        for line in header.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let text = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if let first = text.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1] += text
            } else {
                fields.append(text)
            }
        }
        for field in fields {
            guard let colon = field.firstIndex(of: ":") else { continue }
            guard field[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "message-id" else { continue }
            var value = field[field.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("<"), let close = value.firstIndex(of: ">") {
                value = String(value[value.index(after: value.startIndex)..<close])
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}

final class FileSession: MailSession {
    private let folder: String

    init(folder: String) {
        self.folder = folder
    }

    func close() {}

    func send(from envelopeFrom: String, to recipient: String, message: [UInt8]) -> DeliveryOutcome {
        if let problem = envelopeAddressProblem(envelopeFrom, role: "sender", allowEmpty: true) {
            return .configuration(code: nil, response: "Not written: \(problem).", fault: .sender)
        }
        if let problem = envelopeAddressProblem(recipient, role: "recipient", allowEmpty: false) {
            return .permanent(code: nil, response: "Not written: \(problem).")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return .configuration(code: nil, response: "Could not create the mail folder \(folder): \(error.localizedDescription)",
                                  fault: .settings)
        }
        let base = FileTransport.baseName(for: message)
        let candidates = [base, base + "-" + String(SHA256.hex(SHA256.hash(message)).prefix(16))]
        for name in candidates {
            let path = folder + "/" + name + ".eml"
            switch store(message, at: path, temporaryName: "." + name) {
            case .written:
                return .accepted(response: "written to \(path)")
            case .alreadyThere:
                return .accepted(response: "already written to \(path)")
            case .occupied:
                continue
            case let .failed(operation, code):
                let text = "Could not write \(path) (\(operation)): \(String(cString: strerror(code)))"
                switch code {
                case ENOSPC, EDQUOT, EIO, EAGAIN, EMFILE, ENFILE, ENOMEM, EINTR, EBUSY:
                    return .transient(code: nil, response: text, fault: .local)
                default:
                    return .configuration(code: nil, response: text, fault: .settings)
                }
            }
        }
        return .configuration(code: nil, response: "Could not write the message into \(folder): "
            + "\(candidates.joined(separator: ".eml and ")).eml already hold other messages.", fault: .message)
    }

    private enum Stored { case written, alreadyThere, occupied, failed(String, Int32) }

    private func store(_ message: [UInt8], at path: String, temporaryName: String) -> Stored {
        if let existing = sameContent(path, message) { return existing ? .alreadyThere : .occupied }

        let temporary = folder + "/" + temporaryName + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(0o600))
        guard fd >= 0 else { return .failed("create", errno) }
        var failure: Stored?
        if fchmod(fd, mode_t(0o600)) != 0 { failure = .failed("chmod", errno) }
        var written = 0
        while failure == nil, written < message.count {
            let count = message.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = .failed("write", errno)
            } else {
                written += count
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = .failed("fsync", errno) }
        if closeDescriptor(fd) != 0, failure == nil { failure = .failed("close", errno) }
        defer { unlink(temporary) }
        if let failure { return failure }

        // link() never replaces an existing name: this is the "do not overwrite" guarantee.
        if link(temporary, path) != 0 {
            let code = errno
            switch code {
            case EEXIST:
                if let same = sameContent(path, message) { return same ? .alreadyThere : .occupied }
                return .occupied
            case EPERM, EOPNOTSUPP, EXDEV, EMLINK:
                // A file system without hard links: check, then rename (a tiny window remains).
                if let same = sameContent(path, message) { return same ? .alreadyThere : .occupied }
                if rename(temporary, path) != 0 { return .failed("rename", errno) }
            default:
                return .failed("link", code)
            }
        }
        syncFolder()
        return .written
    }

    /// nil when nothing is at `path`; otherwise whether it holds exactly `message`.
    private func sameContent(_ path: String, _ message: [UInt8]) -> Bool? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 { return errno == ENOENT ? nil : false }
        defer { closeDescriptor(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == message.count else {
            return false
        }
        var content = [UInt8](repeating: 0, count: message.count)
        var total = 0
        while total < content.count {
            let count = content.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return false }
            total += count
        }
        return content == message
    }

    /// Makes the new directory entry durable.
    private func syncFolder() {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        closeDescriptor(fd)
    }
}

/// `close(2)`, under a name the sessions' own `close()` does not hide.
@discardableResult
func closeDescriptor(_ fd: Int32) -> Int32 {
    close(fd)
}
