import Foundation
@testable import KoersFormats

/// What every message `MessageBuilder` writes must satisfy, read back by an independent reader:
/// 7-bit CRLF text, exactly the expected header fields (nothing injected), header values that
/// decode (RFC 2047) to exactly the texts given, and body parts that decode (quoted-printable) to
/// exactly the texts given.
enum MailInvariants {
    static func check(_ bytes: [UInt8], _ message: MailMessage) throws(FuzzFailure) {
        try require(bytes.allSatisfy { $0 < 0x80 }, "a byte above 0x7F")
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D { try require(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "a bare CR at \(index)") }
            if byte == 0x0A { try require(index > 0 && bytes[index - 1] == 0x0D, "a bare LF at \(index)") }
            try require(byte != 0, "a NUL byte at \(index)")
        }
        let sections = split(bytes, at: [0x0D, 0x0A, 0x0D, 0x0A])
        try require(sections.count >= 2, "no empty line after the header")
        let fields = try headerFields(sections[0])
        var expected = ["Date", "From", "To"] + (message.replyTo == nil ? [] : ["Reply-To"])
        expected += ["Subject", "Message-ID", "Auto-Submitted", "X-Auto-Response-Suppress"] + message.extraHeaders.map(\.name)
        expected += ["MIME-Version", "Content-Type"] + (message.html == nil ? ["Content-Transfer-Encoding"] : [])
        try require(fields.map(\.name) == expected, "header fields \(fields.map(\.name)), expected \(expected)")

        try expectDecoded(fields[expected.firstIndex(of: "Subject")!].value, message.subject, "Subject")
        for (offset, header) in message.extraHeaders.enumerated() {
            try expectDecoded(fields[expected.firstIndex(of: "X-Auto-Response-Suppress")! + 1 + offset].value, header.value, header.name)
        }
        try expectMailbox(fields[2].value, message.to[0])
        try expectMailbox(fields[1].value, message.from)

        let body = Array(bytes.dropFirst(sections[0].count + 4))
        guard let html = message.html else {
            try expectPart(body, message.text, "text")
            return
        }
        let contentType = fields[expected.firstIndex(of: "Content-Type")!].value
        guard let open = contentType.range(of: "boundary=\""), let close = contentType[open.upperBound...].firstIndex(of: "\"") else {
            throw FuzzFailure(description: "no boundary in \(contentType)")
        }
        let boundary = String(contentType[open.upperBound..<close])
        let partHead = { (type: String) in "Content-Type: \(type); charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" }
        let prefix = Array(("--\(boundary)\r\n" + partHead("text/plain")).utf8)
        let suffix = Array("\r\n--\(boundary)--\r\n".utf8)
        let middle = Array(("\r\n--\(boundary)\r\n" + partHead("text/html")).utf8)
        try require(body.starts(with: prefix) && body.reversed().starts(with: suffix.reversed()),
                    "the multipart body is not framed by its boundary")
        let inner = Array(body.dropFirst(prefix.count).dropLast(suffix.count))
        let parts = split(inner, at: middle)
        try require(parts.count == 2, "\(parts.count) part(s) between the boundaries, expected 2")
        // The CRLF before each delimiter belongs to the delimiter (RFC 2046 §5.1.1), the part's own
        // encoded lines end with theirs.
        try expectPart(parts[0], message.text, "text")
        try expectPart(parts[1], html, "HTML")
    }

    static func expectPart(_ encoded: [UInt8], _ original: String, _ part: String) throws(FuzzFailure) {
        let decoded = try quotedPrintable(encoded)
        let expected = crlf(original)
        try require(decoded == expected, "the \(part) part reads back as \(String(decoding: decoded, as: UTF8.self).debugDescription), "
                    + "expected \(String(decoding: expected, as: UTF8.self).debugDescription)")
    }

    /// The header's fields in order, each unfolded (the CRLF before a continuation removed).
    static func headerFields(_ head: [UInt8]) throws(FuzzFailure) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in split(head, at: [0x0D, 0x0A]).map({ String(decoding: $0, as: UTF8.self) }) {
            try require(line.utf8.count <= 998, "a header line of \(line.utf8.count) characters")
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                try require(!fields.isEmpty, "a continuation line before the first field")
                fields[fields.count - 1].value += line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw FuzzFailure(description: "a header line without a field name: \(line)") }
            let name = String(line[..<colon])
            try require(!name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "a malformed field name: \(name)")
            fields.append((name, String(line[line.index(after: colon)...])))
        }
        return fields
    }

    static func expectDecoded(_ value: String, _ original: String, _ field: String) throws(FuzzFailure) {
        let decoded = try decodeWords(value.hasPrefix(" ") ? Substring(value.dropFirst()) : Substring(value))
        try require(Array(decoded.unicodeScalars) == Array(original.unicodeScalars),
                    "\(field) reads back as \(decoded.debugDescription), written was \(original.debugDescription)")
    }

    /// ` name <address>`, ` "quoted name" <address>` or ` address`.
    static func expectMailbox(_ value: String, _ mailbox: MailAddress) throws(FuzzFailure) {
        guard let name = mailbox.name, !name.isEmpty else {
            try require(value == " " + mailbox.address, "a bare address reads back as \(value)")
            return
        }
        let tail = " <\(mailbox.address)>"
        try require(value.hasSuffix(tail), "no \(tail) at the end of \(value)")
        let phrase = String(decoding: value.utf8.dropLast(tail.utf8.count).dropFirst(), as: UTF8.self)
        guard phrase.hasPrefix("\"") else { return try expectDecoded(phrase, name, "display name") }
        var unquoted = ""
        var escaped = false
        for character in phrase.dropFirst().dropLast() {
            if !escaped && character == "\\" { escaped = true; continue }
            try require(escaped || character != "\"", "an unescaped quote inside a quoted name: \(phrase)")
            unquoted.append(character)
            escaped = false
        }
        try require(phrase.hasSuffix("\"") && unquoted == name, "quoted name reads back as \(unquoted)")
    }

    /// Unstructured text or a phrase of atoms and RFC 2047 encoded-words, tokens one space apart
    /// (as unfolding leaves them); the space between two encoded-words is not part of the text.
    static func decodeWords(_ value: Substring) throws(FuzzFailure) -> String {
        var bytes: [UInt8] = []
        var previousEncoded = false
        for (index, token) in value.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if let decoded = try encodedWord(token) {
                if index > 0 && !previousEncoded { bytes.append(0x20) }
                bytes += decoded
                previousEncoded = true
            } else {
                try require(!token.isEmpty || value.isEmpty, "two spaces in a row in \(value)")
                if index > 0 { bytes.append(0x20) }
                bytes += Array(token.utf8)
                previousEncoded = false
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FuzzFailure(description: "encoded-words that are not whole UTF-8 characters: \(value)")
        }
        return text
    }

    static func encodedWord(_ token: Substring) throws(FuzzFailure) -> [UInt8]? {
        guard token.hasPrefix("=?"), token.hasSuffix("?=") else { return nil }
        try require(token.utf8.count <= 75, "an encoded-word longer than 75 characters: \(token)")
        let parts = token.dropFirst(2).dropLast(2).split(separator: "?", omittingEmptySubsequences: false)
        try require(parts.count == 3 && parts[0] == "UTF-8", "a malformed encoded-word: \(token)")
        switch parts[1] {
        case "B":
            guard let data = Data(base64Encoded: String(parts[2])) else { throw FuzzFailure(description: "bad base64 in \(token)") }
            return Array(data)
        case "Q":
            var bytes: [UInt8] = []
            var payload = Array(parts[2].utf8)[...]
            while let byte = payload.popFirst() {
                switch byte {
                case UInt8(ascii: "_"): bytes.append(0x20)
                case UInt8(ascii: "="):
                    guard payload.count >= 2, let value = UInt8(String(decoding: payload.prefix(2), as: UTF8.self), radix: 16) else {
                        throw FuzzFailure(description: "a bad escape in \(token)")
                    }
                    bytes.append(value)
                    payload = payload.dropFirst(2)
                default:
                    try require(byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "?"), "a raw \(byte) in \(token)")
                    bytes.append(byte)
                }
            }
            return bytes
        default:
            throw FuzzFailure(description: "an unknown encoding in \(token)")
        }
    }

    /// Decodes quoted-printable lines (each ended by CRLF, at most 76 characters, no trailing
    /// space, no leading dot), checking the encoder's promises on the way.
    static func quotedPrintable(_ part: [UInt8]) throws(FuzzFailure) -> [UInt8] {
        var out: [UInt8] = []
        guard !part.isEmpty else { return out }
        try require(part.suffix(2) == [0x0D, 0x0A], "a body part that does not end with CRLF")
        for line in split(Array(part.dropLast(2)), at: [0x0D, 0x0A]) {
            var bytes = line[...]
            try require(bytes.count <= 76, "an encoded line of \(bytes.count) characters")
            try require(bytes.first != UInt8(ascii: "."), "an encoded line starting with a dot")
            try require(bytes.last != 0x20 && bytes.last != 0x09, "an encoded line ending in white space")
            let soft = bytes.last == UInt8(ascii: "=")
            if soft { bytes = bytes.dropLast() }
            while let byte = bytes.popFirst() {
                guard byte == UInt8(ascii: "=") else { out.append(byte); continue }
                guard bytes.count >= 2, let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) else {
                    throw FuzzFailure(description: "a bad escape in \(String(decoding: line, as: UTF8.self))")
                }
                out.append(value)
                bytes = bytes.dropFirst(2)
            }
            if !soft { out += [0x0D, 0x0A] }
        }
        return out
    }

    /// `bytes` cut at every occurrence of `separator` (byte-wise: Swift's strings take CRLF for
    /// one character, so string operations would miscount).
    static func split(_ bytes: [UInt8], at separator: [UInt8]) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count {
            if bytes[index..<index + separator.count].elementsEqual(separator) {
                parts.append(Array(bytes[start..<index]))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    /// `text` with its line breaks (LF, CRLF, lone CR) as CRLF, as the builder sends it.
    static func crlf(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0D:
                out += [0x0D, 0x0A]
                index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            case 0x0A:
                out += [0x0D, 0x0A]
                index += 1
            default:
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}
