import Foundation
@testable import KoersFormats
import Testing

@Suite("Inbound message: headers, addresses and the body's text of a received mail")
struct InboundMessageTests {
    static func parse(_ text: String, limits: InboundLimits = InboundLimits()) throws(InboundError) -> InboundMessage {
        try InboundMessage.parse(Array(text.utf8), limits: limits)
    }

    @Test("the headers the reply handling needs are read from Outlook's reply")
    func headers() throws {
        let message = try InboundFixtures.message("outlook-desktop-nl")
        #expect(message.from == [MailAddress(name: "Marieke de Vries", address: "m.devries@delinde.example")])
        #expect(message.to == [MailAddress(name: "Koers — ontwikkelagenda", address: "koers+k7Qx2mZp@bestuur.example")])
        #expect(message.messageID == "AM0PR10MB1234.EURPRD10.PROD.OUTLOOK.COM")
        #expect(message.inReplyTo == ["digest-2026-12-07-3f9a@bestuur.example"])
        #expect(message.references == ["digest-2026-12-07-3f9a@bestuur.example"])
        #expect(message.returnPath == "m.devries@delinde.example")
        #expect(message.autoSubmitted == nil && message.precedence == nil && message.listID == nil)
        #expect(message.contentType == "multipart/alternative")
        #expect(message.authenticationResults == ["mx.bestuur.example; spf=pass smtp.mailfrom=delinde.example; "
            + "dkim=pass header.d=delinde.example; dmarc=pass header.from=delinde.example"])
        #expect(message.textIsFromHTML == false)
        #expect(message.headers.first { $0.name == "Content-Type" }?.text
            == "multipart/alternative; boundary=\"_000_AM0PR10MB1234EURPRD10PROD_\"")
    }

    @Test("addresses with quoted names, commas, comments, groups, routes and encoded-words")
    func addresses() throws {
        let en = try InboundFixtures.message("outlook-desktop-en")
        #expect(en.from == [MailAddress(name: "Smit, Jan", address: "j.smit@bestuur.example")])
        #expect(en.to == [MailAddress(name: nil, address: "koers+Ab3dEf9h@bestuur.example")])
        #expect(en.cc == [MailAddress(name: "Co-OP'er", address: "coop@bestuur.example"),
                          MailAddress(name: "De Linde: directie", address: "directie@delinde.example")])
        let latin = try InboundFixtures.message("outlook-windows-1252")
        #expect(latin.from == [MailAddress(name: "Bakker, Zoë", address: "z.bakker@delinde.example")])
        #expect(latin.headers.first { $0.name == "Subject" }?.text == "RE: Ontwikkelagenda: 2 stappen voor deze week – actie")
        let message = try Self.parse("""
            From: a@b.example (Anna \\(school\\) Visser), team: "x y" <@relay.example:c@d.example>, e@f.example;\r
            Reply-To: =?utf-8?B?Wm/DqyBCYWtrZXI=?= <zoe@b.example>, geen-adres\r
            \r
            hoi
            """)
        #expect(message.from == [MailAddress(name: "Anna (school) Visser", address: "a@b.example"),
                                 MailAddress(name: "x y", address: "c@d.example"),
                                 MailAddress(name: nil, address: "e@f.example")])
        #expect(message.replyTo == [MailAddress(name: "Zoë Bakker", address: "zoe@b.example")])
    }

    @Test("folded headers unfold; encoded-words in ISO-8859-15 and Windows-1252 decode; unknown charsets stay as written")
    func headerCharsets() throws {
        let message = try Self.parse("""
            Subject: =?iso-8859-15?q?Prijs_=A4_5?=\r
             =?windows-1252?B?k2pha5Q=?= en\r
            \tverder\r
            X-Unknown: =?x-klingon?Q?abc?=\r
            \r
            body
            """)
        #expect(message.headers[0].text == "Prijs € 5“jak” en verder")
        #expect(message.headers[1].text == "=?x-klingon?Q?abc?=")
    }

    @Test("bounces, auto-replies and list mail show what the filters need")
    func automaticMail() throws {
        let message = try Self.parse("""
            Return-Path: <>\r
            Auto-Submitted: Auto-Replied\r
            Precedence: Bulk\r
            List-Id: Ouders <ouders.delinde.example>\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            Delivery failed.\r
            --b\r
            Content-Type: message/delivery-status\r
            \r
            Status: 5.1.1\r
            --b--\r
            """)
        #expect(message.returnPath == "")
        #expect(message.autoSubmitted == "auto-replied")
        #expect(message.precedence == "bulk")
        #expect(message.listID == "Ouders <ouders.delinde.example>")
        #expect(message.contentType == "multipart/report")
        #expect(message.text == "Delivery failed.")
    }

    @Test("the body's charset and transfer encoding decode; a missing charset reads UTF-8")
    func bodyCharsets() throws {
        let latin9 = try Self.parse("Content-Type: text/plain; charset=ISO-8859-15\nContent-Transfer-Encoding: quoted-printable\n\n=A4 5, caf=E9=\n!\n")
        #expect(latin9.text == "€ 5, café!\n")
        let latin1 = try InboundMessage.parse(Array("Content-Type: text/plain; charset=\"iso-8859-1\"\n\n".utf8) + [0x5A, 0x6F, 0xEB])
        #expect(latin1.text == "Zoë")
        let plain = try Self.parse("Subject: x\n\nZoë\n")
        #expect(plain.text == "Zoë\n")
        #expect(throws: InboundError.unknownCharset("x-klingon")) {
            try Self.parse("Content-Type: text/plain; charset=x-klingon\n\nabc")
        }
    }

    @Test("an HTML-only reply becomes text: blocks on lines, entities decoded, style and head dropped, quotes marked")
    func htmlOnly() throws {
        let message = try Self.parse("""
            Content-Type: text/html; charset=utf-8\r
            \r
            <html><head><title>t</title><style>p{color:red}</style></head><body><script>alert(1)</script>\r
            <p>2&nbsp;gedaan &amp; <b>klaar</b>&#33; &#x20AC;</p><!-- <p>niet</p> --><div>Tweede<br>regel</div>\r
            <blockquote><div>1. LO-A3</div><p>2. LO-B1</p></blockquote><p>&bogus; &lt;x&gt;</p></body></html>\r
            """)
        #expect(message.textIsFromHTML)
        #expect(message.text == "2 gedaan & klaar! €\nTweede\nregel\n> 1. LO-A3\n> 2. LO-B1\n&bogus; <x>")
    }

    @Test("a message over the size limit is refused before it is read")
    func tooLarge() {
        let bytes = Array("Subject: x\n\n".utf8) + [UInt8](repeating: 0x61, count: 10 * 1024 * 1024)
        #expect(throws: InboundError.tooLarge(bytes: bytes.count, limit: 10 * 1024 * 1024)) {
            try InboundMessage.parse(bytes)
        }
    }

    @Test("nesting depth, part count, header count and header length are bounded")
    func limits() {
        let nested = (0..<10).map { "Content-Type: multipart/mixed; boundary=b\($0)\n\n--b\($0)\n" }.joined() + "\nx"
        #expect(throws: InboundError.tooDeep(limit: 8)) { try Self.parse(nested) }
        let parts = "Content-Type: multipart/mixed; boundary=b\n\n" + String(repeating: "--b\n\nx\n", count: 201)
        #expect(throws: InboundError.tooManyParts(limit: 200)) { try Self.parse(parts) }
        #expect(throws: InboundError.tooManyHeaderFields(limit: 500)) {
            try Self.parse(String(repeating: "X-A: b\n", count: 501) + "\nx")
        }
        #expect(throws: InboundError.headerFieldTooLong(field: "Subject", limit: 32 * 1024)) {
            try Self.parse("Subject: " + String(repeating: "a ", count: 9000) + "\n" + String(repeating: " b\n", count: 10000) + "\nx")
        }
        #expect(throws: InboundError.notAMessage) { try Self.parse("\nhallo") }
        #expect(throws: InboundError.noText) {
            try Self.parse("Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=")
        }
    }

    /// Seconds to read a message whose body is `shape` repeated to `bytes`, and cut its reply text.
    static func seconds(_ shape: String, type: String, bytes: Int) throws -> Double {
        let body = String(repeating: shape, count: bytes / shape.utf8.count)
        let start = ContinuousClock.now
        let message = try parse("Subject: " + String(repeating: "=?", count: bytes / 1000) + "\nContent-Type: \(type)\n\n" + body)
        _ = ReplyText.kept(from: message.text)
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test("hostile bodies are read in linear time: twice the input takes about twice as long",
          arguments: ["<", "&", "=?", "<!--", "<style>", "> ", "\n", "Van: x\n", "=\n", "<blockquote>", "a", "Op x\n"])
    func linearTime(shape: String) throws {
        for type in ["text/plain", "text/html"] {
            _ = try Self.seconds(shape, type: type, bytes: 20_000)
            let small = try Self.seconds(shape, type: type, bytes: 250_000)
            let large = try Self.seconds(shape, type: type, bytes: 1_000_000)
            #expect(large < 8 * small + 0.5, "\(shape.debugDescription) \(type): \(small) s, then \(large) s")
        }
    }

    @Test("a 10 MB reply is read")
    func tenMegabytes() throws {
        let line = "LO-A3 gedaan: een notitie van een regel met wat tekst erin.\n"
        let body = String(repeating: line, count: (10 * 1024 * 1024 - 100) / line.utf8.count)
        let message = try Self.parse("Subject: x\n\n" + body)
        #expect(ReplyText.kept(from: message.text).utf8.count == body.utf8.count - 1)
    }
}
