import Foundation
@testable import KoersCLI
@testable import KoersFormats
@testable import KoersStore
import KoersTestSupport
import Testing

/// Identifiers that look like paths or SQL, wherever an id is read: in the agenda and the
/// configuration they are refused by the identifier patterns with the pattern spelled out; on the
/// command line and in an imported history they match no step; as free text (`--note`, `--by`)
/// they are stored verbatim through bound parameters. The database stays whole throughout.
@Suite("Hostile input: ids that look like paths or SQL")
struct HostileIdentifierTests {
    let fixture = Fixture()

    static let hostileIDs = [
        "../../etc/passwd", "/etc/passwd", "x'; DROP TABLE status_event;--", "a\"; DELETE FROM outbox; --",
        "LL-A1' OR '1'='1", "..", "%2e%2e%2f", "a/b", "a\\b", "a\u{0}b", "ll-a1\n", "ＬＬ-Ａ1",
    ]

    func run(_ arguments: [String]) -> CommandOutput {
        KoersTool.run(["--config", fixture.folder + "/koers.json", "--now", "2024-10-15"] + arguments, environment: [:])
    }

    /// The agenda with `old` (a JSON text, quotes included) replaced by `id` as a JSON string.
    func agenda(replacing old: String, with id: String) -> String {
        Fixture.agenda.replacingOccurrences(of: old, with: JSONWriter.write(.string(id), pretty: false))
    }

    /// `PRAGMA integrity_check` says ok and every table Koers made is still there.
    func expectDatabaseIntact() throws {
        let database = try Database(path: fixture.folder + "/koers.sqlite")
        #expect(try database.rows("PRAGMA integrity_check").map { $0.text(0) } == ["ok"])
        let tables = Set(try database.rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.text(0) })
        #expect(tables.isSuperset(of: ["status_event", "outbox", "reminder", "daemon_state", "report"]), "\(tables)")
    }

    @Test("an agenda, theme, activity, step, role or milestone id that looks like a path or SQL is refused by its pattern",
          arguments: hostileIDs)
    func agendaIDs(id: String) throws {
        let places: [(old: String, path: String, expected: String)] = [
            ("\"mini\"", "id", IdentifierPattern.slug.expected),
            ("\"lerende-leraar\"", "themes[0].id", IdentifierPattern.slug.expected),
            ("\"LL\"", "themes[0].code", IdentifierPattern.themeCode.expected),
            ("\"a\"", "themes[0].activities[0].id", IdentifierPattern.activityID.expected),
            ("\"A3\"", "themes[0].activities[0].steps[2].id", IdentifierPattern.stepID.expected),
            ("\"scan\"", "milestones[0].id", IdentifierPattern.slug.expected),
        ]
        for place in places {
            fixture.standard(agenda: agenda(replacing: place.old, with: id))
            let errors = fixture.check().diagnostics.filter { $0.severity == .error && $0.path?.description == place.path }
            #expect(errors.count == 1, "\(place.path): \(fixture.check().diagnostics)")
            #expect(errors.first?.message.hasSuffix("is not valid here; expected \(place.expected)") == true, "\(errors)")
        }
    }

    @Test("a person id or school id that looks like a path or SQL is refused by its pattern", arguments: hostileIDs)
    func configIDs(id: String) throws {
        let quoted = JSONWriter.write(.string(id), pretty: false)
        fixture.standard(config: Fixture.config.replacingOccurrences(of: "\"p.smit\"", with: quoted))
        var errors = fixture.check().diagnostics.filter { $0.severity == .error && $0.path?.description == "people[1].id" }
        #expect(errors.count == 1 && errors[0].message.hasSuffix("expected \(IdentifierPattern.personID.expected)"), "\(errors)")

        fixture.standard(config: Fixture.config.replacingOccurrences(of: "\"id\": \"de-linde\"", with: "\"id\": \(quoted)"))
        errors = fixture.check().diagnostics.filter { $0.severity == .error && $0.path?.description == "schools[0].id" }
        #expect(errors.count == 1 && errors[0].message.hasSuffix("expected \(IdentifierPattern.slug.expected)"), "\(errors)")
    }

    @Test("koers show and koers set with a path or SQL as the step are refused as unknown steps; the database is intact",
          arguments: hostileIDs + ["mini:x'; DROP TABLE status_event;--", "../../etc/passwd:LL-A1"])
    func commandArguments(step: String) throws {
        fixture.standard()
        #expect(run(["set", "LL-A1", "in-progress"]).exitCode == .ok)
        for command in [["show", step], ["set", step, "done"]] {
            let r = run(command)
            #expect(r.exitCode == .refused, "\(command): \(r.stdout) \(r.stderr)")
            #expect(r.stderr.hasPrefix("Error: no step \"\(step)\"") || r.stderr.hasPrefix("Error: no loaded agenda with id"),
                    "\(r.stderr)")
        }
        try expectDatabaseIntact()
        #expect(try Store(path: fixture.folder + "/koers.sqlite").histories(agenda: "mini").count == 1)
    }

    @Test("a --note and --by full of SQL and control characters are stored verbatim and shown back")
    func freeText() throws {
        fixture.standard()
        let note = "x'); DROP TABLE status_event;-- \r\nBcc: evil@example.org\u{1B}[2J \u{202E}txet"
        let by = "'; DELETE FROM outbox WHERE '1'='1"
        #expect(run(["set", "LL-A1", "done", "--note", note, "--by", by]).exitCode == .ok)
        try expectDatabaseIntact()
        let event = try #require(try Store(path: fixture.folder + "/koers.sqlite").histories(agenda: "mini").values.first?.events.first)
        #expect(event.note == note && event.by == by)
        let json = run(["show", "LL-A1", "--json"])
        #expect(json.exitCode == .ok)
        let shown = try JSONParser.parse(json.stdout)
        #expect(Self.strings(in: shown.value).contains(note) && Self.strings(in: shown.value).contains(by))
    }

    /// Every string value in a JSON document.
    static func strings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let s): [s]
        case .array(let items): items.flatMap { strings(in: $0.value) }
        case .object(let members): members.flatMap { strings(in: $0.value.value) }
        default: []
        }
    }

    @Test("a history whose agenda, steps and texts look like paths or SQL imports nothing, names each problem, and leaves the database intact")
    func historyImport() throws {
        fixture.standard()
        #expect(run(["set", "LL-A1", "in-progress"]).exitCode == .ok)
        let events = Self.hostileIDs.map { id in
            "{ \"step\": \(JSONWriter.write(.string(id), pretty: false)), \"status\": \"done\", \"at\": \"2024-01-10\" }"
        }
        var file = fixture.write("history.json", """
        { "format": "koers-history/1", "agenda": "mini", "events": [\(events.joined(separator: ", "))] }
        """)
        var r = run(["history", "import", file])
        #expect(r.exitCode == .invalidData)
        #expect(r.stderr.components(separatedBy: "error: events[").count - 1 == Self.hostileIDs.count, "\(r.stderr)")
        #expect(r.stderr.contains("events[2].step: no step \"x'; DROP TABLE status_event;--\" in agenda mini"), "\(r.stderr)")

        file = fixture.write("history.json", """
        { "format": "koers-history/1", "agenda": "../../etc/passwd", "events": [] }
        """)
        r = run(["history", "import", file])
        #expect(r.exitCode == .invalidData)
        #expect(r.stderr.contains("agenda: \"../../etc/passwd\" is not valid here; expected \(IdentifierPattern.slug.expected)"), "\(r.stderr)")

        file = fixture.write("history.json", """
        { "format": "koers-history/1", "agenda": "mini", "events": [
          { "step": "LL-A2", "status": "done", "at": "2024-01-10", "by": "x'; DROP TABLE status_event;--", "note": "'); DELETE FROM report;--" }
        ] }
        """)
        r = run(["history", "import", file])
        #expect(r.exitCode == .ok, "\(r.stderr)")
        try expectDatabaseIntact()
        let histories = try Store(path: fixture.folder + "/koers.sqlite").histories(agenda: "mini")
        #expect(histories.count == 2)
        #expect(histories.values.flatMap(\.events).contains { $0.by == "x'; DROP TABLE status_event;--" && $0.note == "'); DELETE FROM report;--" })
    }
}
