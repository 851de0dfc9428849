import Foundation
@testable import KoersFormats
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport
import Testing

/// The outbox holds messages as sent: quoted-printable parts and encoded-word headers, in which a
/// name's bytes differ from the name. Erasure must find the name there all the same.
@Suite("koers person erase finds a name in mail that Koers stored encoded")
struct EncodedMailErasureTests {
    static let name = "Zoë Ümit-O'Brien"
    static let email = "zoe.umit@example.net"

    /// A message to Carla Jansen about the new starter, with a soft line break inside the name in
    /// the text part and inside the HTML-escaped name in the HTML part.
    func messageNamingStarter(key: String) throws -> [UInt8] {
        func build(textPadding: Int, htmlPadding: Int) throws -> [UInt8] {
            let message = MailMessage(
                from: MailAddress(name: "Koers", address: "koers@school.example"),
                to: [MailAddress(name: "Carla Jansen", address: "c.jansen@example.org")],
                subject: "Nieuwe collega op De Linde", date: MailTest.october15,
                messageID: MessageBuilder.messageID(forKey: key, domain: "koers.example"),
                text: "Beste Carla,\n\n\(String(repeating: "x", count: textPadding))\(Self.name) begint.\n",
                html: "<p>\(String(repeating: "x", count: htmlPadding))\(HTMLText.escape(Self.name)) begint.</p>\n")
            return try MessageBuilder.build(message, timeZone: MailTest.amsterdam)
        }
        func shows(_ text: String, _ bytes: [UInt8]) -> Bool {
            String(decoding: bytes, as: UTF8.self).contains(String(QuotedPrintable.encode(text + "\n").dropLast()))
        }
        let textPadding = try #require((0..<76).first { !shows(Self.name, try build(textPadding: $0, htmlPadding: 0)) })
        let htmlPadding = try #require((0..<76).first {
            !shows(HTMLText.escape(Self.name), try build(textPadding: textPadding, htmlPadding: $0))
        })
        return try build(textPadding: textPadding, htmlPadding: htmlPadding)
    }

    func enqueue(_ key: String, message: [UInt8], reminderKeys: [String] = [], in store: Store) throws {
        let new = Store.NewMessage(key: key, person: "c.jansen", recipient: "c.jansen@example.org",
                                   subject: "Nieuwe collega op De Linde", message: message,
                                   messageID: MessageBuilder.messageID(forKey: key, domain: "koers.example"),
                                   reminderKeys: reminderKeys, sendOn: LocalDate("2024-09-30")!)
        #expect(try store.enqueue(new, at: PlanningFixture.moment("2024-09-30T08:00:00+02:00")))
    }

    @Test("Mail to someone else that names the starter only in quoted-printable, split by a soft line break, is deleted when pending and wiped when sent")
    func softBreakInName() throws {
        let setup = TrajectoryFixture()
        let id = try setup.addStarter(name: Self.name, email: Self.email)
        let store = try setup.store()
        let naming = try messageNamingStarter(key: "naming")
        let raw = String(decoding: naming, as: UTF8.self)
        for hidden in [Self.name, HTMLText.escape(Self.name), "O'Brien", "O&#39;Brien", Self.email] {
            #expect(!raw.contains(hidden), "the stored bytes do not show \(hidden) as it is")
        }
        try enqueue("naming-pending", message: naming, reminderKeys: ["brief|c.jansen"], in: store)
        try enqueue("naming-sent", message: naming, in: store)
        let other = try MessageBuilder.build(MailTest.message(text: "Beste Carla,\n\nTot morgen.\n", html: "<p>Tot morgen.</p>"),
                                             timeZone: MailTest.amsterdam)
        try enqueue("other", message: other, in: store)
        let sent = try #require(try store.outbox(statuses: [.pending]).first { $0.key == "naming-sent" })
        try store.markSending(sent.id)
        try store.markSent(sent.id, response: "250 OK", at: PlanningFixture.moment("2024-09-30T08:01:00+02:00"))
        #expect(try setup.fileContains("Brien"))

        let out = setup.koers("person", "erase", id, now: "2024-10-01")
        #expect(out.exitCode == .ok, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("erased starter trajectory \(id): 1 message(s) deleted, 1 wiped"), "\(out.stdout)")

        let check = try setup.store()
        let left = try check.outbox(statuses: [.pending, .sent, .failed])
        #expect(left.map(\.key).sorted() == ["naming-sent", "other"], "the pending message naming her is deleted")
        let wiped = try #require(left.first { $0.key == "naming-sent" })
        #expect(wiped.message.isEmpty && wiped.recipient.isEmpty && wiped.subject == "gewist")
        #expect(left.first { $0.key == "other" }?.message == other, "mail that does not name her is untouched")
        #expect(try check.handledReminderKeys(["brief|c.jansen"]).isEmpty, "the deleted message's reminder is planned again")
        for trace in ["Brien", "Zo=C3=AB", "Zoë", "Ümit", "=C3=9Cmit", Self.email] {
            #expect(try !setup.fileContains(trace), "\(trace) left the database file")
        }
        #expect(try check.integrityProblems().isEmpty)
    }
}
