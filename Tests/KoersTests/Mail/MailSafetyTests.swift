import Foundation
import KoersFormats
import KoersTestSupport
import Testing

/// One way to smuggle a line break into a header, and the field the error must name.
struct InjectionCase: Sendable, CustomTestStringConvertible {
    var field: String
    var place: String
    var inject: @Sendable (inout MailMessage, String) -> Void

    var testDescription: String { place }

    static let all: [InjectionCase] = [
        InjectionCase(field: "From", place: "From display name") { $0.from.name = "Koers\($1)Bcc: x@evil.example" },
        InjectionCase(field: "From", place: "From address") { $0.from.address = "koers@school.example\($1)Bcc: x@evil.example" },
        InjectionCase(field: "To", place: "To display name") { $0.to[0].name = "Carla\($1)Bcc: x@evil.example" },
        InjectionCase(field: "To", place: "second To address") {
            $0.to.append(MailAddress(name: nil, address: "p.smit@example.org\($1)Bcc: x@evil.example"))
        },
        InjectionCase(field: "Reply-To", place: "Reply-To display name") { $0.replyTo?.name = "Co\($1)Bcc: x@evil.example" },
        InjectionCase(field: "Reply-To", place: "Reply-To address") { $0.replyTo?.address = "co@school.example\($1)Bcc: x" },
        InjectionCase(field: "Subject", place: "Subject") { $0.subject = "Herinnering\($1)Bcc: x@evil.example" },
        InjectionCase(field: "Subject", place: "end of Subject") { $0.subject = "Herinnering ë\($1)" },
        InjectionCase(field: "Message-ID", place: "Message-ID") { $0.messageID = "abc@koers.example\($1)Bcc: x" },
        InjectionCase(field: "X-Koers-Key", place: "extra header value") {
            $0.extraHeaders = [(name: "X-Koers-Key", value: "key\($1)Bcc: x@evil.example")]
        },
    ]
}

@Suite("Mail refuses unsafe or invalid fields")
struct MailSafetyTests {
    @Test("CR, LF, CRLF or NUL in any header field is refused with that field named, never folded away",
          arguments: InjectionCase.all, ["\r", "\n", "\r\n", "\u{0}", "\r\n "])
    func injection(injection: InjectionCase, lineBreak: String) {
        var message = MailTest.message()
        injection.inject(&message, lineBreak)
        #expect(throws: MailError.headerInjection(field: injection.field)) {
            try MessageBuilder.build(message, timeZone: MailTest.amsterdam)
        }
    }

    @Test("an address that is not a plain deliverable address is refused, naming the field, not the address",
          arguments: [
              "", "geen-apenstaart", "twee@@example.org", "a@b@example.org", "@example.org", "carla@",
              "carla jansen@example.org", "<carla@example.org>", "carla@example.org>", "\"carla\"@example.org",
              "carla@exam ple.org", "carla\t@example.org", "carla\u{7F}@example.org", "zoë@example.org",
              "carla@ëxample.org", ".carla@example.org", "carla.@example.org", "car..la@example.org",
              "carla@example..org", "carla@[192.0.2.1]", "carla,p@example.org", "carla;@example.org",
              "carla(x)@example.org", String(repeating: "a", count: 65) + "@example.org",
              "a@" + String(repeating: "b", count: 250) + ".nl",
          ])
    func invalidAddress(address: String) {
        var message = MailTest.message()
        message.to = [MailAddress(name: "Carla", address: address)]
        #expect(throws: MailError.invalidAddress("To")) { try MessageBuilder.build(message, timeZone: MailTest.amsterdam) }
        message = MailTest.message()
        message.from.address = address
        #expect(throws: MailError.invalidAddress("From")) { try MessageBuilder.build(message, timeZone: MailTest.amsterdam) }
        message = MailTest.message()
        message.replyTo?.address = address
        #expect(throws: MailError.invalidAddress("Reply-To")) { try MessageBuilder.build(message, timeZone: MailTest.amsterdam) }
    }

    @Test("addresses with +, ', = and the like, and exactly 254 octets, are accepted and read back")
    func validAddresses() throws {
        let longest = String(repeating: "l", count: 64) + "@" + String(repeating: "d", count: 184) + ".test"
        #expect(longest.utf8.count == 254)
        var message = MailTest.message()
        message.to = [MailAddress(name: "Carla", address: "carla+koers@example.org"),
                      MailAddress(name: nil, address: "o'brien@example.org"),
                      MailAddress(name: "x", address: "a=b!c#d$e%f&g*h/i?j^k_l`m{n|o}p~q@sub.example.org"),
                      MailAddress(name: String(repeating: "Lange naam ", count: 10), address: longest)]
        let (bytes, parsed) = try MailTest.roundTrip(message)
        // The 256 characters of <address> cannot be folded: longer than 78, far below 998.
        expectWellFormed(bytes, headerLimit: 998)
        expectFaithful(parsed, message)
    }

    @Test("a message without recipients is refused")
    func noRecipients() {
        var message = MailTest.message()
        message.to = []
        #expect(throws: MailError.emptyRecipients) { try MessageBuilder.build(message, timeZone: MailTest.amsterdam) }
    }

    @Test("an extra header name must be printable ASCII without spaces or colons, 1 to 76 characters",
          arguments: ["", "X Koers", "X-Koers:", "X-Koërs", "X-Koers\r\nBcc", "X-Koers\n", "X-\u{0}",
                      "\tX-Koers", String(repeating: "X", count: 77)])
    func invalidHeaderName(name: String) {
        var message = MailTest.message()
        message.extraHeaders = [(name: name, value: "waarde")]
        #expect(throws: MailError.invalidHeaderName(name)) { try MessageBuilder.build(message, timeZone: MailTest.amsterdam) }
    }

    @Test("an extra header may not replace one the builder writes, nor add recipients",
          arguments: ["Subject", "from", "TO", "Bcc", "Cc", "Sender", "Reply-To", "Date", "Message-ID",
                      "MIME-Version", "Content-Type", "content-transfer-encoding", "Content-Disposition",
                      "Auto-Submitted", "X-Auto-Response-Suppress"])
    func reservedHeaderName(name: String) {
        var message = MailTest.message()
        message.extraHeaders = [(name: name, value: "waarde")]
        #expect(throws: MailError.reservedHeaderName(name)) { try MessageBuilder.build(message, timeZone: MailTest.amsterdam) }
    }

    @Test("a Message-ID must be left@right in dot-atom form, without angle brackets",
          arguments: ["", "abc", "<abc@koers.example>", "abc@", "@koers.example", "a b@koers.example",
                      "abc@koers@example", "abc@[127.0.0.1]", "ë@koers.example", "abc.@koers.example",
                      String(repeating: "a", count: 240) + "@koers.example"])
    func invalidMessageID(id: String) {
        var message = MailTest.message()
        message.messageID = id
        #expect(throws: MailError.invalidMessageID) { try MessageBuilder.build(message, timeZone: MailTest.amsterdam) }
    }

    @Test("a date the Date header cannot express (before 1900, after 9999, not finite) is refused",
          arguments: [-2_300_000_000.0, 253_402_300_800.0, .infinity, -.infinity, .nan])
    func dateOutOfRange(seconds: Double) {
        var message = MailTest.message()
        message.date = Date(timeIntervalSince1970: seconds)
        // Caught by hand: Swift Testing would describe the error, and Foundation traps when it
        // describes a date that is not finite.
        var refused = false
        do {
            _ = try MessageBuilder.build(message, timeZone: MailTest.amsterdam)
        } catch {
            if case .dateOutOfRange = error { refused = true }
        }
        #expect(refused)
    }

    @Test("error descriptions say what to do and never repeat an address or a header value")
    func descriptions() {
        let secret = "c.jansen@example.org"
        var message = MailTest.message()
        message.to = [MailAddress(name: "Carla", address: "c.jansen@@example.org")]
        let errors: [MailError] = [
            .headerInjection(field: "Subject"), .invalidAddress("To"), .emptyRecipients,
            .invalidHeaderName("X\r\nBcc"), .reservedHeaderName("Bcc"), .invalidMessageID,
            .dateOutOfRange(Date(timeIntervalSince1970: -3e9)),
        ]
        for error in errors {
            #expect(!error.description.contains(secret))
            #expect(!error.description.contains("\r") && !error.description.contains("\n"),
                    "a description is one line: \(error.description)")
            #expect(error.description.count > 60, "says what to do: \(error.description)")
        }
        #expect(MailError.invalidHeaderName("X\r\nBcc").description.contains(#""X\r\nBcc""#))
        // Foundation traps when describing a date that is not finite; the error must not.
        let notFinite = MailError.dateOutOfRange(Date(timeIntervalSince1970: .nan)).description
        #expect(notFinite.contains("nan"))
        let error = #expect(throws: MailError.self) { try MessageBuilder.build(message, timeZone: MailTest.amsterdam) }
        #expect(error == .invalidAddress("To"))
        #expect(error?.description.contains("c.jansen") == false)
    }
}
