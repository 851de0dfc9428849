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

    public func openSession() -> MailSession {
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
        return SHA256Digest.hex(message)
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
            return .configuration(code: nil, response: "Not written: \(problem).")
        }
        if let problem = envelopeAddressProblem(recipient, role: "recipient", allowEmpty: false) {
            return .permanent(code: nil, response: "Not written: \(problem).")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return .configuration(code: nil, response: "Could not create the mail folder \(folder): \(error.localizedDescription)")
        }
        let base = FileTransport.baseName(for: message)
        let candidates = [base, base + "-" + String(SHA256Digest.hex(message).prefix(16))]
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
                    return .transient(code: nil, response: text)
                default:
                    return .configuration(code: nil, response: text)
                }
            }
        }
        return .configuration(code: nil, response: "Could not write the message into \(folder): "
            + "\(candidates.joined(separator: ".eml and ")).eml already hold other messages.")
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

/// SHA-256 (FIPS 180-4), for file names of messages without a Message-ID. Foundation on Linux
/// has no digest API and Koers takes no package dependencies.
enum SHA256Digest {
    static func hex(_ message: [UInt8]) -> String {
        digest(message).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var data = message
        let bitLength = UInt64(message.count) * 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        var w = [UInt32](repeating: 0, count: 64)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 {
                let j = chunk + i * 4
                w[i] = UInt32(data[j]) << 24 | UInt32(data[j + 1]) << 16 | UInt32(data[j + 2]) << 8 | UInt32(data[j + 3])
            }
            for i in 16..<64 {
                let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
            for i in 0..<64 {
                let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                let choice = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
                let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ majority
                hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d
            h[4] = h[4] &+ e; h[5] = h[5] &+ f; h[6] = h[6] &+ g; h[7] = h[7] &+ hh
        }
        return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
    }

    private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}
