import Foundation

/// One e-mail as Koers sends it: an automatic message from Koers to a person, with the
/// coordinator as the one to reply to. `MessageBuilder` turns it into bytes.
public struct MailMessage: Sendable {
    /// The sender, with a display name, e.g. `"Koers — OOK" <koers@school.example>`.
    public var from: MailAddress
    /// The recipients; usually one. Must not be empty.
    public var to: [MailAddress]
    /// Where replies go (the Co-OP'er), because nobody reads Koers's own mailbox.
    public var replyTo: MailAddress?
    public var subject: String
    /// When the message was written; shown in the time zone given to `MessageBuilder.build`.
    public var date: Date
    /// Without angle brackets, e.g. `3f2a…@koers.example`; see `MessageBuilder.messageID(forKey:domain:)`.
    public var messageID: String
    /// The plain-text body. Line breaks may be LF, CRLF or CR; they are sent as CRLF.
    public var text: String
    /// A simple HTML alternative made by the caller, or nil to send plain text only.
    public var html: String?
    /// Further headers such as `X-Koers-Key`, written in this order after the standard ones.
    public var extraHeaders: [(name: String, value: String)]

    public init(
        from: MailAddress,
        to: [MailAddress],
        replyTo: MailAddress? = nil,
        subject: String,
        date: Date,
        messageID: String,
        text: String,
        html: String? = nil,
        extraHeaders: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.html = html
        self.extraHeaders = extraHeaders
    }
}
