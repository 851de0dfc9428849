/// Why an inbound message was not read. Cases never hold header values or body text: those are
/// personal data and the description ends up in the log.
package enum InboundError: Error, Equatable, CustomStringConvertible {
    case tooLarge(bytes: Int, limit: Int)
    case tooManyHeaderFields(limit: Int)
    /// `field` is the header's name, cut to 40 characters.
    case headerFieldTooLong(field: String, limit: Int)
    case tooDeep(limit: Int)
    case tooManyParts(limit: Int)
    /// A text part in a charset Koers cannot decode; the name is cut to 40 characters.
    case unknownCharset(String)
    /// Neither a text/plain nor a text/html part: nothing a person typed can be read.
    case noText
    /// No header field at all before the body: the input is not a mail message.
    case notAMessage

    package var description: String {
        switch self {
        case let .tooLarge(bytes, limit):
            "The message has \(bytes) bytes, more than the \(limit) Koers reads; it was refused before "
                + "reading. Ask the sender to reply without attachments."
        case let .tooManyHeaderFields(limit):
            "The message or one of its parts has more than \(limit) header fields; it was not read. "
                + "Such mail is not a reply typed by a person."
        case let .headerFieldTooLong(field, limit):
            "The header field \(field) is longer than \(limit) bytes; the message was not read."
        case let .tooDeep(limit):
            "The message nests multiparts more than \(limit) levels deep; it was not read."
        case let .tooManyParts(limit):
            "The message has more than \(limit) body parts; it was not read."
        case let .unknownCharset(name):
            "The text of the message is in the character set \(name), which Koers cannot decode "
                + "(it reads UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15 and Windows-1252). Ask the sender "
                + "to reply with the mail program's default settings."
        case .noText:
            "The message has no text/plain or text/html part, so there is no reply text to read."
        case .notAMessage:
            "The input does not start with mail header fields; it is not an RFC 5322 message."
        }
    }

    /// A name from the message, cut and stripped of control characters, safe to put in one log line.
    static func shown(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.prefix(40).map { $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: "?") : $0 }, as: UTF8.self)
    }
}
