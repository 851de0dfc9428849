/// Quoted-printable (RFC 2045 §6.7) for the text and HTML parts: readable for Dutch text, 7-bit
/// for every transport, and exact in both directions.
enum QuotedPrintable {
    /// RFC 2045's limit on an encoded line, the `=` of a soft break included.
    static let lineLength = 76

    /// Encodes `text` with its line breaks (LF, CRLF or a lone CR) as CRLF.
    ///
    /// The result ends with CRLF unless it is empty. When `text` does not end with a line break,
    /// its last line ends with a soft break (`=` CRLF), so a decoder gives back no extra newline.
    /// Spaces and tabs at the end of a line are encoded, because transports strip them; so is a
    /// `.` at the start of a line, so that a `sendmail` without `-i` cannot take a line holding
    /// only `.` for the end of the message.
    static func encode(_ text: String) -> String {
        let lines = self.lines(of: Array(text.utf8))
        var output: [UInt8] = []
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            if isLast && line.isEmpty { break }
            encode(line, endsWithSoftBreak: isLast, into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Splits at CRLF, lone CR and lone LF. The last element is what follows the last line break.
    static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0D:
                lines.append(bytes[start..<index])
                index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                start = index
            case 0x0A:
                lines.append(bytes[start..<index])
                index += 1
                start = index
            default:
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    /// Encodes one line. A soft break never falls inside a character's escapes, so every
    /// encoded line decodes to whole UTF-8 characters.
    private static func encode(_ line: ArraySlice<UInt8>, endsWithSoftBreak: Bool, into output: inout [UInt8]) {
        var length = 0
        var start = line.startIndex
        while start < line.endIndex {
            var end = line.index(after: start)
            while end < line.endIndex && line[end] & 0xC0 == 0x80 { end += 1 }  // continuation bytes
            let isLast = end == line.endIndex
            // Every encoded line but a line's true end needs room for the `=` of a soft break.
            let limit = isLast && !endsWithSoftBreak ? lineLength : lineLength - 1
            var token = self.token(line[start..<end], atLineStart: length == 0, atLineEnd: isLast)
            if length + token.count > limit {
                output += Array("=\r\n".utf8)
                length = 0
                token = self.token(line[start..<end], atLineStart: true, atLineEnd: isLast)
            }
            output += token
            length += token.count
            start = end
        }
        output += Array((endsWithSoftBreak ? "=\r\n" : "\r\n").utf8)
    }

    /// The encoding of one character (its UTF-8 bytes).
    private static func token(_ character: ArraySlice<UInt8>, atLineStart: Bool, atLineEnd: Bool) -> [UInt8] {
        guard character.count == 1, let byte = character.first else { return character.flatMap(escape) }
        let literal: Bool
        switch byte {
        case 0x20, 0x09:
            literal = !atLineEnd
        case UInt8(ascii: "."):
            literal = !atLineStart
        case UInt8(ascii: "="):
            literal = false
        default:
            literal = byte > 0x20 && byte < 0x7F
        }
        return literal ? [byte] : escape(byte)
    }

    private static func escape(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
