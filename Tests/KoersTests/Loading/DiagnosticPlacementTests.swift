import Foundation
@testable import KoersCLI
@testable import KoersFormats
import KoersTestSupport
import Testing

/// Every problem is reported in the file and at the place where it is fixed, with its JSON path,
/// line and column, and says what would be valid; a problem is reported once, not again through
/// everything that follows from it.
@Suite("Loading: messages point at the place to fix")
struct DiagnosticPlacementTests {
    let fixture = Fixture()

    /// Where `needle` starts in `text` (its `occurrence`-th appearance), as the parser counts.
    func position(of needle: String, in text: String, occurrence: Int = 1) -> SourcePosition {
        var rest = text[...]
        var start = text.startIndex
        for _ in 0..<occurrence {
            let found = rest.range(of: needle)!
            start = found.lowerBound
            rest = text[found.upperBound...]
        }
        let before = text[..<start]
        let line = before.count { $0 == "\n" } + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return SourcePosition(line: line, column: text[lineStart..<start].unicodeScalars.count + 1)
    }

    /// The one warning the trajectory fixture's agenda always has.
    static let agendaWarning = "theme \"Lerende leraar\" has nothing planned in 2026-H1"

    func replacing(_ text: String, _ old: String, _ new: String) -> String {
        precondition(text.contains(old), "fixture does not contain \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The standard configuration with a third person, whose school is misspelt, after a person
    /// left out for a bad address.
    static let threePeople = Fixture.config.replacingOccurrences(of: """
        "roles": ["co-oper", "directieteam"] },
            { "id": "p.smit", "name": "Pieter Smit", "email": "p.smit@example.org", "school": "de-linde", "roles": ["schoolleiders"] }
        """, with: """
        "roles": ["co-oper", "directieteam"] },
            { "id": "x.fout", "name": "Xander Fout", "email": "geen adres", "school": "de-linde", "roles": ["schoolleiders"] },
            { "id": "p.smit", "name": "Pieter Smit", "email": "p.smit@example.org", "school": "de-lind", "roles": [] }
        """)

    @Test("A person's unknown school is reported at that person's school, with line and column, after a person left out for another error")
    func schoolOfTheRightPerson() {
        fixture.standard(config: Self.threePeople)
        let diagnostics = fixture.check().diagnostics
        let school = diagnostics.filter { $0.message.contains("no school") }
        #expect(school.count == 1, "\(diagnostics)")
        #expect(school.first?.path?.description == "people[2].school")
        #expect(school.first?.position == position(of: "\"de-lind\"", in: Self.threePeople))
        #expect(school.first?.description.hasPrefix(fixture.folder + "/koers.json:10:") == true)
        #expect(school.first?.message == "no school \"de-lind\" in \"schools\"; did you mean \"de-linde\"? expected one of: \"de-linde\"")
        // The person left out still holds "schoolleiders": no warning that nobody does.
        #expect(diagnostics.map(\.path?.description) == ["people[1].email", "people[2].school"], "\(diagnostics)")
    }

    @Test("A repeated person id is reported at the repeat, counted in the file, not in the people that loaded")
    func repeatedPersonID() {
        let config = replacing(Self.threePeople, "\"id\": \"p.smit\"", "\"id\": \"c.jansen\"")
        fixture.standard(config: replacing(config, "\"de-lind\"", "\"de-linde\""))
        let repeated = fixture.check().diagnostics.filter { $0.message.contains("duplicate person id") }
        #expect(repeated.map(\.path?.description) == ["people[2].id"])
        #expect(repeated.first?.position == position(of: "\"c.jansen\"", in: config, occurrence: 2))
    }

    @Test("A school named when no schools are defined says where to define them instead of listing nothing")
    func noSchools() {
        fixture.standard(config: replacing(Fixture.config, "\"schools\": [{ \"id\": \"de-linde\", \"name\": \"OBS De Linde\" }],\n", ""))
        let e = fixture.check().diagnostics.filter { $0.severity == .error }
        #expect(e.map(\.message) == ["no school \"de-linde\" in \"schools\"; no schools are defined; add it to \"schools\" "
            + "({\"id\": \"de-linde\", \"name\": \"…\"}) or leave \"school\" out"])
    }

    @Test("No \"expected one of\" is followed by nothing: a theme, phase or role when the file defines none")
    func nothingToChooseFrom() {
        fixture.standard(agenda: """
            { "format": "koers-agenda/1", "id": "leeg", "title": "Leeg", "organisation": { "name": "S" }, "version": "1",
              "language": "nl", "timeZone": "Europe/Amsterdam", "horizon": { "from": "2023-H1", "to": "2023-H2" },
              "roles": [], "themes": [], "indicators": [{ "id": "i", "title": "I", "theme": "x", "target": { "value": 1 } }] }
            """)
        let theme = fixture.check().diagnostics.filter { $0.path?.description == "indicators[0].theme" }
        #expect(theme.map(\.message) == ["no theme with id \"x\"; this agenda has no themes; leave \"theme\" out"], "\(theme)")

        let template = """
        { "format": "koers-template/1", "id": "t", "title": "T", "language": "nl", "start": "s", "roles": [], "phases": [],
          "items": [{ "id": "i1", "phase": "voor", "text": "x", "roles": [{ "role": "bestuur", "does": "decides" }],
                      "timing": { "during": "voor" } }] }
        """
        fixture.write("template.json", template)
        fixture.write("koers.json", replacing(Fixture.config, "\"agendas\": [\"agenda.json\"],", "\"agendas\": [\"agenda.json\"], \"templates\": [\"template.json\"],"))
        fixture.write("agenda.json", Fixture.agenda)
        let messages = fixture.check().diagnostics.filter { $0.file.hasSuffix("template.json") }.map(\.message)
        #expect(messages.contains("role \"bestuur\" is not one of this template's roles (its \"roles\"); this template defines no roles; "
            + "add it to \"roles\" ({\"id\": \"bestuur\", \"name\": \"…\"})"), "\(messages)")
        #expect(messages.contains("no phase \"voor\"; this template defines no phases; add it to \"phases\" ({\"id\": \"voor\", \"title\": \"…\"})"),
                "\(messages)")
        #expect(messages.contains("timing names phase \"voor\", which is not defined; this template defines no phases"), "\(messages)")
        #expect(!messages.contains { $0.hasSuffix("one of: ") || $0.hasSuffix("defined are: ") })
    }

    @Test("A role misspelt in the agenda is reported in the agenda, at the role, with the role meant; not as a role nobody holds")
    func misspeltAgendaRole() {
        let agenda = replacing(Fixture.agenda, "{ \"role\": \"directieteam\", \"does\": \"decides\" }",
                               "{ \"role\": \"directietaem\", \"does\": \"decides\" }")
        fixture.standard(agenda: agenda)
        let diagnostics = fixture.check().diagnostics
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let d = diagnostics.first
        #expect(d?.file == fixture.folder + "/agenda.json")
        #expect(d?.path?.description == "themes[0].activities[0].roles[1].role")
        #expect(d?.position == position(of: "\"directietaem\"", in: agenda))
        #expect(d?.message == "role \"directietaem\" is not one of this agenda's roles (its \"roles\"); did you mean \"directieteam\"? "
            + "expected one of: \"co-oper\", \"schoolleiders\", \"directieteam\"")
    }

    @Test("A misspelt role is reported even when the agenda has other errors, and the agenda's other checks still run")
    func misspeltRoleAmongOtherProblems() {
        var agenda = replacing(Fixture.agenda, "{ \"role\": \"directieteam\", \"does\": \"decides\" }",
                               "{ \"role\": \"directietaem\", \"does\": \"decides\" }")
        agenda = replacing(agenda, "{ \"id\": \"A4\", \"text\": \"Borgen\", \"period\": \"2024-H2\" }",
                           "{ \"id\": \"A4\", \"text\": \"Borgen\", \"period\": \"2025-H1\" }")
        fixture.standard(agenda: agenda)
        let paths = fixture.check().diagnostics.map { "\($0.severity) \($0.path?.description ?? "")" }
        #expect(paths.contains("error themes[0].activities[0].roles[1].role"), "\(paths)")
        #expect(paths.contains("warning themes[0].activities[0].steps[3].period"), "the step outside the horizon: \(paths)")

        fixture.standard(agenda: replacing(agenda, "\"period\": \"2023-H1\"", "\"period\": \"2023-H3\""))
        let errors = fixture.check().diagnostics.filter { $0.severity == .error }.map { $0.path?.description ?? "" }
        #expect(errors.sorted() == ["themes[0].activities[0].roles[1].role", "themes[0].activities[0].steps[0].period"])
    }

    @Test("A role misspelt in a trajectory template is reported there, at the role, with the role meant")
    func misspeltTrajectoryRole() {
        let setup = TrajectoryFixture()
        let template = replacing(TrajectoryFixture.template, "\"roles\": [\"starter\", \"directies\"]", "\"roles\": [\"starter\", \"directeis\"]")
        setup.fixture.write("traject.json", template)
        let diagnostics = setup.fixture.check().diagnostics.filter { !$0.message.hasPrefix(Self.agendaWarning) }
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.file == setup.fixture.folder + "/traject.json")
        #expect(diagnostics.first?.path?.description == "events[3].roles[1]")
        #expect(diagnostics.first?.position == position(of: "\"directeis\"", in: template))
        #expect(diagnostics.first?.message.contains("did you mean \"directies\"?") == true, "\(diagnostics)")
    }

    @Test("After a misspelt role, the event's other roles are still reported at their own places")
    func rolesAfterAMisspeltOne() {
        let setup = TrajectoryFixture()
        let template = replacing(TrajectoryFixture.template, "\"roles\": [\"starter\", \"directies\"]", "\"roles\": [\"directeis\", \"student\"]")
        setup.fixture.write("traject.json", template)
        let errors = setup.fixture.check().diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.path?.description) == ["events[3].roles[0]", "events[3].roles[1]"], "\(errors)")
        #expect(errors.last?.message.hasPrefix("role \"student\" does not fit a trajectory for a starter") == true, "\(errors)")
        #expect(errors.last?.position == position(of: "\"student\"", in: template))
    }

    @Test("A file that cannot be parsed gives its syntax error and nothing that follows from its absence",
          arguments: ["agenda.json", "traject.json"])
    func syntaxErrorAlone(file: String) {
        let setup = TrajectoryFixture()
        let text = file == "agenda.json" ? TrajectoryFixture.agenda : TrajectoryFixture.template
        setup.fixture.write(file, replacing(text, "\"language\": \"nl\",", "\"language\": \"nl\""))
        let diagnostics = setup.fixture.check().diagnostics.filter { !$0.message.hasPrefix(Self.agendaWarning) }
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.file == setup.fixture.folder + "/" + file)
        #expect(diagnostics.first?.message.hasPrefix("malformed JSON: expected ',' after this member") == true, "\(diagnostics)")
    }

    @Test("A repeated agenda id is reported at its own entry in \"agendas\", also after an agenda that failed to load")
    func repeatedAgendaAfterAFailure() {
        let config = replacing(Fixture.config, "\"agendas\": [\"agenda.json\"]", "\"agendas\": [\"missing.json\", \"agenda.json\", \"again.json\"]")
        fixture.standard(config: config)
        fixture.write("again.json", Fixture.agenda)
        let repeated = fixture.check().diagnostics.filter { $0.message.contains("two agendas have the id") }
        #expect(repeated.map(\.path?.description) == ["agendas[2]"])
        #expect(repeated.first?.position == position(of: "\"again.json\"", in: config))
    }

    @Test("A scan instrument named twice is reported at the second entry")
    func instrumentNamedTwice() throws {
        let instrument = try String(contentsOfFile: Fixture.repository + "/Agendas/instruments/lerende-organisatie.json", encoding: .utf8)
        fixture.write("instrument.json", instrument)
        let config = replacing(Fixture.config, "\"agendas\": [\"agenda.json\"],",
                               "\"agendas\": [\"agenda.json\"],\n  \"scanInstruments\": [\"instrument.json\", \"instrument.json\"],")
        fixture.standard(config: config)
        let repeated = fixture.check().diagnostics.filter { $0.severity == .error }
        #expect(repeated.map(\.path?.description) == ["scanInstruments[1]"], "\(repeated)")
        #expect(repeated.first?.position == position(of: "\"instrument.json\"", in: config, occurrence: 2))
    }

    @Test("An unknown key is reported where the key is written, with the key most likely meant")
    func unknownKeyAtTheKey() {
        let agenda = replacing(Fixture.agenda, "\"title\": \"Lerende leraar\"", "\"titel\":\n        \"Lerende leraar\"")
        fixture.standard(agenda: agenda)
        let unknown = fixture.check().diagnostics.filter { $0.message.hasPrefix("unknown key") }
        #expect(unknown.first?.position == position(of: "\"titel\"", in: agenda))
        #expect(unknown.first?.message.hasPrefix("unknown key \"titel\"; did you mean \"title\"? expected one of: ") == true, "\(unknown)")
    }

    @Test("A history for an agenda that is not loaded names the one meant, or that none is loaded")
    func historyForAnotherAgenda() {
        fixture.standard()
        let file = fixture.write("history.json", "{ \"format\": \"koers-history/1\", \"agenda\": \"minni\", \"events\": [] }")
        let config = fixture.folder + "/koers.json"
        var r = KoersTool.run(["--config", config, "history", "import", file], environment: [:])
        #expect(r.stderr.contains("history.json:1:42: error: agenda: no loaded agenda with id \"minni\"; did you mean \"mini\"? "
            + "expected one of: \"mini\"\n"), "\(r.stderr)")
        fixture.write("koers.json", replacing(Fixture.config, "\"agendas\": [\"agenda.json\"]", "\"agendas\": []"))
        r = KoersTool.run(["--config", config, "history", "import", file], environment: [:])
        #expect(r.stderr.contains("error: agenda: no loaded agenda with id \"minni\"; the configuration loads no agendas "
            + "(its \"agendas\" is empty)\n"), "\(r.stderr)")
    }

    @Test("A setting that must be true or false is refused when it is text, instead of being ignored")
    func requireTLSAsText() {
        let mail = """
            "mail": { "from": { "name": "Koers", "address": "koers@example.org" }, "transport": "smtp",
                      "smtp": { "url": "smtp://mail.example.org:587", "heloName": "koers.example.org", "requireTLS": "false" } },
            """
        fixture.standard(config: replacing(Fixture.config, "\"agendas\": [\"agenda.json\"],", "\"agendas\": [\"agenda.json\"],\n" + mail))
        let e = fixture.check().diagnostics.filter { $0.severity == .error }
        #expect(e.map(\.path?.description) == ["mail.smtp.requireTLS"])
        #expect(e.first?.message == "expected true or false, found \"false\"")
    }

    @Test("A role a person holds that nothing uses is a warning with the role most likely meant")
    func misspeltHeldRole() {
        fixture.standard(config: replacing(Fixture.config, "\"roles\": [\"schoolleiders\"]", "\"roles\": [\"schoolleider\"]"))
        let loaded = fixture.check()
        #expect(loaded.workspace != nil)
        let messages = loaded.diagnostics.map { "\($0.path?.description ?? ""): \($0.message)" }
        #expect(messages.contains("people[1].roles[0]: role \"schoolleider\" is not used by any loaded agenda, template, trajectory or setting; "
            + "did you mean \"schoolleiders\"?"), "\(messages)")
    }
}

@Suite("Loading: the value most likely meant")
struct ChoicesTests {
    @Test("A slip or two, swapped letters or another case is recognised; a different word, or a near one in a short id, is not")
    func closest() {
        let roles = ["co-oper", "schoolleiders", "directieteam", "directies"]
        #expect(Choices.closest(to: "directietaem", among: roles) == "directieteam")
        #expect(Choices.closest(to: "directeis", among: roles) == "directies")
        #expect(Choices.closest(to: "schoolleider", among: roles) == "schoolleiders")
        #expect(Choices.closest(to: "Co-OPer", among: roles) == "co-oper")
        #expect(Choices.closest(to: "bestuur", among: roles) == nil)
        #expect(Choices.closest(to: "ab", among: ["xy", "cd"]) == nil)
        #expect(Choices.closest(to: "", among: roles) == nil)
        #expect(Choices.closest(to: "directieteam", among: roles) == nil, "the value itself is no suggestion")
        #expect(Choices.expected("x", among: [], none: "none defined") == "none defined")
        #expect(Choices.expected("titel", among: ["id", "title"], none: "") == "did you mean \"title\"? expected one of: \"id\", \"title\"")
    }
}

@Suite("Loading: a role nobody holds is a warning")
struct UnheldRoleTests {
    let fixture = Fixture()

    @Test("The workspace loads, lists the role and what uses it in rolesWithoutHolders, and check shows the warning")
    func loadsWithWarning() throws {
        fixture.standard(config: Fixture.config.replacingOccurrences(of: "\"roles\": [\"schoolleiders\"]", with: "\"roles\": []"))
        let workspace = try fixture.load()
        #expect(workspace.rolesWithoutHolders == [UnheldRole(role: "schoolleiders", usedBy: [.agenda("mini")])])
        let warning = try #require(workspace.warnings.first { $0.message.hasPrefix("nobody holds") })
        #expect(warning.severity == .warning && warning.file == fixture.folder + "/koers.json" && warning.path?.description == "people")
        #expect(warning.message == "nobody holds role \"schoolleiders\" (used by agenda mini): what is meant for it reaches nobody; "
            + "add it to the \"roles\" of at least one person")
        let check = KoersTool.run(["--config", fixture.folder + "/koers.json", "check"], environment: [:])
        #expect(check.exitCode == .ok)
        #expect(check.stderr.contains(": warning: people: nobody holds role \"schoolleiders\""), "\(check.stderr)")
    }

    @Test("Settings and trajectories name their users; a fully held configuration has none")
    func users() throws {
        let setup = TrajectoryFixture()
        #expect(try setup.load().rolesWithoutHolders.isEmpty)
        let config = TrajectoryFixture.config(retentionMonths: 12, holidays: TrajectoryFixture.summer)
            .replacingOccurrences(of: "\"roles\": [\"co-oper\"]", with: "\"roles\": []")
            .replacingOccurrences(of: "\"roles\": [\"schoolleiders\"]", with: "\"roles\": [\"schoolleiders\", \"directies\"]")
            .replacingOccurrences(of: "\"school\": \"het-anker\", \"roles\": [\"directies\"]", with: "\"school\": \"het-anker\", \"roles\": []")
            .replacingOccurrences(of: "\"school\": \"de-linde\", \"roles\": [\"directies\"]", with: "\"school\": \"de-linde\", \"roles\": []")
        setup.fixture.write("koers.json", config)
        #expect(try setup.load().rolesWithoutHolders == [
            UnheldRole(role: "co-oper", usedBy: [.setting("mail.replyToRole"), .setting("reminders.coordinatorRole")]),
        ])
    }
}
