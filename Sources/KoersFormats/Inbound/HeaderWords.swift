/// RFC 2047 encoded-words in any charset `Charset` knows, for reading received headers (the
/// outgoing side, `MailText`, reads only the UTF-8 words Koers writes itself).
enum HeaderWords {
    /// The text with encoded-words decoded; whitespace between two adjacent encoded-words dropped
    /// (§6.2); other runs of whitespace become one space. A word in an unknown charset, or one
    /// that is malformed, stays as it was written, so the reader still sees something.
    static func decoded(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var output = ""
        var pendingSpace = false
        var afterWord = false
        var index = 0
        var literal: [UInt8] = []
        func flushLiteral() {
            output += String(decoding: literal, as: UTF8.self)
            literal = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "="), let (text, end) = word(in: bytes, at: index) {
                flushLiteral()
                if pendingSpace && !afterWord { output += " " }
                pendingSpace = false
                output += text
                afterWord = true
                index = end
                continue
            }
            index += 1
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                pendingSpace = !output.isEmpty || !literal.isEmpty
                continue
            }
            if pendingSpace {
                literal.append(0x20)
                pendingSpace = false
            }
            afterWord = false
            literal.append(byte)
        }
        flushLiteral()
        return output
    }

    /// The decoded encoded-word `=?charset[*lang]?B|Q?text?=` starting at `start`, and its end.
    private static func word(in bytes: [UInt8], at start: Int) -> (String, Int)? {
        let question = UInt8(ascii: "?")
        let limit = min(bytes.count, start + 1024)  // no search runs further, so reading stays linear
        guard start + 1 < limit, bytes[start + 1] == question,
              let charsetEnd = bytes[(start + 2)..<limit].firstIndex(of: question),
              charsetEnd + 2 < limit, bytes[charsetEnd + 2] == question,
              let textEnd = bytes[(charsetEnd + 3)..<limit].firstIndex(of: question),
              textEnd + 1 < limit, bytes[textEnd + 1] == UInt8(ascii: "=")
        else { return nil }
        let charset = String(decoding: bytes[(start + 2)..<charsetEnd].prefix { $0 != UInt8(ascii: "*") }, as: UTF8.self)
        let text = Array(bytes[(charsetEnd + 3)..<textEnd])
        guard !text.contains(where: { $0 <= 0x20 }) else { return nil }
        let decoded: [UInt8]
        switch bytes[charsetEnd + 1] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"):
            decoded = MailText.decodedBase64(text)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            decoded = MailText.decodedQuotedPrintable(text.map { $0 == UInt8(ascii: "_") ? 0x20 : $0 })
        default:
            return nil
        }
        guard let string = Charset.decode(decoded, charset: charset) else { return nil }
        return (string, textEnd + 2)
    }
}
