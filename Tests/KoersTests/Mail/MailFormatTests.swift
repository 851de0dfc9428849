import Foundation
import KoersFormats
import KoersServices
import KoersTestSupport
import Testing

@Suite("Mail bytes: determinism, dates, Message-IDs and line limits")
struct MailFormatTests {
    @Test("identical input gives identical bytes, also from separately made messages")
    func deterministic() throws {
        let html = "<p>Beste Zoë, 👩‍🏫</p>"
        let first = try MessageBuilder.build(MailTest.message(subject: "Ideeën", html: html), timeZone: MailTest.amsterdam)
        let again = try MessageBuilder.build(MailTest.message(subject: "Ideeën", html: html), timeZone: MailTest.amsterdam)
        #expect(first == again)
        let other = try MessageBuilder.build(MailTest.message(subject: "Ideeën!", html: html), timeZone: MailTest.amsterdam)
        #expect(first != other)
    }

    @Test("the exact bytes of a text-only reminder")
    func exactBytes() throws {
        var message = MailTest.message(subject: "Herinnering: ideeën voor LO-A3", text: "Beste Carla,\nZie LO-A3. \n")
        message.extraHeaders = [(name: "X-Koers-Key", value: "ook-sop:LO-A3")]
        let bytes = try MessageBuilder.build(message, timeZone: MailTest.amsterdam)
        #expect(String(decoding: bytes, as: UTF8.self) == """
            Date: Tue, 15 Oct 2024 08:00:00 +0200\r
            From: Koers =?UTF-8?B?4oCU?= OOK <koers@school.example>\r
            To: Carla Jansen <c.jansen@example.org>\r
            Reply-To: Co-OP'er OOK <co-oper@school.example>\r
            Subject: Herinnering: =?UTF-8?Q?idee=C3=ABn?= voor LO-A3\r
            Message-ID: <3f2a9c0d1e2b4a5f@koers.example>\r
            Auto-Submitted: auto-generated\r
            X-Auto-Response-Suppress: OOF, AutoReply\r
            X-Koers-Key: ook-sop:LO-A3\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=UTF-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Beste Carla,\r
            Zie LO-A3.=20\r

            """)
    }

    @Test("the boundary derives from the Message-ID and occurs only as delimiter, even when the text holds it")
    func boundary() throws {
        let message = MailTest.message(html: "<p>x</p>")
        let bytes = try MessageBuilder.build(message, timeZone: MailTest.amsterdam)
        let text = String(decoding: bytes, as: UTF8.self)
        let boundary = try #require(text.firstMatch(of: #/boundary="([^"]+)"/#)?.output.1).description
        #expect(boundary.hasPrefix("=_Koers_") && boundary.count <= 70)

        // The text and HTML now contain the boundary itself, and lines that look like delimiters.
        var tricky = message
        tricky.text = "--\(boundary)\n\(boundary)\n--\(boundary)--\n"
        tricky.html = "<p>--\(boundary)</p>"
        let (trickyBytes, parsed) = try MailTest.roundTrip(tricky)
        expectWellFormed(trickyBytes)
        expectFaithful(parsed, tricky)
        let delimiters = MailTest.lines(trickyBytes).body.filter { $0.hasPrefix("--=_Koers_") }
        #expect(delimiters == ["--\(boundary)", "--\(boundary)", "--\(boundary)--"])

        var otherID = message
        otherID.messageID = "other@koers.example"
        let otherText = String(decoding: try MessageBuilder.build(otherID, timeZone: MailTest.amsterdam), as: UTF8.self)
        #expect(!otherText.contains(boundary))
    }

    @Test("the Date header uses +0100 in winter and +0200 in summer for Europe/Amsterdam, also around the switch")
    func amsterdamOffsets() throws {
        let cases = [
            ("2024-01-15T07:00:00Z", "Mon, 15 Jan 2024 08:00:00 +0100"),
            ("2024-10-15T06:00:00Z", "Tue, 15 Oct 2024 08:00:00 +0200"),
            ("2024-03-31T00:59:59Z", "Sun, 31 Mar 2024 01:59:59 +0100"),
            ("2024-03-31T01:00:00Z", "Sun, 31 Mar 2024 03:00:00 +0200"),
            ("2024-10-27T00:59:59Z", "Sun, 27 Oct 2024 02:59:59 +0200"),
            ("2024-10-27T01:00:00Z", "Sun, 27 Oct 2024 02:00:00 +0100"),
            ("2024-12-31T23:30:00Z", "Wed, 01 Jan 2025 00:30:00 +0100"),
        ]
        for (moment, expected) in cases {
            #expect(try dateHeader(MailTest.moment(moment), MailTest.amsterdam) == expected, "\(moment)")
        }
    }

    @Test("day and month names are English and offsets signed in hours and minutes, whatever the zone or locale")
    func otherZones() throws {
        let cases: [(String, String, String)] = [
            ("2000-01-01T00:00:00Z", "UTC", "Sat, 01 Jan 2000 00:00:00 +0000"),
            ("2024-02-29T12:00:00Z", "Asia/Kolkata", "Thu, 29 Feb 2024 17:30:00 +0530"),
            ("2024-07-01T12:00:00Z", "America/St_Johns", "Mon, 01 Jul 2024 09:30:00 -0230"),
            ("2024-01-01T00:00:00Z", "America/New_York", "Sun, 31 Dec 2023 19:00:00 -0500"),
            ("2024-06-05T10:00:00Z", "Pacific/Kiritimati", "Thu, 06 Jun 2024 00:00:00 +1400"),
            ("1900-01-01T12:00:00Z", "UTC", "Mon, 01 Jan 1900 12:00:00 +0000"),
            ("9999-12-31T23:59:59Z", "UTC", "Fri, 31 Dec 9999 23:59:59 +0000"),
        ]
        for (moment, zone, expected) in cases {
            #expect(try dateHeader(MailTest.moment(moment), TimeZone(identifier: zone)!) == expected, "\(moment) \(zone)")
        }
        // Fractions of a second are dropped, not rounded up into the next second.
        let fraction = MailTest.moment("2024-10-15T06:00:59Z").addingTimeInterval(0.999)
        #expect(try dateHeader(fraction, MailTest.amsterdam) == "Tue, 15 Oct 2024 08:00:59 +0200")
    }

    @Test("a Message-ID for a key is the same on every call, differs per key and domain, and hides the key")
    func messageIDs() throws {
        let key = "ook-sop:LO-A3/2024-10-15/c.jansen@example.org"
        let id = MessageBuilder.messageID(forKey: key, domain: "koers.example")
        #expect(id == MessageBuilder.messageID(forKey: key, domain: "koers.example"))
        #expect(id.wholeMatch(of: #/[0-9a-f]{32}@koers\.example/#) != nil, "\(id)")
        #expect(!id.contains("jansen") && !id.contains("LO-A3"))
        #expect(id != MessageBuilder.messageID(forKey: key + "x", domain: "koers.example"))
        #expect(MessageBuilder.messageID(forKey: key, domain: "school.example").hasSuffix("@school.example"))
        // Pinned: a change here would make resends after an upgrade look like new messages.
        // (Python: hashlib.sha256(b"koers-message-id\0").hexdigest()[:32])
        #expect(MessageBuilder.messageID(forKey: "", domain: "x.example") == "aaf7fe30e38cd2a1ec38cbc27ed32067@x.example")

        var message = MailTest.message()
        message.messageID = MessageBuilder.messageID(forKey: "sleutel met spaties, ë en 👩‍🏫\r\n", domain: "koers.example")
        let (bytes, parsed) = try MailTest.roundTrip(message)
        expectWellFormed(bytes)
        expectFaithful(parsed, message)
    }

    @Test("every header line stays within 998 octets, and within 78 when only long names, subjects and values are involved")
    func headerLineLimits() throws {
        let longName = String(repeating: "Stichting Openbaar Onderwijs Kampen ", count: 20)
        var message = MailTest.message(subject: String(repeating: "lang-woord-zonder-spaties", count: 60))
        message.from.name = longName
        message.to = (1...20).map { MailAddress(name: "Persoon \($0), OOK", address: "p\($0)@example.org") }
        // Long, but with plain words between the encoded ones (see longDisplayName for the other kind).
        message.replyTo?.name = Array(repeating: "Zoë de Vries", count: 15).joined(separator: " ")
        message.extraHeaders = [
            (name: "X-Koers-" + String(repeating: "N", count: 68), value: "ëëë " + String(repeating: "waarde ", count: 50)),
            (name: "X-Koers-Long-Ascii", value: String(repeating: "x", count: 2_000)),
        ]
        let (bytes, parsed) = try MailTest.roundTrip(message)
        // The 76-character header name leaves no room for a token on its first line.
        expectWellFormed(bytes, headerLimit: 998)
        let overlong = MailTest.lines(bytes).header.filter { $0.utf8.count > 78 }
        #expect(overlong.allSatisfy { $0.hasPrefix("X-Koers-NNN") }, "\(overlong)")
        expectFaithful(parsed, message)
    }

    private func dateHeader(_ date: Date, _ zone: TimeZone) throws -> String? {
        var message = MailTest.message()
        message.date = date
        return MailTest.rawHeader("Date", in: try MessageBuilder.build(message, timeZone: zone))?
            .trimmingCharacters(in: .whitespaces)
    }
}
