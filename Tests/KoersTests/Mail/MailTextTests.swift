import Foundation
@testable import KoersFormats
import KoersTestSupport
import Testing

/// `MailText` is what erasure searches: a name must be found in a stored message however the
/// builder encoded it, and no stored bytes may make the search trap.
@Suite("The searchable text of a stored message shows what a reader sees")
struct MailTextTests {
    static let name = "Zoë Ümit-O'Brien"

    func searchable(_ message: MailMessage) throws -> (raw: String, text: String) {
        let bytes = try MessageBuilder.build(message, timeZone: MailTest.amsterdam)
        return (String(decoding: bytes, as: UTF8.self), MailText.searchable(bytes))
    }

    @Test("a reminder with accents and emoji in subject, names, text and HTML reads back as written")
    func roundTrip() throws {
        var message = MailTest.message(
            subject: "Welkomstgesprek met \(Self.name) 👩‍🏫 — ideeën",
            text: "Beste Carla,\n\n\(Self.name) begint op De Linde. 👩‍🏫 Zoe\u{301} is welkom.\n",
            html: "<p>Beste Carla,</p>\n<p>\(HTMLText.escape(Self.name)) begint op De Linde &amp; Het Anker.</p>\n")
        message.to = [MailAddress(name: "Anaïs Noël", address: "a.noel@example.org")]
        message.extraHeaders.append((name: "X-Koers-Over", value: Self.name))
        let (raw, text) = try searchable(message)
        #expect(!raw.contains(Self.name) && !raw.contains("Anaïs Noël"), "the raw message hides the names")
        expectContains(text, MailTest.crlf(message.text), "text part")
        expectContains(text, MailTest.crlf(try #require(message.html)), "HTML part")
        expectContains(text, "Subject: " + message.subject, "subject")
        expectContains(text, "To: Anaïs Noël <a.noel@example.org>", "To")
        expectContains(text, "X-Koers-Over: " + Self.name, "extra header")
        expectContains(text, "X-Koers-Key: ook-sop:LO-A3/2024-10-15/c.jansen", "plain header")
    }

    @Test("a name is found wherever a soft line break falls in it, in the text and in the HTML part",
          arguments: ["Zoë Ümit-O'Brien", "Marloes Verhoeven", "👩‍🏫 Zoe\u{301}"])
    func softBreaks(name: String) throws {
        let encoded = String(QuotedPrintable.encode(name + "\n").dropLast())  // without its CRLF, one Character
        var split = 0
        for offset in 0..<80 {
            let padding = String(repeating: "x", count: offset)
            let message = MailTest.message(text: "Beste Carla,\n\n\(padding)\(name) begint.\n",
                                           html: "<p>\(padding)\(HTMLText.escape(name)) begint.</p>")
            let (raw, text) = try searchable(message)
            expectContains(text, padding + name + " begint.", "text part at offset \(offset)")
            expectContains(text, "<p>" + padding + HTMLText.escape(name) + " begint.</p>", "HTML part at offset \(offset)")
            if !raw.contains(encoded) { split += 1 }
        }
        #expect(split > 0, "some offsets put a soft break inside the name in both parts")
    }

    @Test("a name in a long subject or display name is found however the encoded-words split and fold it")
    func encodedWordHeaders() throws {
        for offset in 1..<80 {
            let padding = String(repeating: "é", count: offset / 2) + String(repeating: "a", count: offset - offset / 2)
            var message = MailTest.message(subject: "Overleg \(padding) over \(Self.name) 👩‍🏫")
            message.to = [MailAddress(name: padding + " " + Self.name, address: "z@example.org")]
            let (raw, text) = try searchable(message)
            #expect(raw.contains("=?UTF-8?"), "the subject is encoded-words")
            expectContains(text, "Subject: " + message.subject, "subject at offset \(offset)")
            expectContains(text, padding + " " + Self.name + " <z@example.org>", "To at offset \(offset)")
        }
    }

    @Test("hand-written encodings decode: lowercase hex, B and Q words, padding, base64 bodies, nested multipart")
    func handWritten() {
        let message = """
            Subject: =?utf-8?q?Zo=c3=ab_=C3=9Cmit?=   =?UTF-8*nl?B?LU8nQnJpZW4=?= en
             =?ISO-8859-1?Q?Zo=EB?= =?UTF-8?X?onbekend?=
            Content-Type: multipart/mixed; charset=UTF-8;
             Boundary = buiten

            Voorwoord
            --buiten
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: BASE64

            WmHDqyDDnG1p
            dC1PJ0JyaWVu
            --buiten
            Content-Type: multipart/alternative; boundary="bin;nen"

            --bin;nen\t
            Content-Transfer-Encoding: quoted-printable

            Zo=c3=ab =\u{20}\u{20}
            =C3=9Cmit-O'Br=
            ien
            --bin;nen--
            --buiten--
            Nawoord
            """
        let text = MailText.searchable(Array(message.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        expectContains(text, "Subject: Zoë Ümit-O'Brien en =?ISO-8859-1?Q?Zo=EB?= =?UTF-8?X?onbekend?=", "subject")
        expectContains(text, "Voorwoord", "preamble")
        expectContains(text, "Zaë Ümit-O'Brien", "base64 part across lines")
        expectContains(text, "Zoë Ümit-O'Brien", "nested quoted-printable part")
        expectContains(text, "Nawoord", "epilogue")
        #expect(!text.contains("WmHD") && !text.contains("=C3=9C"), "nothing is left encoded")
    }

    @Test("malformed encodings decode as far as they go and keep the rest as it is")
    func malformed() {
        expectExact(decodeQP("Zo=C3=AB =ZZ =4 =\u{7F}A x="), "Zoë =ZZ =4 =\u{7F}A x", "bad =XX")
        expectExact(String(decoding: MailText.decodedBase64(Array("Wm/Dqw".utf8)), as: UTF8.self), "Zoë", "base64 without padding")
        expectExact(String(decoding: MailText.decodedBase64(Array("Wm8=w6s=!".utf8)), as: UTF8.self), "Zoë", "base64 in padded pieces")
        expectExact(words("=?UTF-8?Q?Zo=C3=AB?= =?UTF-8?B?w5w?= =?UTF-8?Q?open =?UTF-8?Q??= ?="), "ZoëÜ =?UTF-8?Q?open =?UTF-8?Q??= ?=",
                    "truncated B, unterminated and empty words")
        let noBoundary = MailText.searchable(Array("Content-Type: multipart/mixed\r\n\r\nZo=C3=AB\r\n".utf8))
        expectContains(noBoundary, "Zo=C3=AB", "multipart without boundary parameter kept as is")
        let missing = MailText.searchable(Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n--c\r\nZoë\r\n".utf8))
        expectContains(missing, "--c\r\nZoë", "multipart whose boundary never occurs kept as is")
        let cut = MailText.searchable(Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nZo=C3=AB =C".utf8))
        expectContains(cut, "Zoë =C", "a part cut off in an escape")
    }

    @Test("a message cut off at any byte never traps, and the name is found once its part is complete")
    func truncation() throws {
        let message = MailTest.message(text: "Beste Carla,\n\n\(String(repeating: "x", count: 66))\(Self.name) begint.\n",
                                       html: "<p>\(HTMLText.escape(Self.name))</p>")
        let bytes = try MessageBuilder.build(message, timeZone: MailTest.amsterdam)
        let raw = String(decoding: bytes, as: UTF8.self)
        let textStart = try #require(raw.range(of: "xxxx")).lowerBound.utf16Offset(in: raw)
        let textEnd = try #require(raw.range(of: "begint.")).upperBound.utf16Offset(in: raw)
        for length in 0...bytes.count {
            let text = MailText.searchable(Array(bytes.prefix(length)))
            #expect(text.utf8.count <= 3 * (length + 2), "no runaway output at length \(length)")
            if length <= textStart { #expect(!text.contains("Brien")) }
            if length >= textEnd { expectContains(text, Self.name, "cut at \(length)") }
        }
    }

    @Test("random bytes, deep nesting and endless encoded-words never trap and never blow up the output")
    func hostile() {
        var nested = ""
        for depth in 0..<200 { nested += "Content-Type: multipart/mixed; boundary=b\(depth)\r\n\r\n--b\(depth)\r\n" }
        nested += "\r\nZoë"
        let deep = MailText.searchable(Array(nested.utf8))
        expectContains(deep, "Zoë", "the innermost text of 200 nested multiparts")
        let tokens = ["=", "=?", "?=", "?", "=?UTF-8?Q?", "=?UTF-8?B?", "Q", "B", "_", "=C3", "=AB", "\r", "\n", "\r\n",
                      " ", "\t", "--b", "--b--", "\"", ";", "boundary=b", "Content-Type: multipart/mixed; ",
                      "Content-Transfer-Encoding: base64", "Content-Transfer-Encoding: quoted-printable", ":",
                      "Zoë", "\u{0}", "w6s", "==="].map { Array($0.utf8) } + [[0xFF], [0x80], [0xC3]]
        var generator = SeededGenerator(seed: 20241015)
        for _ in 0..<2000 {
            let count = Int.random(in: 0..<60, using: &generator)
            let bytes = (0..<count).flatMap { _ in tokens.randomElement(using: &generator)! }
            #expect(MailText.searchable(bytes).utf8.count <= 3 * (bytes.count + 2))
        }
    }

    private func decodeQP(_ text: String) -> String {
        String(decoding: MailText.decodedQuotedPrintable(Array(text.utf8)), as: UTF8.self)
    }

    private func words(_ text: String) -> String {
        String(decoding: MailText.decodedWords(Array(text.utf8)), as: UTF8.self)
    }
}

/// Compares scalar for scalar: the search must find the bytes as written, not a normalised form.
func expectContains(_ text: String, _ part: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = Array(text.unicodeScalars).firstRange(of: Array(part.unicodeScalars)) != nil
    #expect(found, "\(what): \(String(reflecting: part)) not in \(String(reflecting: text))", sourceLocation: sourceLocation)
}
