/// One header field of a received message, unfolded (RFC 5322 §2.2.3), as its raw bytes: structured
/// fields (addresses, Message-IDs) must be split before encoded-words are decoded.
package struct InboundHeaderField: Sendable, Equatable {
    /// The name as sent, e.g. `Reply-To`.
    package var name: String
    /// The value after the colon, unfolded, with surrounding whitespace removed.
    package var raw: [UInt8]

    package init(name: String, raw: [UInt8]) {
        self.name = name
        self.raw = raw
    }

    /// The value as a reader sees it: RFC 2047 encoded-words decoded, runs of whitespace as one space.
    package var text: String {
        HeaderWords.decoded(raw)
    }

    /// Header fields up to the blank line, and where the body starts. Lines are split at CRLF or a
    /// lone LF; a line without a colon that is not a continuation line is skipped, as mail readers do.
    static func read(_ bytes: ArraySlice<UInt8>, limits: InboundLimits) throws(InboundError)
        -> (fields: [InboundHeaderField], body: ArraySlice<UInt8>) {
        var fields: [InboundHeaderField] = []
        var current: [UInt8]?
        var index = bytes.startIndex
        func finish() throws(InboundError) {
            guard let line = current else { return }
            current = nil
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return }
            let name = line[..<colon]
            guard name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return }
            guard fields.count < limits.headerFields else { throw .tooManyHeaderFields(limit: limits.headerFields) }
            let value = line[(colon + 1)...].drop { MailText.isBlank($0) }
            let end = value.lastIndex { !MailText.isBlank($0) }.map { $0 + 1 } ?? value.startIndex
            fields.append(InboundHeaderField(name: String(decoding: name, as: UTF8.self),
                                             raw: Array(value[value.startIndex..<end])))
        }
        while index < bytes.endIndex {
            let newline = bytes[index...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var lineEnd = newline
            if lineEnd > index && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = bytes[index..<lineEnd]
            index = newline < bytes.endIndex ? newline + 1 : newline
            if line.isEmpty { break }
            if let first = line.first, MailText.isBlank(first), current != nil {
                current! += line.map { $0 == 0x09 ? 0x20 : $0 }
            } else {
                try finish()
                current = Array(line)
            }
            if let current, current.count > limits.headerFieldBytes {
                let name = current.prefix { $0 != UInt8(ascii: ":") }
                throw .headerFieldTooLong(field: InboundError.shown(name), limit: limits.headerFieldBytes)
            }
        }
        try finish()
        return (fields, bytes[index...])
    }
}

extension [InboundHeaderField] {
    /// The first field called `name` (any case).
    func first(_ name: String) -> InboundHeaderField? {
        first { $0.name.lowercased() == name }
    }

    func all(_ name: String) -> [InboundHeaderField] {
        filter { $0.name.lowercased() == name }
    }
}
