import Foundation
@testable import KoersFormats
@testable import KoersModel
import KoersTestSupport
import Testing

@Suite("Trajectory templates: the bundled examples, mistakes found with their place, and the stappenplan on the same engine")
struct TrajectoryTemplateTests {
    @Test("The example configuration loads both bundled trajectory templates without a diagnostic of their own")
    func bundled() throws {
        let loaded = Workspace.check(configPath: Fixture.repository + "/Config/koers.example.json", environment: [:])
        let workspace = try #require(loaded.workspace)
        #expect(workspace.trajectoryTemplates.map(\.id) == ["startende-leraar", "student-leerwerkplek"])
        #expect(workspace.trajectoryTemplates.map(\.subject) == [.starter, .student])
        #expect(!loaded.diagnostics.contains { $0.file.contains("trajectories/") }, "\(loaded.diagnostics)")
        #expect(workspace.config.privacy.retentionMonths == 12)
        let starter = workspace.trajectoryTemplates[0]
        let plan = TrajectoryPlan(Trajectory(id: "t-x", kind: .starter, name: "N", email: "n@example.org", school: "lichtboei",
                                             start: LocalDate("2024-08-26")!, mentor: "e.bosman", trainer: "l.mulder",
                                             template: starter.id), template: starter, done: [:])
        #expect(plan.occurrences.first?.id == "welkomstgesprek")
        // At the end of each school year (15 June 2025 is a Sunday: the Monday after).
        #expect(plan.occurrences.filter { $0.eventID == "jaarevaluatie" }.map(\.date.description) == ["2025-06-16", "2026-06-15", "2027-06-15"])
        #expect(plan.occurrences.last!.date < LocalDate("2027-08-26")!, "everything within the three years")
    }

    @Test("Mistakes in a trajectory file are reported with file, line and JSON path, all in one run")
    func mistakes() throws {
        let setup = TrajectoryFixture()
        setup.fixture.write("traject.json", """
        {
          "format": "koers-trajectory/1", "id": "start", "title": "T", "for": "starter", "language": "nl", "start": "s",
          "duration": { "months": 2 },
          "events": [
            { "id": "a", "title": "A", "at": { "weeks": 1 }, "roles": ["student"] },
            { "id": "a", "title": "B", "at": { "fortnights": 1 }, "roles": ["mentor"] },
            { "id": "c", "title": "C", "at": { "weeks": 1 }, "repeat": { "every": 1, "unit": "months" }, "roles": ["mentor"] },
            { "id": "d", "title": "D", "at": { "months": 3 }, "roles": ["bestuur"], "leadTimes": ["2x"] }
          ]
        }
        """)
        let loaded = setup.fixture.check()
        #expect(loaded.workspace == nil)
        let text = loaded.diagnostics.map(\.description)
        func has(_ fragment: String) -> Bool { text.contains { $0.contains(fragment) } }
        #expect(has("traject.json:6:38: error: events[1].at: an object with 1 member is not valid here; expected an offset"), "\(text)")
        #expect(has("events[2].repeat: a repeated event needs \"count\""), "\(text)")
        #expect(has("events[3].leadTimes[0]: \"2x\" is not valid here"), "\(text)")
        #expect(has("traject.json:8:65: error: events[3].roles[0]: role \"bestuur\" is neither one of the trajectory's own people"), "\(text)")
        #expect(!has("nobody holds role"), "\(text)")
        let second = TrajectoryFixture()
        second.fixture.write("traject.json", """
        { "format": "koers-trajectory/1", "id": "start", "title": "T", "for": "starter", "language": "nl", "start": "s",
          "duration": { "months": 2 },
          "events": [ { "id": "a", "title": "A", "at": { "weeks": 1 }, "roles": ["student"] },
                      { "id": "a", "title": "B", "at": { "months": 3 }, "roles": ["mentor"] } ] }
        """)
        let diagnostics = second.fixture.check().diagnostics.map(\.description)
        #expect(diagnostics.contains { $0.contains("events[0].roles[0]: role \"student\" does not fit a trajectory for a starter") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.contains("events[1].id: duplicate event id \"a\"") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.contains("warning: events[1]: the last occurrence falls after the trajectory's \"duration\"") })
    }

    @Test("The partnership stappenplan runs on the trajectory engine: each item at the end of its window or phase, to the roles that act")
    func stappenplan() throws {
        let log = DiagnosticLog(file: "stappenplan")
        let root = try #require(SourceFile.parse(Fixture.repository + "/Agendas/templates/stappenplan-toetreding.json", log: log))
        let template = try #require(TrajectoryTemplateDecoder(log: log).decode(root))
        #expect(log.items.isEmpty, "\(log.items)")
        #expect(template.subject == .partnership)
        let start = LocalDate("2025-03-01")!
        var dates: [String: String] = [:]
        for event in template.events { dates[event.id] = TrajectoryPlan.dates(of: event, from: start).map(\.description).joined(separator: " ") }
        #expect(dates["gesprekken-bestuurders"] == "2025-05-01")   // "Maart/april": by start + 2 months
        #expect(dates["begroting"] == "2025-07-01")                // "Uiterlijk juni": by start + 4 months
        #expect(dates["aansluiting-pvo"] == "2025-03-01")          // during the aspirant phase: at its start
        #expect(dates["scan-en-peerreview"] == "2027-03-01")       // at the end of the two-year aspirant phase
        #expect(dates["volwaardig-partner"] == "2027-03-01")       // after it
        #expect(template.events.first { $0.id == "begroting" }?.roles == ["co-oper"])
        #expect(template.events.first { $0.id == "financiering-t-1" }?.roles == ["bestuurders"])
    }
}
