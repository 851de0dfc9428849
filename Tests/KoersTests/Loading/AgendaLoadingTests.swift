import Foundation
@testable import KoersFormats
import KoersTestSupport
import Testing

@Suite("Loading and validating agendas")
struct AgendaLoadingTests {
    /// Replaces `old` by `new` in the standard agenda; fails the test when `old` is not there.
    func agenda(replacing old: String, with new: String) -> String {
        precondition(Fixture.agenda.contains(old), "fixture does not contain \(old)")
        return Fixture.agenda.replacingOccurrences(of: old, with: new)
    }

    func errors(_ loaded: Workspace.Loaded) -> [Diagnostic] { loaded.diagnostics.filter { $0.severity == .error } }
    func warnings(_ loaded: Workspace.Loaded) -> [Diagnostic] { loaded.diagnostics.filter { $0.severity == .warning } }

    @Test("A valid configuration and agenda load without problems")
    func valid() throws {
        let f = Fixture()
        f.standard()
        let workspace = try f.load()
        #expect(workspace.agendas.count == 1)
        #expect(workspace.agendas[0].placedSteps.map(\.key.description) == ["LL-A1", "LL-A2", "LL-A3", "LL-A4"])
        #expect(workspace.config.databasePath == f.folder + "/koers.sqlite")
        #expect(workspace.warnings.isEmpty, "\(workspace.warnings)")
    }

    @Test("Malformed JSON is reported with file, line and column, and what was expected")
    func malformed() {
        let f = Fixture()
        f.standard(agenda: agenda(replacing: "\"version\": \"2023\",", with: "\"version\": \"2023\""))
        let e = errors(f.check())
        #expect(e.count == 1)
        let d = e[0]
        #expect(d.file == f.folder + "/agenda.json")
        #expect(d.position?.line == 6)
        #expect(d.description.contains("agenda.json:6:"))
        #expect(d.message.contains("malformed JSON"))
        #expect(d.message.contains("expected"))
    }

    @Test("A bad value is reported with its JSON path, the value, and what would be valid")
    func badPeriod() {
        let f = Fixture()
        f.standard(agenda: agenda(replacing: "\"period\": \"2023-H2\"", with: "\"period\": \"2023-H3\""))
        let e = errors(f.check())
        #expect(e.count == 1)
        #expect(e[0].path?.description == "themes[0].activities[0].steps[1].period")
        #expect(e[0].message.contains("\"2023-H3\""))
        #expect(e[0].message.contains("YYYY-H1 or YYYY-H2"))
        #expect(e[0].position?.line == 25)
        #expect(e[0].position?.column == 55)
    }

    @Test("All problems are reported in one run, not just the first")
    func allAtOnce() {
        let f = Fixture()
        var text = agenda(replacing: "\"period\": \"2023-H2\"", with: "\"period\": \"2023-07\"")
        text = text.replacingOccurrences(of: "\"does\": \"decides\"", with: "\"does\": \"beslist\"")
        text = text.replacingOccurrences(of: "\"title\": \"Lerende leraar\"", with: "\"titel\": \"Lerende leraar\"")
        f.standard(agenda: text)
        let e = errors(f.check())
        let paths = Set(e.compactMap { $0.path?.description })
        #expect(paths.contains("themes[0].activities[0].steps[1].period"))
        #expect(paths.contains("themes[0].activities[0].roles[1].does"))
        #expect(paths.contains("themes[0].titel"), "unknown key reported: \(paths)")
        #expect(e.contains { $0.message.contains("missing required key \"title\"") })
        #expect(e.contains { $0.message.contains("\"executes\", \"proposes\", \"decides\"") })
    }

    @Test("A wrong type names what was found")
    func wrongType() {
        let f = Fixture()
        f.standard(agenda: agenda(replacing: "\"steps\": [\n", with: "\"steps\": 3, \"x\": [\n"))
        let e = errors(f.check())
        #expect(e.contains { $0.path?.description == "themes[0].activities[0].steps" && $0.message.contains("expected a list, found") })
    }

    @Test("Duplicate step ids in a theme are an error naming the first occurrence")
    func duplicateStep() {
        let f = Fixture()
        f.standard(agenda: agenda(replacing: "{ \"id\": \"A3\"", with: "{ \"id\": \"A2\""))
        let e = errors(f.check())
        #expect(e.count == 1)
        #expect(e[0].message.contains("duplicate step id in theme Lerende leraar \"A2\""))
        #expect(e[0].message.contains("first at line"))
        #expect(e[0].path?.description == "themes[0].activities[0].steps[2].id")
    }

    @Test("A role used but not defined is an error listing the defined roles")
    func undefinedRole() {
        let f = Fixture()
        f.standard(agenda: agenda(replacing: "{ \"role\": \"directieteam\", \"does\": \"decides\" }",
                                  with: "{ \"role\": \"bestuur\", \"does\": \"decides\" }"))
        let e = errors(f.check())
        #expect(e.count == 1)
        #expect(e.contains { $0.message.contains("role \"bestuur\" is not one of this agenda's roles") && $0.message.contains("\"co-oper\"") })
    }

    @Test("A role nobody holds in the configuration is named, as a warning")
    func unheldRole() {
        let f = Fixture()
        f.standard(config: Fixture.config.replacingOccurrences(of: "\"roles\": [\"schoolleiders\"]", with: "\"roles\": []"))
        let loaded = f.check()
        #expect(errors(loaded).isEmpty && loaded.workspace != nil)
        let w = warnings(loaded)
        #expect(w.count == 1)
        #expect(w[0].message.contains("nobody holds role \"schoolleiders\""))
        #expect(w[0].file.hasSuffix("koers.json"))
    }

    @Test("A step outside the planning horizon is a warning")
    func outsideHorizon() {
        let f = Fixture()
        f.standard(agenda: agenda(replacing: "\"period\": \"2024-H2\"", with: "\"period\": \"2025-H1\""))
        let w = warnings(f.check())
        #expect(w.contains { $0.message.contains("LL-A4 is planned in 2025-H1, outside the planning horizon") })
    }

    @Test("A step linked to a milestone in another half-year is a warning")
    func milestoneMismatch() {
        let f = Fixture()
        f.standard(agenda: agenda(replacing: "\"steps\": [\"LL-A2\"]", with: "\"steps\": [\"LL-A3\"]"))
        let loaded = f.check()
        #expect(errors(loaded).isEmpty)
        let w = warnings(loaded)
        #expect(w.contains { $0.path?.description == "milestones[0].steps[0]" && $0.message.contains("LL-A3")
            && $0.message.contains("2023-09") })
    }

    @Test("A milestone naming a step that does not exist is an error")
    func unknownMilestoneStep() {
        let f = Fixture()
        f.standard(agenda: agenda(replacing: "\"steps\": [\"LL-A2\"]", with: "\"steps\": [\"LL-Z9\"]"))
        #expect(errors(f.check()).contains { $0.message == "no step LL-Z9 in this agenda" })
    }

    @Test("A half-year with nothing planned in a theme is a warning")
    func emptyPeriod() {
        let f = Fixture()
        f.standard(agenda: agenda(replacing: "\"period\": \"2024-H1\"", with: "\"period\": \"2024-H2\""))
        let w = warnings(f.check())
        #expect(w.contains { $0.message.contains("has nothing planned in 2024-H1") })
    }

    @Test("A gap in step numbering is a warning")
    func numberingGap() {
        let f = Fixture()
        f.standard(agenda: agenda(replacing: "{ \"id\": \"A4\"", with: "{ \"id\": \"A7\""))
        let w = warnings(f.check())
        #expect(w.contains { $0.message.contains("skips A4, A5, A6") })
    }

    @Test("A missing agenda file is named")
    func missingFile() {
        let f = Fixture()
        f.write("koers.json", Fixture.config)
        let e = errors(f.check())
        #expect(e.count == 1)
        #expect(e[0].file == f.folder + "/agenda.json")
        #expect(e[0].message == "no such file")
    }

    @Test("Bad configuration content names the JSON path")
    func badConfig() {
        let f = Fixture()
        f.standard(config: Fixture.config
            .replacingOccurrences(of: "\"c.jansen@example.org\"", with: "\"c.jansen@example.org\\r\\nBcc: x@evil.example\"")
            .replacingOccurrences(of: "\"timeZone\": \"Europe/Amsterdam\"", with: "\"timeZone\": \"Europe/Kampen\""))
        let e = errors(f.check())
        #expect(e.contains { $0.path?.description == "people[0].email" && $0.message.contains("e-mail address") })
        #expect(e.contains { $0.path?.description == "timeZone" && $0.message.contains("\"Europe/Kampen\"") })
    }

    @Test("A relative database path resolves against the configuration's folder for every process, whatever its environment; other state goes beside the database")
    func databaseResolvesTheSameForEveryProcess() throws {
        let f = Fixture()
        f.standard()
        let daemon = try Workspace.load(configPath: f.folder + "/koers.json", environment: ["STATE_DIRECTORY": "/var/lib/koers"])
        let shell = try Workspace.load(configPath: f.folder + "/koers.json", environment: [:])
        #expect(daemon.config.databasePath == f.folder + "/koers.sqlite")
        #expect(shell.config.databasePath == daemon.config.databasePath)
        #expect(daemon.warnings.contains { $0.path?.description == "database" && $0.message.contains("systemd gives Koers the state folder /var/lib/koers") },
                "under systemd, a database outside the service's state folder is named")
        #expect(!shell.warnings.contains { $0.path?.description == "database" })
    }

    @Test("Without a database in the configuration, every process uses /var/lib/koers/koers.sqlite; site and mail folder go beside it")
    func defaultDatabase() throws {
        let f = Fixture()
        f.standard(config: Fixture.config.replacingOccurrences(of: "\"database\": \"koers.sqlite\",", with: "\"reports\": { \"siteFolder\": \"site\" },"))
        let workspace = try Workspace.load(configPath: f.folder + "/koers.json", environment: ["STATE_DIRECTORY": "/var/lib/koers"])
        #expect(workspace.config.databasePath == "/var/lib/koers/koers.sqlite")
        #expect(workspace.config.reports.siteFolder == "/var/lib/koers/site")
        #expect(!workspace.warnings.contains { $0.path?.description == "database" })
    }
}
