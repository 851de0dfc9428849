/// Bounds on an inbound message, checked before or while it is read, so a hostile or broken mail
/// costs bounded time and memory: a mail server hands Koers whatever anyone sends.
package struct InboundLimits: Sendable, Equatable {
    /// Replies are a few kilobytes; 10 MB leaves room for pasted images and signatures.
    package var messageBytes: Int
    /// Header fields of one entity (the message or one body part).
    package var headerFields: Int
    /// Bytes of one unfolded header field.
    package var headerFieldBytes: Int
    /// Multipart levels below the message.
    package var depth: Int
    /// Body parts in the whole message.
    package var parts: Int

    package init(messageBytes: Int = 10 * 1024 * 1024, headerFields: Int = 500, headerFieldBytes: Int = 32 * 1024,
                 depth: Int = 8, parts: Int = 200) {
        self.messageBytes = messageBytes
        self.headerFields = headerFields
        self.headerFieldBytes = headerFieldBytes
        self.depth = depth
        self.parts = parts
    }
}
