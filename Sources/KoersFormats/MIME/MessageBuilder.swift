import Foundation
import KoersModel

/// Turns a `MailMessage` into the bytes of an Internet message (RFC 5322 with MIME).
///
/// The output is 7-bit ASCII with CRLF line endings, so SMTP, `sendmail` and `.eml` files all
/// carry it unchanged. It is a pure function of its input: a message resent after a crash is
/// byte for byte the one sent before.
public enum MessageBuilder {
    /// RFC 5322 / MIME bytes with CRLF line endings, ready for SMTP DATA, sendmail or an .eml file.
    ///
    /// Every field is checked before anything is written; nothing is silently repaired, because a
    /// line break in a field is a bug or an attack upstream.
    public static func build(_ message: MailMessage, timeZone: TimeZone) throws(MailError) -> [UInt8] {
        try validate(message)
        let date = try MailDate.format(message.date, in: timeZone)

        var head = "Date: \(date)\r\n"
        head += addressField("From", [message.from])
        head += addressField("To", message.to)
        if let replyTo = message.replyTo { head += addressField("Reply-To", [replyTo]) }
        head += unstructuredField("Subject", message.subject)
        head += "Message-ID: <\(message.messageID)>\r\n"
        // RFC 3834: automatic mail, so well-behaved responders stay silent.
        head += "Auto-Submitted: auto-generated\r\n"
        // Exchange ignores Auto-Submitted and sends out-of-office replies unless told this way.
        head += "X-Auto-Response-Suppress: OOF, AutoReply\r\n"
        for header in message.extraHeaders { head += unstructuredField(header.name, header.value) }
        head += "MIME-Version: 1.0\r\n"

        let text = QuotedPrintable.encode(message.text)
        let body: String
        if let html = message.html {
            let html = QuotedPrintable.encode(html)
            let boundary = self.boundary(for: message.messageID, avoiding: [text, html])
            head += "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n"
            // A part's last CRLF belongs to the delimiter that follows it (RFC 2046 §5.1.1).
            body = "--\(boundary)\r\n" + partHeaders("text/plain") + "\r\n" + text
                + "\r\n--\(boundary)\r\n" + partHeaders("text/html") + "\r\n" + html
                + "\r\n--\(boundary)--\r\n"
        } else {
            head += partHeaders("text/plain")
            body = text
        }
        let bytes = Array((head + "\r\n" + body).utf8)
        assert(bytes.allSatisfy { $0 < 0x80 }, "a Koers mail must be 7-bit")
        return bytes
    }

    /// A Message-ID for a given idempotency key: stable for the same key and domain (so a resend after a crash carries the same Message-ID and receivers can de-duplicate).
    ///
    /// The left part is a digest of the key, so keys holding names or addresses do not show in
    /// the header, and any key gives a valid ID.
    public static func messageID(forKey key: String, domain: String) -> String {
        let digest = SHA256.hash(Array("koers-message-id\u{0}".utf8) + Array(key.utf8))
        return SHA256.hex(digest.prefix(16)) + "@" + domain
    }

    // MARK: - Checks

    static let maximumMessageIDLength = 250
    static let maximumHeaderNameLength = 76

    /// Names the builder writes, and address fields whose values would escape address checks.
    static let reservedHeaderNames: Set<String> = [
        "date", "from", "sender", "to", "cc", "bcc", "reply-to", "subject", "message-id",
        "mime-version", "auto-submitted", "x-auto-response-suppress",
    ]

    private static func validate(_ message: MailMessage) throws(MailError) {
        try message.from.validate(field: "From")
        guard !message.to.isEmpty else { throw MailError.emptyRecipients }
        for recipient in message.to { try recipient.validate(field: "To") }
        try message.replyTo?.validate(field: "Reply-To")
        try MailHeaderText.rejectLineBreaks(in: message.subject, field: "Subject")
        try MailHeaderText.rejectLineBreaks(in: message.messageID, field: "Message-ID")
        guard isValidMessageID(message.messageID) else { throw MailError.invalidMessageID }
        for header in message.extraHeaders {
            let name = header.name
            guard (1...maximumHeaderNameLength).contains(name.utf8.count),
                  name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") })
            else { throw MailError.invalidHeaderName(name) }
            let lowercased = name.lowercased()
            guard !reservedHeaderNames.contains(lowercased), !lowercased.hasPrefix("content-")
            else { throw MailError.reservedHeaderName(name) }
            try MailHeaderText.rejectLineBreaks(in: header.value, field: name)
        }
    }

    static func isValidMessageID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count <= maximumMessageIDLength else { return false }
        let halves = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        return halves.count == 2 && MailAddress.isDotAtom(halves[0]) && MailAddress.isDotAtom(halves[1])
    }

    // MARK: - Writing

    private static func addressField(_ name: String, _ mailboxes: [MailAddress]) -> String {
        var line = MailHeaderLine(name: name)
        for (index, mailbox) in mailboxes.enumerated() {
            mailbox.write(to: &line, suffix: index < mailboxes.count - 1 ? "," : "")
        }
        return line.text
    }

    private static func unstructuredField(_ name: String, _ value: String) -> String {
        var line = MailHeaderLine(name: name)
        MailHeaderText.appendUnstructured(value, to: &line)
        return line.text
    }

    private static func partHeaders(_ type: String) -> String {
        "Content-Type: \(type); charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
    }

    /// Derived from the Message-ID, so a resend has the same bytes. `=_` never occurs in
    /// quoted-printable output (`=` is always followed by a hex digit or CRLF), so the first
    /// candidate always fits; the check keeps that true should the encoding ever change.
    static func boundary(for messageID: String, avoiding parts: [String]) -> String {
        var attempt = 0
        while true {
            let seed = "koers-boundary\u{0}\(messageID)\u{0}\(attempt)"
            let candidate = "=_Koers_" + SHA256.hex(SHA256.hash(Array(seed.utf8)).prefix(12))
            if !parts.contains(where: { $0.contains(candidate) }) { return candidate }
            attempt += 1
        }
    }
}
