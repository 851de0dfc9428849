@testable import KoersFormats
import Testing

@Suite("Reply text: only the lines a person wrote above the quoted message")
struct ReplyTextTests {
    static let expected: [(String, String)] = [
        ("outlook-desktop-nl", "2 gedaan: besproken in het MT\nLO-A3 bezig"),
        ("outlook-desktop-en", "LO-B1 uitgesteld naar 2027-H1\nThe team day moved to February."),
        ("outlook-web-nl", "LO-A3 vervallen\nDit doen we bovenschools."),
        ("outlook-ios-html", "2 gedaan: besproken in het MT\nZoë neemt het mee naar de teamvergadering & de MR."),
        ("gmail-nl", "LO-A3 gedaan\nAfgerond met het team van Zoë."),
        ("gmail-en", "2 klaar\n1 gestart: first meeting is on Thursday"),
        ("apple-mail-iphone", "2 gedaan: besproken in het MT"),
        ("outlook-windows-1252", "LO-B1 vervallen: na het “overleg” in het café geschrapt, € 500 bespaard"),
    ]

    @Test("each client's reply format keeps exactly the text typed above the quote", arguments: expected.map(\.0))
    func fixture(name: String) throws {
        let message = try InboundFixtures.message(name)
        let expected = Self.expected.first { $0.0 == name }!.1
        #expect(ReplyText.kept(from: message.text) == expected)
    }

    @Test("the HTML part of a multipart/alternative reply cuts to the same text as its plain part",
          arguments: ["outlook-web-nl", "gmail-nl"])
    func htmlAgreesWithPlain(name: String) throws {
        let message = try InboundFixtures.message(name)
        #expect(message.textIsFromHTML == false)
        let html = try #require(String(decoding: InboundFixtures.bytes(name), as: UTF8.self)
            .components(separatedBy: "Content-Type: text/html").last)
        let body = try InboundMessage.parse(Array(("Content-Type: text/html" + html).utf8))
        #expect(ReplyText.kept(from: body.text) == ReplyText.kept(from: message.text))
    }

    @Test("Outlook's quote headers cut at the Van:/From: line, in one line or several")
    func quoteHeaders() {
        #expect(ReplyText.kept(from: "klaar\nFrom: Koers <k@b.example>\nSent: Monday\n\nquoted") == "klaar")
        #expect(ReplyText.kept(from: "klaar\n*Van:* Koers\n*Datum:* maandag\nquoted") == "klaar")
        #expect(ReplyText.kept(from: "klaar\nFrom: Koers <k@b.example> Sent: Monday To: x") == "klaar")
        #expect(ReplyText.kept(from: "gedaan\n-----Original Message-----\nLO-A3 bezig") == "gedaan")
        #expect(ReplyText.kept(from: "gedaan\n__________\nLO-A3 bezig") == "gedaan")
    }

    @Test("a line starting with Van: or From: without a second header line stays")
    func fromWithoutBlock() {
        #expect(ReplyText.kept(from: "van: de directie gehoord\n2 gedaan") == "van: de directie gehoord\n2 gedaan")
    }

    @Test("Gmail's attribution line cuts, also when wrapped over two lines, in Dutch and English")
    func attribution() {
        #expect(ReplyText.kept(from: "gedaan\n\nOn Mon, Dec 7, 2026 at 10:00 AM Koers <k@b.example> wrote:\n\n> x") == "gedaan")
        #expect(ReplyText.kept(from: "gedaan\nOp ma 7 dec 2026 om 10:00 schreef Koers\n<k@b.example>:\n> x") == "gedaan")
        #expect(ReplyText.kept(from: "gedaan\nOp ma 7 dec 2026 om 10:00 schreef Koers <k@b.example>:") == "gedaan")
    }

    @Test("quoted lines, signature separators and closings cut; leading blank lines go")
    func cuts() {
        #expect(ReplyText.kept(from: "\n\n2 gedaan  \n> 1. LO-A3") == "2 gedaan")
        #expect(ReplyText.kept(from: "2 gedaan\n-- \nPieter") == "2 gedaan")
        #expect(ReplyText.kept(from: "2 gedaan\n-- \t\nPieter") == "2 gedaan")
        #expect(ReplyText.kept(from: "2 gedaan\r\nMet vriendelijke groet,\r\nPieter") == "2 gedaan")
        #expect(ReplyText.kept(from: "2 gedaan\n\nVerzonden vanaf mijn iPad") == "2 gedaan")
        #expect(ReplyText.kept(from: "2 gedaan\nGet Outlook for Android") == "2 gedaan")
        #expect(ReplyText.kept(from: "LO-A3 gedaan\n-- de rest later") == "LO-A3 gedaan\n-- de rest later")
    }
}
