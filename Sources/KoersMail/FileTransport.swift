import Foundation
import KoersModel
import KoersSystem

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
            switch store(message, at: path) {
            case .written:
                return .accepted(response: "written to \(path)")
            case .alreadyThere:
                return .accepted(response: "already written to \(path)")
            case .occupied:
                continue
            case let .failed(error):
                let text = "Could not write \(path) (\(error.operation.rawValue)): \(error.reason)"
                return error.isTemporary ? .transient(code: nil, response: text, fault: .local)
                    : .configuration(code: nil, response: text, fault: .settings)
            }
        }
        return .configuration(code: nil, response: "Could not write the message into \(folder): "
            + "\(candidates.joined(separator: ".eml and ")).eml already hold other messages.", fault: .message)
    }

    private enum Stored { case written, alreadyThere, occupied, failed(FileError) }

    private func store(_ message: [UInt8], at path: String) -> Stored {
        if let existing = sameContent(path, message) { return existing ? .alreadyThere : .occupied }
        do throws(FileError) {
            try AtomicFile.create(message, at: path, mode: 0o600)
            return .written
        } catch where error.operation == .link && error.isNameTaken {
            guard let same = sameContent(path, message) else { return .occupied }
            return same ? .alreadyThere : .occupied
        } catch {
            return .failed(error)
        }
    }

    /// nil when nothing is at `path`; otherwise whether it holds exactly `message`.
    private func sameContent(_ path: String, _ message: [UInt8]) -> Bool? {
        do throws(FileError) {
            return try FileDescriptor.readFile(path, limit: message.count, options: .noFollow) == message
        } catch {
            return error.operation == .open && error.isMissing ? nil : false
        }
    }
}
