import Foundation

/// How header text becomes 7-bit header tokens: words that any reader shows as they are stay
/// readable, everything else goes into RFC 2047 encoded-words.
enum MailHeaderText {
    /// Throws `headerInjection` when `value` holds CR, LF or NUL. Checked on scalars, because
    /// Swift counts CRLF as one Character that equals neither "\r" nor "\n".
    static func rejectLineBreaks(in value: String, field: String) throws(MailError) {
        if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
            throw MailError.headerInjection(field: field)
        }
    }

    /// RFC 5322 `atext`: what an atom (and a dot-atom part) may hold.
    static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    /// Appends unstructured text (Subject, extra header values).
    static func appendUnstructured(_ text: String, to line: inout MailHeaderLine) {
        appendWords(of: text, to: &line) { word in word.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F } }
    }

    /// Appends a display name (an RFC 5322 phrase). Plain words stay atoms; a printable ASCII name
    /// with specials such as `,` `;` `"` `.` becomes one quoted string; anything else uses
    /// encoded-words, which may stand next to atoms in a phrase.
    static func appendPhrase(_ name: String, to line: inout MailHeaderLine) {
        let printable = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        if printable && !words.allSatisfy(isPlainAtom) && words.allSatisfy({ !$0.isEmpty && !$0.contains("=?") }) {
            var quoted = "\""
            for character in name {
                if character == "\"" || character == "\\" { quoted += "\\" }
                quoted.append(character)
            }
            quoted += "\""
            if quoted.utf8.count <= MailHeaderLine.roomAfterFold {
                line.append(quoted)
                return
            }
        }
        appendWords(of: name, to: &line, isPlain: isPlainAtom)
    }

    private static func isPlainAtom(_ word: Substring) -> Bool {
        word.utf8.allSatisfy(isAtext)
    }

    /// Writes text word by word. A word stays literal when `isPlain` allows it, it fits on a folded
    /// line and a decoder would not take it for an encoded-word (`=?`). Runs of words that may not
    /// stay literal become encoded-words together with the spaces between them. Leading, trailing
    /// and repeated spaces also go inside encoded-words, because unfolding trims or may collapse
    /// literal ones; so the words next to them are encoded too.
    private static func appendWords(of text: String, to line: inout MailHeaderLine,
                                    isPlain: (Substring) -> Bool) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var encode = words.map { word in
            word.isEmpty || word.utf8.count > MailHeaderLine.roomAfterFold || word.contains("=?") || !isPlain(word)
        }
        for (index, word) in words.enumerated() where word.isEmpty {
            if index > 0 { encode[index - 1] = true }
            if index + 1 < words.count { encode[index + 1] = true }
        }
        var index = 0
        while index < words.count {
            if !encode[index] {
                line.append(String(words[index]))
                index += 1
                continue
            }
            var end = index
            while end < words.count && encode[end] { end += 1 }
            EncodedWords.append(words[index..<end].joined(separator: " "), to: &line)
            index = end
        }
    }
}

/// RFC 2047 encoded-words in UTF-8: `=?UTF-8?Q?…?=` or `=?UTF-8?B?…?=`, whichever is shorter for
/// the text, at most 75 characters each.
///
/// A word never ends inside a grapheme cluster, so no reader shows half an emoji or a letter
/// without its accent between words. Only a cluster too large for one word (more than 45 bytes,
/// such as a letter with dozens of combining marks) is split, between its scalars.
enum EncodedWords {
    static let maximumLength = 75
    /// `=?UTF-8?Q?` and `?=`.
    static let overhead = 12

    enum Encoding: Sendable {
        case q, b
    }

    /// Appends `text` as encoded-words. Whitespace between adjacent encoded-words is dropped by
    /// decoders, so the words can be separated by folds without changing the text.
    static func append(_ text: String, to line: inout MailHeaderLine) {
        let encoding = choose(for: text)
        let units = self.units(of: text, encoding: encoding)
        var index = 0
        while index < units.count {
            let first = overhead + payloadLength(units[index], encoding)
            // Every unit takes at least one character, so long remainders need no counting.
            let rest = units.count - index > maximumLength - overhead
                ? Int.max : overhead + payloadLength(units[index...].flatMap { $0 }, encoding)
            let limit: Int
            if rest <= maximumLength && rest > line.roomHere && line.canFold {
                // Fold rather than split what fits in one word: fewer words read better, and some
                // parsers (Python's email before the gh-128110 fix) show a space between adjacent
                // encoded-words in a display name, where RFC 2047 §6.2 says to ignore it.
                limit = maximumLength
            } else if line.roomHere >= first {
                limit = min(maximumLength, line.roomHere)
            } else if line.canFold {
                limit = min(maximumLength, MailHeaderLine.roomAfterFold)
            } else {
                limit = maximumLength  // a long field name; the line may pass 78 but stays far below 998
            }
            var bytes = units[index]
            index += 1
            while index < units.count && overhead + payloadLength(bytes + units[index], encoding) <= limit {
                bytes += units[index]
                index += 1
            }
            line.append(word(bytes, encoding))
        }
    }

    /// Q keeps Latin text readable in the raw message; B is shorter for emoji and other scripts.
    static func choose(for text: String) -> Encoding {
        let bytes = Array(text.utf8)
        return payloadLength(bytes, .q) <= payloadLength(bytes, .b) ? .q : .b
    }

    /// The pieces no encoded-word may split: grapheme clusters, or the scalars of one that does
    /// not fit in a word by itself.
    static func units(of text: String, encoding: Encoding) -> [[UInt8]] {
        var units: [[UInt8]] = []
        for character in text {
            let bytes = Array(character.utf8)
            if overhead + payloadLength(bytes, encoding) <= maximumLength {
                units.append(bytes)
            } else {
                units += character.unicodeScalars.map { Array(String($0).utf8) }
            }
        }
        return units
    }

    static func payloadLength(_ bytes: [UInt8], _ encoding: Encoding) -> Int {
        switch encoding {
        case .b:
            return (bytes.count + 2) / 3 * 4
        case .q:
            return bytes.reduce(0) { $0 + (isQLiteral($1) || $1 == 0x20 ? 1 : 3) }
        }
    }

    static func word(_ bytes: [UInt8], _ encoding: Encoding) -> String {
        switch encoding {
        case .b:
            return "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
        case .q:
            var payload = ""
            for byte in bytes {
                if isQLiteral(byte) {
                    payload.unicodeScalars.append(Unicode.Scalar(byte))
                } else if byte == 0x20 {
                    payload += "_"
                } else {
                    payload += "=" + hex(byte)
                }
            }
            return "=?UTF-8?Q?" + payload + "?="
        }
    }

    /// The characters RFC 2047 §5(3) allows unencoded in a phrase; using them everywhere keeps one
    /// rule for subjects and display names.
    private static func isQLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!*+-/".utf8.contains(byte)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
