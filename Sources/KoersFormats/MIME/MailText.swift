/// The text a reader of a stored message sees, so it can be searched: in the raw bytes an accented
/// name is `Zo=C3=AB`, a soft line break may cut any name in two, and header words may be RFC 2047
/// encoded-words. Used by erasure to find every message that names a person.
///
/// The header fields come first, unfolded and with encoded-words decoded, one per line; then each
/// body part decoded by its Content-Transfer-Encoding, in order. Reading is lenient: malformed
/// input (a bad `=XX`, truncated base64, a missing boundary) is decoded as far as it goes and kept
/// as it is from there, so nothing in the message escapes the search.
package enum MailText {
    package static func searchable(_ message: [UInt8]) -> String {
        var text: [UInt8] = []
        appendEntity(message, depth: 0, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Deeper multiparts are kept as they are: Koers writes one level, and a bound keeps a
    /// hostile message from exhausting the stack.
    static let maximumDepth = 8

    /// Appends a message or body part: header fields, a blank line, then the decoded body.
    private static func appendEntity(_ bytes: [UInt8], depth: Int, to text: inout [UInt8]) {
        let lines = QuotedPrintable.lines(of: bytes)
        let blank = lines.firstIndex { $0.isEmpty } ?? lines.count
        var contentType: [UInt8] = []
        var transferEncoding: [UInt8] = []
        for field in unfolded(lines[..<blank]) {
            text += decodedWords(field) + [0x0A]
            if let value = value(of: "content-type", in: field) { contentType = value }
            if let value = value(of: "content-transfer-encoding", in: field) { transferEncoding = value }
        }
        text.append(0x0A)
        let body = blank + 1 < lines.count ? Array(bytes[lines[blank + 1].startIndex...]) : []
        if depth < maximumDepth, mediaType(contentType).hasPrefix("multipart/"),
           let boundary = parameter("boundary", in: contentType),
           let multipart = Multipart(body, boundary: boundary) {
            text += multipart.preamble + [0x0A]
            for part in multipart.parts {
                appendEntity(part, depth: depth + 1, to: &text)
                text.append(0x0A)
            }
            text += multipart.epilogue
        } else {
            text += decodedBody(body, transferEncoding: lowercasedToken(transferEncoding))
        }
    }

    /// Header lines joined with their continuation lines (RFC 5322 §2.2.3 unfolding).
    private static func unfolded(_ lines: ArraySlice<ArraySlice<UInt8>>) -> [[UInt8]] {
        var fields: [[UInt8]] = []
        for line in lines {
            if let first = line.first, isBlank(first), !fields.isEmpty {
                fields[fields.count - 1] += line
            } else {
                fields.append(Array(line))
            }
        }
        return fields
    }

    /// The raw value of `field` when its name is `name` (lowercase).
    private static func value(of name: String, in field: [UInt8]) -> [UInt8]? {
        guard let colon = field.firstIndex(of: UInt8(ascii: ":")),
              lowercasedToken(field[..<colon]) == name else { return nil }
        return Array(field[(colon + 1)...])
    }

    // MARK: - Bodies

    private static func decodedBody(_ body: [UInt8], transferEncoding: String) -> [UInt8] {
        switch transferEncoding {
        case "quoted-printable": decodedQuotedPrintable(body)
        case "base64": decodedBase64(body)
        default: body
        }
    }

    /// RFC 2045 §6.7: `=` before a line break (after optional transport padding) is a soft break,
    /// `=XX` is a byte (lowercase hex accepted); any other `=` stays as it is.
    static func decodedQuotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "=") else {
                output.append(byte)
                continue
            }
            var end = index
            while end < bytes.count && isBlank(bytes[end]) { end += 1 }
            if end == bytes.count {
                index = end
            } else if bytes[end] == 0x0D || bytes[end] == 0x0A {
                index = end + (bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? 2 : 1)
            } else if index + 1 < bytes.count, let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) {
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
        }
        return output
    }

    /// Base64 that skips line breaks and other stray characters; a `=` ends a quantum, so
    /// concatenated padded pieces decode too, and a truncated end gives the bytes it holds.
    static func decodedBase64(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var quantum: UInt32 = 0
        var count = 0
        func flush() {
            if count >= 2 { output.append(UInt8(truncatingIfNeeded: quantum >> UInt32(6 * count - 8))) }
            if count >= 3 { output.append(UInt8(truncatingIfNeeded: quantum >> UInt32(6 * count - 16))) }
            quantum = 0
            count = 0
        }
        for byte in bytes {
            if byte == UInt8(ascii: "=") {
                flush()
                continue
            }
            guard let value = base64Value(byte) else { continue }
            quantum = quantum << 6 | UInt32(value)
            count += 1
            if count == 4 {
                output += [UInt8(truncatingIfNeeded: quantum >> 16), UInt8(truncatingIfNeeded: quantum >> 8),
                           UInt8(truncatingIfNeeded: quantum)]
                quantum = 0
                count = 0
            }
        }
        flush()
        return output
    }

    /// A multipart body split at its boundary (RFC 2046 §5.1.1). The line break before a
    /// delimiter belongs to the delimiter; a body that was cut off ends its last part at the end.
    struct Multipart {
        var preamble: [UInt8] = []
        var parts: [[UInt8]] = []
        var epilogue: [UInt8] = []

        /// Nil when no delimiter line is found: the body is then not multipart after all.
        init?(_ body: [UInt8], boundary: [UInt8]) {
            let delimiter = Array("--".utf8) + boundary
            var partStart: Int?
            var previousEnd = 0
            for line in QuotedPrintable.lines(of: body) {
                guard let closes = Self.delimiterCloses(line, delimiter) else {
                    previousEnd = line.endIndex
                    continue
                }
                if let partStart {
                    parts.append(Array(body[partStart..<max(partStart, previousEnd)]))
                } else {
                    preamble = Array(body[..<previousEnd])
                }
                if closes {
                    epilogue = Array(body[line.endIndex...])
                    return
                }
                partStart = Self.nextLineStart(after: line, in: body)
                previousEnd = line.endIndex
            }
            guard let partStart else { return nil }
            parts.append(Array(body[partStart...]))
        }

        /// Nil when `line` is not a delimiter line, else whether it is the close delimiter.
        /// Transport padding (spaces, tabs) may follow either.
        private static func delimiterCloses(_ line: ArraySlice<UInt8>, _ delimiter: [UInt8]) -> Bool? {
            guard line.starts(with: delimiter) else { return nil }
            var rest = line.dropFirst(delimiter.count)
            let closes = rest.starts(with: Array("--".utf8))
            if closes { rest = rest.dropFirst(2) }
            return rest.allSatisfy(MailText.isBlank) ? closes : nil
        }

        private static func nextLineStart(after line: ArraySlice<UInt8>, in body: [UInt8]) -> Int {
            var index = line.endIndex
            if index < body.count && body[index] == 0x0D { index += 1 }
            if index < body.count && body[index] == 0x0A { index += 1 }
            return index
        }
    }

    // MARK: - Header fields

    /// Header text with RFC 2047 encoded-words decoded. Whitespace between two adjacent
    /// encoded-words is dropped (§6.2); words in a charset other than UTF-8 or US-ASCII, and
    /// anything that is not a well-formed encoded-word, stay as they are.
    static func decodedWords(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var whitespace: [UInt8] = []
        var afterWord = false
        var index = 0
        while index < bytes.count {
            if let (decoded, end) = encodedWord(in: bytes, at: index) {
                if !afterWord { output += whitespace }
                whitespace = []
                output += decoded
                afterWord = true
                index = end
                continue
            }
            let byte = bytes[index]
            index += 1
            if isBlank(byte) {
                whitespace.append(byte)
            } else {
                output += whitespace + [byte]
                whitespace = []
                afterWord = false
            }
        }
        return output + whitespace
    }

    /// The bytes of the encoded-word `=?charset?B|Q?text?=` starting at `start`, and where it ends.
    private static func encodedWord(in bytes: [UInt8], at start: Int) -> ([UInt8], Int)? {
        let question = UInt8(ascii: "?")
        guard start + 1 < bytes.count, bytes[start] == UInt8(ascii: "="), bytes[start + 1] == question,
              let charsetEnd = bytes[(start + 2)...].firstIndex(of: question),
              charsetEnd + 2 < bytes.count, bytes[charsetEnd + 2] == question,
              let textEnd = bytes[(charsetEnd + 3)...].firstIndex(of: question),
              textEnd + 1 < bytes.count, bytes[textEnd + 1] == UInt8(ascii: "=")
        else { return nil }
        let charset = bytes[(start + 2)..<charsetEnd]
        let text = Array(bytes[(charsetEnd + 3)..<textEnd])
        guard !text.isEmpty, !text.contains(where: isBlank),
              ["utf-8", "utf8", "us-ascii"].contains(lowercasedToken(charset.prefix { $0 != UInt8(ascii: "*") }))
        else { return nil }
        switch bytes[charsetEnd + 1] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"):
            return (decodedBase64(text), textEnd + 2)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            let spaced = text.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 }
            return (decodedQuotedPrintable(spaced), textEnd + 2)
        default:
            return nil
        }
    }

    /// `type/subtype` of a Content-Type value, lowercased.
    private static func mediaType(_ value: [UInt8]) -> String {
        lowercasedToken(value.prefix { $0 != UInt8(ascii: ";") })
    }

    /// A Content-Type parameter (RFC 2045 §5.1), a token or a quoted string; nil when absent.
    static func parameter(_ name: String, in value: [UInt8]) -> [UInt8]? {
        var index = value.firstIndex(of: UInt8(ascii: ";")) ?? value.count
        while index < value.count {
            index += 1
            let nameEnd = value[index...].firstIndex { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ";") } ?? value.count
            let found = lowercasedToken(value[index..<nameEnd]) == name
            guard nameEnd < value.count, value[nameEnd] == UInt8(ascii: "=") else {
                index = nameEnd
                continue
            }
            index = nameEnd + 1
            while index < value.count && isBlank(value[index]) { index += 1 }
            var parsed: [UInt8] = []
            if index < value.count && value[index] == UInt8(ascii: "\"") {
                index += 1
                while index < value.count && value[index] != UInt8(ascii: "\"") {
                    if value[index] == UInt8(ascii: "\\") && index + 1 < value.count { index += 1 }
                    parsed.append(value[index])
                    index += 1
                }
                index = value[index...].firstIndex(of: UInt8(ascii: ";")) ?? value.count
            } else {
                let end = value[index...].firstIndex(of: UInt8(ascii: ";")) ?? value.count
                parsed = Array(value[index..<end]).filter { !isBlank($0) }
                index = end
            }
            if found && !parsed.isEmpty { return parsed }
        }
        return nil
    }

    // MARK: - Bytes

    /// ASCII-lowercased text without surrounding whitespace.
    static func lowercasedToken(_ bytes: some Collection<UInt8>) -> String {
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        guard let first = lowered.firstIndex(where: { !isBlank($0) }),
              let last = lowered.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(decoding: lowered[first...last], as: UTF8.self)
    }

    /// A space or a tab.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
