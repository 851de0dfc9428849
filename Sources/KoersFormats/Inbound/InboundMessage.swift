/// A received mail as the reply handling needs it: who sent it, what it answers, whether it is
/// automatic, and the text a person typed (before cutting the quoted message, see `ReplyText`).
package struct InboundMessage: Sendable, Equatable {
    /// Every header field of the message itself, in order.
    package var headers: [InboundHeaderField]
    package var from: [MailAddress]
    package var replyTo: [MailAddress]
    package var to: [MailAddress]
    package var cc: [MailAddress]
    /// Without angle brackets.
    package var messageID: String?
    package var inReplyTo: [String]
    package var references: [String]
    /// Lowercased; nil when absent (which means `no`).
    package var autoSubmitted: String?
    /// The envelope sender the receiving server recorded: `""` for `<>` (a bounce), nil when absent.
    package var returnPath: String?
    /// Lowercased, e.g. `bulk`, `list`, `junk`.
    package var precedence: String?
    package var listID: String?
    /// The message's media type, lowercased, e.g. `multipart/report` for a delivery status notification.
    package var contentType: String
    /// Each Authentication-Results field as received, for checking against a trusted authserv-id.
    package var authenticationResults: [String]
    /// The body's text: the first text/plain part that is not an attachment, else the first
    /// text/html part as text (`ReadableHTML`).
    package var text: String
    package var textIsFromHTML: Bool

    /// Reads one message as a mail server delivers it (CRLF or LF line ends).
    package static func parse(_ bytes: [UInt8], limits: InboundLimits = InboundLimits()) throws(InboundError) -> InboundMessage {
        guard bytes.count <= limits.messageBytes else { throw .tooLarge(bytes: bytes.count, limit: limits.messageBytes) }
        let (headers, body) = try InboundHeaderField.read(bytes[...], limits: limits)
        guard !headers.isEmpty else { throw .notAMessage }
        var walk = BodyWalk(limits: limits)
        try walk.visit(headers: headers, body: body, depth: 0)
        let chosen: (text: String, html: Bool)
        if let plain = walk.plain {
            chosen = (plain, false)
        } else if let html = walk.html {
            chosen = (ReadableHTML.text(of: html), true)
        } else {
            throw .noText
        }
        func addresses(_ name: String) -> [MailAddress] { headers.all(name).flatMap { AddressList.parse($0.raw) } }
        func ids(_ name: String) -> [String] { headers.all(name).flatMap { AddressList.messageIDs($0.raw) } }
        func lowered(_ name: String) -> String? { headers.first(name).map { $0.text.lowercased() } }
        return InboundMessage(
            headers: headers, from: addresses("from"), replyTo: addresses("reply-to"), to: addresses("to"),
            cc: addresses("cc"), messageID: ids("message-id").first, inReplyTo: ids("in-reply-to"),
            references: ids("references"), autoSubmitted: lowered("auto-submitted"),
            returnPath: headers.first("return-path").map { field in
                AddressList.messageIDs(field.raw).first ?? (field.raw.contains(UInt8(ascii: "<")) ? "" : field.text)
            },
            precedence: lowered("precedence"), listID: headers.first("list-id")?.text,
            contentType: BodyWalk.mediaType(headers.first("content-type")?.raw ?? []),
            authenticationResults: headers.all("authentication-results").map(\.text),
            text: chosen.text, textIsFromHTML: chosen.html)
    }
}

/// Walks the MIME tree depth first and keeps the first text/plain and text/html parts that are
/// meant to be read (not attachments, not forwarded messages).
struct BodyWalk {
    let limits: InboundLimits
    var parts = 0
    var plain: String?
    var html: String?

    init(limits: InboundLimits) {
        self.limits = limits
    }

    mutating func visit(headers: [InboundHeaderField], body: ArraySlice<UInt8>, depth: Int) throws(InboundError) {
        let contentType = headers.first("content-type")?.raw ?? []
        let type = Self.mediaType(contentType)
        if type.hasPrefix("multipart/") {
            guard depth < limits.depth else { throw .tooDeep(limit: limits.depth) }
            guard let boundary = MailText.parameter("boundary", in: contentType),
                  let multipart = MailText.Multipart(Array(body), boundary: boundary) else { return }
            parts += multipart.parts.count
            guard parts <= limits.parts else { throw .tooManyParts(limit: limits.parts) }
            for part in multipart.parts {
                let (partHeaders, partBody) = try InboundHeaderField.read(part[...], limits: limits)
                try visit(headers: partHeaders, body: partBody, depth: depth + 1)
            }
            return
        }
        let disposition = MailText.lowercasedToken((headers.first("content-disposition")?.raw ?? []).prefix { $0 != UInt8(ascii: ";") })
        guard disposition != "attachment", type == "text/plain" || type == "text/html" else { return }
        guard (type == "text/plain" ? plain : html) == nil else { return }
        let encoding = MailText.lowercasedToken(headers.first("content-transfer-encoding")?.raw ?? [])
        let decoded: [UInt8] = switch encoding {
        case "quoted-printable": MailText.decodedQuotedPrintable(Array(body))
        case "base64": MailText.decodedBase64(Array(body))
        default: Array(body)
        }
        let charsetName = MailText.parameter("charset", in: contentType).map { MailText.lowercasedToken($0) } ?? "us-ascii"
        guard let text = Charset.decode(decoded, charset: charsetName) else {
            throw .unknownCharset(InboundError.shown(Array(charsetName.utf8)))
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n")
        if type == "text/plain" { plain = lines } else { html = lines }
    }

    /// `type/subtype`, lowercased; `text/plain` when absent (RFC 2045 §5.2).
    static func mediaType(_ value: [UInt8]) -> String {
        let type = MailText.lowercasedToken(value.prefix { $0 != UInt8(ascii: ";") })
        return type.isEmpty ? "text/plain" : type
    }
}
