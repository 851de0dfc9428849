import Foundation
@testable import KoersFormats

/// `MessageBuilder.build` with arbitrary texts: a header text holding CR, LF or NUL is refused
/// naming its field; everything else gives a message that `MailInvariants` reads back exactly.
///
/// Fields of the input, 0xFF between them (a byte that never occurs in UTF-8): subject, From name,
/// To name, Reply-To name, X-Koers-Fuzz value, text, HTML (absent: plain text only), To address
/// (absent or empty: a valid one), the Message-ID key.
enum MessageFuzzTarget: FuzzTarget {
    static let name = "message"

    static func check(_ input: [UInt8]) throws(FuzzFailure) {
        let parts = input.split(separator: 0xFF, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let field = { (index: Int) in index < parts.count ? parts[index] : "" }
        let address = field(7).isEmpty ? "c.jansen@example.org" : field(7)
        let message = MailMessage(
            from: MailAddress(name: field(1), address: "koers@school.example"),
            to: [MailAddress(name: field(2), address: address)],
            replyTo: MailAddress(name: field(3), address: "co-oper@school.example"),
            subject: field(0),
            date: Date(timeIntervalSince1970: 1_729_000_000),
            messageID: MessageBuilder.messageID(forKey: field(8), domain: "koers.example"),
            text: field(5),
            html: parts.count > 6 ? parts[6] : nil,
            extraHeaders: [(name: "X-Koers-Fuzz", value: field(4))])

        let expected = expectedRefusal(message)
        let bytes: [UInt8]
        do {
            bytes = try MessageBuilder.build(message, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
        } catch {
            try require(error == expected, "refused with \(error), expected \(expected.map { "\($0)" } ?? "a message")")
            return
        }
        try require(expected == nil, "built a message, expected \(expected!)")
        try MailInvariants.check(bytes, message)
        try searchable(bytes, message)
    }

    /// What erasure searches (`MailText`) shows every text as it was given: the subject, the
    /// recipient's name (unless it needed a quoted string, whose escapes stay), the text and the
    /// HTML (each when it holds no line break, which the encoding turns into CRLF).
    static func searchable(_ bytes: [UInt8], _ message: MailMessage) throws(FuzzFailure) {
        let text = MailText.searchable(bytes)
        let oneLine = { (value: String) in !value.unicodeScalars.contains { $0 == "\r" || $0 == "\n" } }
        var shown = [("subject", message.subject), ("text", message.text), ("HTML", message.html ?? "")]
        if let name = message.to[0].name, !name.contains("\""), !name.contains("\\") { shown.append(("To name", name)) }
        for (what, value) in shown where !value.isEmpty && oneLine(value) {
            try require(text.contains(value), "the searchable text does not show the \(what) \(value.debugDescription)")
        }
    }

    /// The first unsafe field in the order the builder checks them, or nil.
    static func expectedRefusal(_ message: MailMessage) -> MailError? {
        func breaks(_ text: String?) -> Bool {
            text?.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" } ?? false
        }
        if breaks(message.from.name) { return .headerInjection(field: "From") }
        if breaks(message.to[0].name) || breaks(message.to[0].address) { return .headerInjection(field: "To") }
        if !MailAddress.isValid(message.to[0].address) { return .invalidAddress("To") }
        if breaks(message.replyTo?.name) { return .headerInjection(field: "Reply-To") }
        if breaks(message.subject) { return .headerInjection(field: "Subject") }
        if breaks(message.extraHeaders[0].value) { return .headerInjection(field: "X-Koers-Fuzz") }
        return nil
    }
}
