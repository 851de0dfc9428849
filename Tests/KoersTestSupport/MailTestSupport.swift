import Foundation
import KoersFormats
import Testing

/// What Python's `email` package (policy=default) reads from a built message; see `ParseMIMEScript`.
package struct ParsedMail: Decodable {
    package struct Mailbox: Decodable {
        package var name: String
        package var address: String
    }

    var from: [Mailbox]?
    package var to: [Mailbox]?
    var replyTo: [Mailbox]?
    package var subject: String?
    package var date: String?
    var messageID: String?
    var autoSubmitted: String?
    var autoResponseSuppress: String?
    package var headers: [[String]]
    package var contentType: String
    package var partTypes: [String]
    package var text: String?
    package var html: String?
    package var defects: [String]

    /// The decoded value of the first header with this name (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }
}

package enum MailTest {
    package static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    /// A Tuesday in October, 08:00 in Amsterdam (summer time).
    package static let october15 = moment("2024-10-15T06:00:00Z")

    package static func moment(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    /// A typical Koers reminder, to vary per test.
    package static func message(
        subject: String = "Herinnering: LO-A3 staat open",
        text: String = "Beste Carla,\n\nStap LO-A3 staat nog open.\n\nMet vriendelijke groet,\nKoers\n",
        html: String? = nil
    ) -> MailMessage {
        MailMessage(
            from: MailAddress(name: "Koers — OOK", address: "koers@school.example"),
            to: [MailAddress(name: "Carla Jansen", address: "c.jansen@example.org")],
            replyTo: MailAddress(name: "Co-OP'er OOK", address: "co-oper@school.example"),
            subject: subject,
            date: october15,
            messageID: "3f2a9c0d1e2b4a5f@koers.example",
            text: text,
            html: html,
            extraHeaders: [(name: "X-Koers-Key", value: "ook-sop:LO-A3/2024-10-15/c.jansen")]
        )
    }

    /// Builds the message and reads it back with Python's MIME parser.
    package static func roundTrip(_ message: MailMessage, timeZone: TimeZone = amsterdam) throws -> (bytes: [UInt8], parsed: ParsedMail) {
        let bytes = try MessageBuilder.build(message, timeZone: timeZone)
        return (bytes, try parse(bytes))
    }

    /// The MIME parser script reads the message from its standard input.
    package static func parse(_ bytes: [UInt8]) throws -> ParsedMail {
        try JSONDecoder().decode(ParsedMail.self, from: Python.run(["-c", ParseMIMEScript.source, "/dev/stdin"], input: Data(bytes)))
    }

    /// `text` with every line break (CRLF, lone CR, lone LF) as CRLF: what the receiver gets.
    package static func crlf(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\r" {
                result.append(contentsOf: "\r\n".unicodeScalars)
                if pending == "\n" { pending = scalars.next() }
            } else if scalar == "\n" {
                result.append(contentsOf: "\r\n".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The lines of a built message, without their CRLF, split into header section and body.
    package static func lines(_ bytes: [UInt8]) -> (header: [String], body: [String]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let all = text.components(separatedBy: "\r\n")
        let blank = all.firstIndex(of: "") ?? all.count
        return (Array(all[..<blank]), Array(all[min(blank + 1, all.count)...].dropLast()))
    }

    /// The unfolded raw value of a header (continuation lines joined), as it stands in the bytes.
    package static func rawHeader(_ name: String, in bytes: [UInt8]) -> String? {
        var unfolded: [String] = []
        for line in lines(bytes).header {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !unfolded.isEmpty {
                unfolded[unfolded.count - 1] += line
            } else {
                unfolded.append(line)
            }
        }
        let prefix = name.lowercased() + ":"
        return unfolded.first { $0.lowercased().hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}

/// Swift's `==` on strings treats "é" and "e\u{301}" as equal; these tests must see the difference.
package func expectExact(_ actual: String?, _ expected: String?, _ what: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    let same = actual.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) }
    #expect(same, "\(what): got \(String(reflecting: actual)), expected \(String(reflecting: expected))",
            sourceLocation: sourceLocation)
}

/// Asserts what every built message must be: 7-bit, CRLF only, header lines within `headerLimit`
/// (78 unless a test uses a field that cannot be folded, never above 998), body lines within 76.
package func expectWellFormed(_ bytes: [UInt8], headerLimit: Int = 78, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(bytes.allSatisfy { $0 < 0x80 }, "a byte of 128 or more", sourceLocation: sourceLocation)
    var index = 0
    var bareLineBreaks = 0
    while index < bytes.count {
        if bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A) { bareLineBreaks += 1 }
        if bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) { bareLineBreaks += 1 }
        index += 1
    }
    #expect(bareLineBreaks == 0, "CR or LF outside CRLF", sourceLocation: sourceLocation)
    #expect(bytes.suffix(2) == [0x0D, 0x0A], "the message must end with CRLF", sourceLocation: sourceLocation)
    let (header, body) = MailTest.lines(bytes)
    let longestHeader = header.map(\.utf8.count).max() ?? 0
    #expect(longestHeader <= min(headerLimit, 998), "header line of \(longestHeader) octets", sourceLocation: sourceLocation)
    let longestBody = body.map(\.utf8.count).max() ?? 0
    #expect(longestBody <= 76, "body line of \(longestBody) octets", sourceLocation: sourceLocation)
    #expect(!header.contains { $0.hasPrefix(" ") && $0.trimmingCharacters(in: .whitespaces).isEmpty },
            "a header line of only whitespace", sourceLocation: sourceLocation)
}

/// Asserts that Python read back exactly what the message holds, and reported no defect.
package func expectFaithful(_ parsed: ParsedMail, _ message: MailMessage, sourceLocation: SourceLocation = #_sourceLocation) {
    func expectMailboxes(_ actual: [ParsedMail.Mailbox]?, _ expected: [MailAddress]?, _ what: String) {
        #expect(actual?.count == expected?.count, "\(what) count", sourceLocation: sourceLocation)
        for (got, want) in zip(actual ?? [], expected ?? []) {
            expectExact(got.name, want.name ?? "", "\(what) name", sourceLocation: sourceLocation)
            expectExact(got.address, want.address, "\(what) address", sourceLocation: sourceLocation)
        }
    }
    #expect(parsed.defects.isEmpty, "Python found defects: \(parsed.defects)", sourceLocation: sourceLocation)
    expectMailboxes(parsed.from, [message.from], "From")
    expectMailboxes(parsed.to, message.to, "To")
    expectMailboxes(parsed.replyTo, message.replyTo.map { [$0] }, "Reply-To")
    expectExact(parsed.subject, message.subject, "Subject", sourceLocation: sourceLocation)
    expectExact(parsed.messageID, "<\(message.messageID)>", "Message-ID", sourceLocation: sourceLocation)
    expectExact(parsed.autoSubmitted, "auto-generated", "Auto-Submitted", sourceLocation: sourceLocation)
    expectExact(parsed.autoResponseSuppress, "OOF, AutoReply", "X-Auto-Response-Suppress", sourceLocation: sourceLocation)
    for extra in message.extraHeaders {
        expectExact(parsed.header(extra.name), extra.value, extra.name, sourceLocation: sourceLocation)
    }
    expectExact(parsed.text, MailTest.crlf(message.text), "text part", sourceLocation: sourceLocation)
    expectExact(parsed.html, message.html.map(MailTest.crlf), "HTML part", sourceLocation: sourceLocation)
    #expect(parsed.partTypes == (message.html == nil ? ["text/plain"] : ["multipart/alternative", "text/plain", "text/html"]),
            sourceLocation: sourceLocation)
}

/// Finds and decodes RFC 2047 encoded-words in raw header text, to inspect them one by one.
package enum EncodedWordsInText {
    package static func find(in raw: String) -> [String] {
        raw.matches(of: #/=\?UTF-8\?[BQ]\?[^?]*\?=/#).map { String($0.output) }
    }

    /// The bytes one encoded-word stands for; nil when it is malformed.
    package static func decode(_ word: String) -> [UInt8]? {
        let parts = word.split(separator: "?", omittingEmptySubsequences: false)
        guard parts.count == 5 else { return nil }
        let payload = parts[3]
        if parts[2] == "B" {
            return Data(base64Encoded: String(payload)).map { Array($0) }
        }
        var bytes: [UInt8] = []
        var iterator = Array(payload.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "_"):
                bytes.append(0x20)
            case UInt8(ascii: "="):
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            default:
                bytes.append(byte)
            }
        }
        return bytes
    }
}
