import Foundation
@testable import KoersCLI
@testable import KoersFormats
import KoersTestSupport
import Testing

/// Control characters, line breaks and Unicode edge cases (right-to-left override, ZWJ emoji,
/// stacked combining marks, NUL) in every text field of an agenda and a configuration: names that
/// reach mail headers are refused at load; every other text loads, and reaches mail headers only
/// encoded, HTML only escaped, and the views, reports and exports without breaking them.
@Suite("Hostile input: control characters and Unicode edge cases in texts")
struct HostileTextTests {
    let fixture = Fixture()

    /// A line break with a header after it, NUL, BEL, an escape sequence, NEL, LINE SEPARATOR, a tab,
    /// markup, a formula, a right-to-left override, a ZWJ family, stacked combining marks, and a
    /// quote, `<` and `*` each followed by a combining mark (one grapheme cluster with the mark).
    static let hostile = "Regel één\r\nBcc: evil@example.org\u{0}\u{7}\u{1B}[31m\u{85}\u{2028}\tx <script>alert('x')</script> & \"q\" "
        + "=1+1 \u{202E}trevo\u{202C} 👩‍👩‍👧‍👦 e\u{301}\u{301}\u{301} 日本語 \"\u{301} onmouseover=x <\u{301}b> *\u{301}vet*"
    /// What a name may hold: everything above that keeps to one line.
    static let unicodeName = "Zoë \u{202E}reppO\u{202C} 👩‍🏫 e\u{301}\u{301}\u{301} 日本 \"de\" <Vries>"

    static let multiLineKeys: Set<String> = [
        "title", "subtitle", "description", "text", "note", "currentState", "goal", "responsibilities", "source",
    ]

    /// `json` with the hostile text appended to every multi-line text, role names included, and the
    /// Unicode name to the organisation's and people's names.
    static func poisoned(_ value: JSONValue, key: String? = nil, parent: String? = nil) -> JSONValue {
        switch value {
        case .string(let s) where key.map(multiLineKeys.contains) == true || (key == "name" && parent == "roles"):
            return .string(s + " " + hostile)
        case .string(let s) where key == "name" || key == "shortName":
            return .string(s + " " + unicodeName)
        case .array(let items):
            return .array(items.map { JSONNode(poisoned($0.value, key: nil, parent: key), position: $0.position) })
        case .object(let members):
            return .object(members.map {
                JSONMember(key: $0.key, keyPosition: $0.keyPosition,
                           value: JSONNode(poisoned($0.value.value, key: $0.key, parent: parent), position: $0.value.position))
            })
        default:
            return value
        }
    }

    func run(_ arguments: [String]) -> CommandOutput {
        KoersTool.run(["--config", fixture.folder + "/koers.json", "--now", "2024-03-15"] + arguments, environment: [:])
    }

    /// The bundled agenda's excerpt (every kind of field) and a configuration with mail, all poisoned.
    func writePoisoned() throws {
        let agenda = try String(contentsOfFile: Fixture.repository + "/Tests/Fuzz/corpus/agenda/ook-excerpt.json", encoding: .utf8)
        let config = try String(contentsOfFile: Fixture.repository + "/Tests/Fuzz/corpus/config/example.json", encoding: .utf8)
        fixture.write("agenda.json", JSONWriter.write(Self.poisoned(try JSONParser.parse(agenda).value)))
        fixture.write("koers.json", JSONWriter.write(Self.poisoned(try JSONParser.parse(config).value)))
    }

    @Test("a line break or control character in a name that reaches mail headers is refused at load, naming the field",
          arguments: ["\r\n", "\n", "\r", "\u{0}", "\u{1B}", "\u{85}", "\u{2028}", "\t"])
    func namesStayOnOneLine(character: String) throws {
        let bad = JSONWriter.write(.string("Carla\(character)Bcc: evil@example.org"), pretty: false)
        let config = Fixture.config.replacingOccurrences(of: "\"agendas\": [\"agenda.json\"],", with: """
            "agendas": ["agenda.json"],
            "mail": { "from": { "name": "Koers", "address": "koers@example.org" }, "transport": "file", "folder": "mail" },
            """)
        let places: [(agenda: String, config: String, file: String, path: String)] = [
            (Fixture.agenda, config.replacingOccurrences(of: "\"Carla Jansen\"", with: bad), "koers.json", "people[0].name"),
            (Fixture.agenda, config.replacingOccurrences(of: "\"name\": \"Koers\"", with: "\"name\": \(bad)"), "koers.json", "mail.from.name"),
            (Fixture.agenda.replacingOccurrences(of: "\"Stichting Voorbeeld\"", with: bad), config, "agenda.json", "organisation.name"),
            (Fixture.agenda.replacingOccurrences(of: "\"Stichting Voorbeeld\"", with: "\"SV\", \"shortName\": \(bad)"), config,
             "agenda.json", "organisation.shortName"),
        ]
        for place in places {
            fixture.standard(agenda: place.agenda, config: place.config)
            let errors = fixture.check().diagnostics.filter { $0.severity == .error && $0.path?.description == place.path }
            #expect(errors.count == 1 && errors[0].file.hasSuffix(place.file), "\(place.path): \(fixture.check().diagnostics)")
            #expect(errors.first?.message.hasPrefix("must be one line of text; found ") == true, "\(errors)")
        }
    }

    @Test("an address or Message-ID domain the mail builder cannot write is refused at load, not when mailing",
          arguments: ["zoë@example.org", "carla@exämple.org", "a..b@example.org", "\"carla\"@example.org", "carla@[192.0.2.1]",
                      ".carla@example.org", "carla@example..org"])
    func undeliverableAddresses(address: String) throws {
        let quoted = JSONWriter.write(.string(address), pretty: false)
        fixture.standard(config: Fixture.config.replacingOccurrences(of: "\"c.jansen@example.org\"", with: quoted))
        var errors = fixture.check().diagnostics.filter { $0.severity == .error && $0.path?.description == "people[0].email" }
        #expect(errors.count == 1, "\(fixture.check().diagnostics)")

        let domain = address.split(separator: "@").last.map(String.init) ?? address
        let mail = "\"mail\": { \"from\": { \"name\": \"Koers\", \"address\": \"koers@example.org\" }, "
            + "\"messageIdDomain\": \(JSONWriter.write(.string(domain), pretty: false)), \"transport\": \"file\", \"folder\": \"mail\" },"
        fixture.standard(config: Fixture.config.replacingOccurrences(of: "\"agendas\": [\"agenda.json\"],", with: "\"agendas\": [\"agenda.json\"], " + mail))
        errors = fixture.check().diagnostics.filter { $0.severity == .error && $0.path?.description == "mail.messageIdDomain" }
        #expect(errors.count == (MailAddress.isDotAtom(ArraySlice(domain.utf8)) ? 0 : 1), "\(domain): \(fixture.check().diagnostics)")
    }

    @Test("texts full of control characters load, and every mail made of them has only Koers's header fields, 7-bit, CRLF, names read back exactly")
    func mailHeaders() throws {
        try writePoisoned()
        let check = run(["check"])
        #expect(!check.stdout.contains("error:") && check.exitCode == .ok, "\(check.stdout)\(check.stderr)")
        #expect(run(["set", "KC-B1", "done", "--note", Self.hostile, "--by", Self.hostile]).exitCode == .ok)
        let mails = fixture.folder + "/mails"
        let preview = run(["preview", "--from", "2024-03-15", "--to", "2024-12-31", "--write", mails])
        #expect(preview.exitCode == .ok, "\(preview.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: mails).filter { $0.hasSuffix(".eml") }
        #expect(files.count >= 5)
        let workspace = try fixture.load()
        let names = Set(workspace.config.people.map(\.name))
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: mails + "/" + file)))
            #expect(bytes.allSatisfy { $0 < 0x80 && $0 != 0 }, "\(file)")
            #expect(MailInvariants.split(bytes, at: [0x0D, 0x0A]).allSatisfy { !$0.contains(0x0D) && !$0.contains(0x0A) }, "\(file): a bare CR or LF")
            let head = MailInvariants.split(bytes, at: [0x0D, 0x0A, 0x0D, 0x0A])[0]
            let fields = try MailInvariants.headerFields(head)
            #expect(Set(fields.map(\.name)).isSubset(of: ["Date", "From", "To", "Reply-To", "Subject", "Message-ID", "Auto-Submitted",
                                                           "X-Auto-Response-Suppress", "MIME-Version", "Content-Type",
                                                           "Content-Transfer-Encoding"]), "\(file): \(fields.map(\.name))")
            let subject = try MailInvariants.decodeWords(Substring(try #require(fields.first { $0.name == "Subject" }).value.dropFirst()))
            #expect(!subject.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(subject.debugDescription)")
            let to = try #require(fields.first { $0.name == "To" }).value
            let person = try #require(workspace.config.people.first { to.hasSuffix("<\($0.email)>") })
            #expect(names.contains(person.name))
            try MailInvariants.expectMailbox(to, MailAddress(name: person.name, address: person.email))
        }
    }

    @Test("the views and the text report keep to 80 columns and show the texts whole; HTML, iCalendar and CSV stay well-formed")
    func viewsReportsExports() throws {
        try writePoisoned()
        #expect(run(["set", "KC-B1", "done", "--note", Self.hostile]).exitCode == .ok)
        for command in [["agenda"], ["due"], ["milestones"], ["show", "KC-B1"], ["report", "halfyear", "2023-H1"]] {
            let r = run(command)
            #expect(r.exitCode == .ok, "\(command): \(r.stderr)")
            #expect(r.stdout.contains("👩‍👩‍👧‍👦") && r.stdout.contains("e\u{301}\u{301}\u{301}"), "\(command)")
            // Split on the scalar: a CR LF in a text is one Character, not a line end.
            let long = r.stdout.components(separatedBy: "\n").filter { $0.count > TextLayout.width && $0.contains(" ") }
            #expect(long.isEmpty, "\(command): \(long)")
        }

        let html = run(["report", "halfyear", "2023-H1", "--format", "html"])
        #expect(html.exitCode == .ok)
        #expect(!html.stdout.contains("<script>alert") && html.stdout.contains("&lt;script&gt;alert"))
        let htmlBytes = Array(html.stdout.utf8)
        for bare in ["\"", "<"] {
            let pattern = Array((bare + "\u{301}").utf8)
            #expect(!htmlBytes.indices.contains { Array(htmlBytes[$0...].prefix(pattern.count)) == pattern },
                    "\(bare) before a combining mark is escaped too")
        }
        #expect(html.stdout.unicodeScalars.split(separator: "\u{301}").count > 1
                && html.stdout.contains("&quot;\u{301} onmouseover=x &lt;\u{301}b&gt;"))

        let markdown = run(["report", "halfyear", "2023-H1", "--format", "markdown"])
        #expect(markdown.exitCode == .ok)
        #expect(markdown.stdout.contains("\\*\u{301}vet\\*"), "* before a combining mark is escaped in Markdown")

        let ical = run(["export", "ical"])
        #expect(ical.exitCode == .ok)
        let icalBytes = Array(ical.stdout.utf8)
        let lines = MailInvariants.split(icalBytes, at: [0x0D, 0x0A])
        #expect(lines.allSatisfy { $0.count <= 75 && !$0.contains(0x0D) && !$0.contains(0x0A) }, "folded to 75 octets, CRLF only")
        #expect(ical.stdout.contains("SUMMARY:"))

        let csv = run(["export", "csv"])
        #expect(csv.exitCode == .ok)
        let rows = try RFC4180.rows(of: String(csv.stdout.unicodeScalars.dropFirst()), separator: ";")
        #expect(rows.count > 1 && rows.allSatisfy { $0.count == rows[0].count })
        #expect(rows.joined().contains { $0.contains(Self.hostile) })
    }
}
