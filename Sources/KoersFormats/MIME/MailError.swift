import Foundation

/// Why a message could not be built. Cases name the header, never its value: values hold
/// e-mail addresses and names, which must not end up in logs.
public enum MailError: Error, Equatable, CustomStringConvertible {
    /// A CR, LF or NUL in a header field; it could start a header of its own. `field` is the
    /// header's name (`From`, `To`, `Reply-To`, `Subject`, `Message-ID` or an extra header's name).
    case headerInjection(field: String)
    /// The address in this header (`From`, `To` or `Reply-To`) is not a deliverable address.
    case invalidAddress(String)
    /// The message has no recipient.
    case emptyRecipients
    /// An extra header's name is not a valid field name (shown with control characters escaped).
    case invalidHeaderName(String)
    /// An extra header would repeat or override one the builder writes itself, or add an address
    /// header (`Sender`, `Cc`, `Bcc`) that would bypass address checks.
    case reservedHeaderName(String)
    /// The Message-ID is not of the form `left@right` with dot-atom text on both sides.
    case invalidMessageID
    /// The date lies outside the years 1900–9999, which the Date header cannot express.
    case dateOutOfRange(Date)

    public var description: String {
        switch self {
        case let .headerInjection(field):
            return "The \(field) header contains a line break (CR or LF) or a NUL character, which could "
                + "inject headers of its own; the message was not built. Remove line breaks from the "
                + "value where it comes from (configuration, agenda text or template)."
        case let .invalidAddress(field):
            return "The \(field) address is not a valid e-mail address: it needs exactly one @, a part of "
                + "at most 64 characters before it and a domain after it, only ASCII letters, digits, "
                + "dots (not leading, trailing or doubled) and !#$%&'*+-/=?^_`{|}~, no spaces, quotes or "
                + "angle brackets, and at most 254 characters in all. Correct the address in the "
                + "configuration (people[].email, or the mail sender) and run `koers check`."
        case .emptyRecipients:
            return "The message has no recipient (To is empty). Make sure the role this message is for "
                + "is held by a person with an e-mail address in the configuration."
        case let .invalidHeaderName(name):
            return "The extra header name \(MailError.escaped(name)) is not valid: use 1 to 76 printable "
                + "ASCII characters without spaces or colons, such as X-Koers-Key."
        case let .reservedHeaderName(name):
            return "The extra header \(name) is written by the message builder itself or would add "
                + "recipients without address checks. Set the corresponding MailMessage property instead, "
                + "or choose another name (such as X-Koers-…)."
        case .invalidMessageID:
            return "The Message-ID is not of the form left@right (dot-atom text on both sides, no angle "
                + "brackets or spaces, at most 250 characters). Create it with "
                + "MessageBuilder.messageID(forKey:domain:) and a valid mail domain."
        case let .dateOutOfRange(date):
            // Foundation cannot describe a date that is not finite.
            let shown = date.timeIntervalSince1970.isFinite ? "\(date)" : "\(date.timeIntervalSince1970)"
            return "The message date \(shown) lies outside the years 1900–9999 that a Date header can "
                + "express. Check the clock or the --now value used to send the message."
        }
    }

    /// The name in quotes with control and non-ASCII characters escaped, so a rejected name
    /// cannot break the line it is reported on.
    private static func escaped(_ name: String) -> String {
        var result = "\""
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "\\" {
                result.unicodeScalars.append(scalar)
            } else {
                result += scalar.escaped(asASCII: true)
            }
        }
        return result + "\""
    }
}
