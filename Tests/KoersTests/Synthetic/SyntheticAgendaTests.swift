import Foundation
import KoersFormats
import KoersModel
import KoersSynthetic
import KoersTestSupport
import Testing

/// The synthetic data generator behind the benchmarks and fault tests: what it writes must be an
/// agenda Koers itself accepts, the same for the same seed.
@Suite("Synthetic agendas")
struct SyntheticAgendaTests {
    @Test("A 3× agenda and its configuration load without any diagnostic")
    func loads() throws {
        let fixture = Fixture()
        let path = try SyntheticWorkspace(agendas: 1, scale: 3, seed: 7).write(to: fixture.folder)
        let loaded = Workspace.check(configPath: path, environment: [:])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description).joined(separator: "\n"))")
        let workspace = try #require(loaded.workspace)
        let agenda = try #require(workspace.agendas.first)
        #expect(agenda.themes.map(\.code) == ["LL", "LO", "OR", "KC"])
        #expect(agenda.themes.map(\.activities.count) == [6, 12, 12, 18])
        #expect(agenda.placedSteps.count == 3 * 54)
        #expect(agenda.horizon.halfYears.count == 10)
        let scan = try #require(agenda.milestones.first { $0.id == "zelfscan" })
        #expect(scan.recurrence == Recurrence(every: 2, unit: .years, until: PlannedDate("2028-09")))
        #expect(!scan.steps.isEmpty)
    }

    @Test("Several agendas load side by side, each with its own id")
    func several() throws {
        let fixture = Fixture()
        let path = try SyntheticWorkspace(agendas: 3, scale: 2, seed: 9).write(to: fixture.folder)
        let loaded = Workspace.check(configPath: path, environment: [:])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(loaded.workspace?.agendas.map(\.id) == ["synthetic-1", "synthetic-2", "synthetic-3"])
    }

    @Test("The same seed gives the same bytes; another seed other ones")
    func deterministic() {
        let a = SyntheticWorkspace(agendas: 2, scale: 2, seed: 42).files()
        let b = SyntheticWorkspace(agendas: 2, scale: 2, seed: 42).files()
        let c = SyntheticWorkspace(agendas: 2, scale: 2, seed: 43).files()
        #expect(a.map(\.path) == ["koers.json", "agendas/synthetic-1.json", "agendas/synthetic-2.json"])
        #expect(a.map(\.text) == b.map(\.text))
        #expect(a[1].text != c[1].text)
        #expect(a[1].text != a[2].text)
    }
}
