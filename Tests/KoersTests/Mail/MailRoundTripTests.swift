import Foundation
import KoersFormats
import KoersTestSupport
import Testing

/// Every message here is built, read back by Python's `email` package (a real MIME parser, as a
/// mail program would) and compared with the input scalar for scalar.
@Suite("Mail read back by a real MIME parser")
struct MailRoundTripTests {
    @Test("a Dutch reminder with ë, é, ï and € in names, subject, text and HTML reads back exactly as written")
    func dutch() throws {
        var message = MailTest.message(
            subject: "Herinnering: ideeën voor de coöperatie — café-overleg € 12,50 (geïnteresseerd?)",
            text: "Beste Zoë,\n\nDe ideeën over het café-overleg (€ 12,50 p.p.) zijn geïnventariseerd.\n"
                + "Coördinatie: Anaïs Noël.\n",
            html: "<p>Beste Zoë,</p>\n<p>De ideeën over het café-overleg (€&nbsp;12,50) zijn geïnventariseerd.</p>\n")
        message.to = [MailAddress(name: "Zoë Noël-Öztürk", address: "z.noel@example.org")]
        message.replyTo = MailAddress(name: "Anaïs Coördinator", address: "a.coord@school.example")
        message.extraHeaders.append((name: "X-Koers-Step", value: "Coördinatie ideeën"))
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
        #expect(parsed.contentType == "multipart/alternative")
    }

    @Test("an emoji with a joiner, right-to-left text and combining marks survive everywhere, unnormalised")
    func unicode() throws {
        // "e\u{301}" and "n\u{303}" are decomposed on purpose: nothing may normalise them to é or ñ.
        let tricky = "Juf 👩‍🏫 Zoe\u{301} — שלום עליכם — مرحبا بكم — an\u{303}o 🇳🇱 👨‍👩‍👧‍👦"
        var message = MailTest.message(
            subject: tricky,
            text: tricky + "\n" + String(repeating: "👩‍🏫", count: 40) + "\n",
            html: "<p dir=\"rtl\">שלום עליכם</p>\n<p>\(tricky)</p>")
        message.from = MailAddress(name: "Koers 👩‍🏫 OOK", address: "koers@school.example")
        message.to = [MailAddress(name: "שרה כהן", address: "sara@example.org"),
                      MailAddress(name: "Zoe\u{301} an\u{303}o", address: "zoe@example.org")]
        message.extraHeaders = [(name: "X-Koers-Key", value: tricky)]
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
    }

    @Test("a 300-character ASCII subject stays readable, folded at spaces into lines of at most 78")
    func longASCIISubject() throws {
        let words = (1...60).map { "woord\($0)" }.joined(separator: " ")
        let subject = String(words.prefix(300))
        #expect(subject.count == 300)
        let message = MailTest.message(subject: subject)
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
        let subjectLines = MailTest.lines(bytes).header.drop { !$0.hasPrefix("Subject:") }.prefix { !$0.hasPrefix("Message-ID:") }
        #expect(subjectLines.count > 3)
        let raw = try #require(MailTest.rawHeader("Subject", in: bytes))
        #expect(raw == " " + subject, "an ASCII subject is written as it is, only folded")
    }

    @Test("a 300-character non-ASCII subject becomes encoded-words of at most 75 characters on lines of at most 78")
    func longUnicodeSubject() throws {
        let subject = String(String(repeating: "Overleg über ideeën én coöperatie 👩‍🏫 € ", count: 10).prefix(300))
        #expect(subject.count == 300)
        let message = MailTest.message(subject: subject)
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
        let raw = try #require(MailTest.rawHeader("Subject", in: bytes))
        let words = EncodedWordsInText.find(in: raw)
        #expect(!words.isEmpty)
        #expect(words.allSatisfy { $0.count <= 75 })
    }

    @Test("a long unbroken word in the body gets soft line breaks and reads back unchanged")
    func longWord() throws {
        let ascii = String(repeating: "abcdefghij", count: 100)
        let dutch = String(repeating: "ëéï€", count: 120)
        let message = MailTest.message(
            text: "Zie \(ascii) en \(dutch)\n",
            html: "<p>\(ascii)\(dutch)</p>")
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
    }

    @Test("lines starting with '.' or 'From ', trailing spaces and tabs, and mixed CRLF, LF and CR breaks read back with CRLF")
    func awkwardLines() throws {
        let text = "Eerste regel met spaties   \n.\n.punt aan het begin\n..twee punten\r\nFrom Amsterdam naar Kampen\r"
            + "tab aan het eind\t\n\nlege regel hierboven \r\n= is geen escape =3D\n"
            + String(repeating: "x", count: 74) + " \n"
            + "laatste regel zonder einde "
        let message = MailTest.message(text: text, html: "<pre>\(text)</pre>")
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
        let body = MailTest.lines(bytes).body
        #expect(!body.contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") }, "trailing whitespace must be encoded")
        #expect(!body.contains { $0.hasPrefix(".") }, "a leading dot is encoded, for transports without dot-stuffing")
    }

    @Test("display names with quotes, commas, semicolons, dots, brackets and backslashes read back unchanged")
    func specials() throws {
        var message = MailTest.message()
        message.from = MailAddress(name: "Koers (OOK) <noreply>", address: "koers@school.example")
        message.to = [
            MailAddress(name: "Jansen, Carla", address: "c.jansen@example.org"),
            MailAddress(name: "Carla \"CJ\" Jansen", address: "cj@example.org"),
            MailAddress(name: "O'Brien; team", address: "obrien@example.org"),
            MailAddress(name: "back\\slash", address: "bs@example.org"),
            MailAddress(name: "C. Jansen", address: "cj2@example.org"),
            MailAddress(name: "mail@example.org", address: "other@example.org"),
            MailAddress(name: "Zoë, \"de\" Vries; OOK", address: "zdv@example.org"),
            MailAddress(name: nil, address: "plain@example.org"),
            MailAddress(name: "", address: "empty-name@example.org"),
        ]
        message.replyTo = MailAddress(name: "=?UTF-8?Q?not_an_encoded_word?=", address: "co-oper@school.example")
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
        #expect(MailTest.rawHeader("To", in: bytes)?.hasPrefix(" \"Jansen, Carla\" <c.jansen@example.org>,") == true)
    }

    @Test("subjects with leading, trailing or repeated spaces, tabs or a literal =?…?= read back unchanged",
          arguments: [" voorloopspatie", "naloopspatie ", "dubbele  spatie", "   ", "tab\there",
                      "=?UTF-8?Q?geen_encoded-word?=", "a =?x?q?y?= b", "ë  ", "  ë", "a\u{0001}b", "?=", "=?"])
    func awkwardSubjects(subject: String) throws {
        let message = MailTest.message(subject: subject)
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
    }

    @Test("an empty subject, text and HTML read back empty")
    func empty() throws {
        for html in [nil, ""] as [String?] {
            let message = MailTest.message(subject: "", text: "", html: html)
            let (bytes, parsed) = try MailTest.roundTrip(message)
            expectWellFormed(bytes)
            expectFaithful(parsed, message)
        }
    }

    @Test("a text ending in a line break keeps exactly that one; a text without one gets none",
          arguments: ["zonder einde", "met einde\n", "twee\n\n", "\n", "crlf\r\n", "cr\r"])
    func finalLineBreak(text: String) throws {
        for html in [nil, "<p>\(text)</p>"] {
            let message = MailTest.message(text: text, html: html)
            let (bytes, parsed) = try MailTest.roundTrip(message)
            expectWellFormed(bytes)
            expectFaithful(parsed, message)
        }
    }

    @Test("a message without HTML is a single text/plain part in UTF-8 and quoted-printable")
    func textOnly() throws {
        let message = MailTest.message()
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
        #expect(parsed.contentType == "text/plain")
        #expect(MailTest.rawHeader("Content-Type", in: bytes) == " text/plain; charset=UTF-8")
        #expect(MailTest.rawHeader("Content-Transfer-Encoding", in: bytes) == " quoted-printable")
        #expect(MailTest.rawHeader("MIME-Version", in: bytes) == " 1.0")
    }

    @Test("a message without Reply-To or extra headers has neither")
    func minimal() throws {
        var message = MailTest.message()
        message.replyTo = nil
        message.extraHeaders = []
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
        #expect(parsed.headers.map { $0[0] } == [
            "Date", "From", "To", "Subject", "Message-ID", "Auto-Submitted", "X-Auto-Response-Suppress",
            "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
        ])
    }

    @Test("the Date header reads back as the same moment with the Amsterdam offset, +0100 in winter and +0200 in summer")
    func dateReadBack() throws {
        var message = MailTest.message()
        message.date = MailTest.moment("2024-01-15T07:00:00Z")
        #expect(try MailTest.roundTrip(message).parsed.date == "2024-01-15T08:00:00+01:00")
        message.date = MailTest.october15
        #expect(try MailTest.roundTrip(message).parsed.date == "2024-10-15T08:00:00+02:00")
    }

    @Test("a grapheme cluster too large for one encoded-word is split between scalars and reads back unchanged")
    func hugeCluster() throws {
        let cluster = "e" + String(repeating: "\u{301}", count: 40)  // 81 bytes in one Character
        #expect(cluster.count == 1)
        let message = MailTest.message(subject: "Zalgo \(cluster) tekst \(cluster)\(cluster)", text: cluster)
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
    }

    @Test("a display name too long for one encoded-word is split into adjacent words that RFC 2047 joins without spaces")
    func longDisplayName() throws {
        let name = "Zoë Noël-Öztürk 👩‍🏫 " + String(repeating: "ë", count: 40) + " שרה כהן"
        var message = MailTest.message()
        message.to = [MailAddress(name: name, address: "zoe@example.org")]
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)

        let raw = try #require(MailTest.rawHeader("To", in: bytes))
        let words = EncodedWordsInText.find(in: raw)
        #expect(words.count > 1 && words.allSatisfy { $0.count <= 75 })
        let pieces = try words.map { word in
            try #require(EncodedWordsInText.decode(word).flatMap { String(validating: $0, as: UTF8.self) })
        }
        // RFC 2047 §6.2: the whitespace between adjacent encoded-words is not part of the text.
        expectExact(pieces.joined(), name, "To name joined as RFC 2047 says")
        #expect(raw == " " + words.joined(separator: " ") + " <zoe@example.org>")

        // Python's email before the gh-128110 fix keeps that whitespace in display names (it
        // drops it correctly in Subject); accept exactly that known deviation and nothing else.
        let pythonName = try #require(parsed.to?.first?.name)
        let known = [name, pieces.joined(separator: " ")].map { Array($0.unicodeScalars) }
        #expect(known.contains(Array(pythonName.unicodeScalars)), "\(String(reflecting: pythonName))")
        #expect(parsed.to?.first?.address == "zoe@example.org")
        #expect(parsed.defects.isEmpty)
    }
}
