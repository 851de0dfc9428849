@testable import KoersFormats

/// A received mail, as `koers mail receive` and the IMAP inbox read it: whatever the bytes (broken
/// MIME, encodings and charsets, HTML, hostile nesting), reading ends in a message or a typed
/// problem that says what was wrong; the kept reply text is bounded by the input and never holds
/// a quoted line; cutting it again keeps all of it.
enum InboundFuzzTarget: FuzzTarget {
    static let name = "inbound"

    static func check(_ input: [UInt8]) throws(FuzzFailure) {
        try checkReply(String(decoding: input, as: UTF8.self), inputBytes: input.count)
        let message: InboundMessage
        do {
            message = try InboundMessage.parse(input)
        } catch {
            try require(!error.description.isEmpty, "refused without saying why")
            return
        }
        try require(message.text.utf8.count <= 3 * input.count, "text longer than three bytes per input byte")
        for address in message.from + message.replyTo + message.to + message.cc {
            try require(address.address.contains("@") && !address.address.contains(" "), "address without @ or with a space")
        }
        try checkReply(message.text, inputBytes: input.count)
    }

    /// The kept text is a prefix of the text's lines (trailing spaces removed), so never longer.
    static func checkReply(_ text: String, inputBytes: Int) throws(FuzzFailure) {
        let kept = ReplyText.kept(from: text)
        try require(kept.utf8.count <= text.utf8.count, "kept text longer than the body")
        let lines = kept.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for line in lines {
            try require(!ReplyText.normalized(line).hasPrefix(">"), "kept a quoted line")
        }
        try require(ReplyText.kept(from: kept) == kept, "cutting the kept text again changed it")
    }
}
