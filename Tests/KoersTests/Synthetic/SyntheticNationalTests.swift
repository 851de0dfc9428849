import Foundation
import KoersFormats
import KoersModel
import KoersStore
import KoersSynthetic
import KoersTestSupport
import Testing

/// The national benchmark's data set in small: training schools with a mentor and a trainer each,
/// the bundled trajectory templates, agendas spread over start years, and trajectories that name
/// only configured people and are accepted by the store.
@Suite("Synthetic national data")
struct SyntheticNationalTests {
    func workspace(_ fixture: Fixture) throws -> Workspace {
        var synthetic = SyntheticWorkspace(agendas: 3, scale: 2, seed: 5)
        synthetic.spreadYears = 3
        synthetic.trainingSchools = 4
        synthetic.trajectoryPaths = ["startende-leraar", "student-leerwerkplek"].map {
            Fixture.repository + "/Agendas/trajectories/\($0).json"
        }
        let loaded = Workspace.check(configPath: try synthetic.write(to: fixture.folder), environment: [:])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description).joined(separator: "\n"))")
        return try #require(loaded.workspace)
    }

    @Test("Training schools, their mentors and trainers and spread agendas load without any diagnostic")
    func loads() throws {
        let workspace = try workspace(Fixture())
        #expect(workspace.config.schools.map(\.id).suffix(4) == ["os-001", "os-002", "os-003", "os-004"])
        #expect(workspace.config.person("m-004")?.roles == ["werkplekbegeleiders"])
        #expect(workspace.config.person("s-004")?.roles == ["schoolopleiders"])
        #expect(workspace.agendas.map(\.horizon.from.year) == [2022, 2023, 2024])
        #expect(workspace.trajectoryTemplates.count == 2)
    }

    @Test("Trajectories are the same for the same seed, name configured people and give planned events")
    func trajectories() throws {
        let fixture = Fixture()
        let workspace = try workspace(fixture)
        let generator = SyntheticTrajectories(count: 50, schools: 4, from: LocalDate("2024-08-01")!, days: 365, seed: 5)
        #expect(generator.trajectories == generator.trajectories)
        #expect(generator.trajectories != SyntheticTrajectories(count: 50, schools: 4, from: LocalDate("2024-08-01")!,
                                                                days: 365, seed: 6).trajectories)
        for t in generator.trajectories {
            #expect(workspace.config.person(t.mentor)?.school == t.school)
            #expect(workspace.config.person(t.trainer)?.school == t.school)
        }
        let store = try Store(path: fixture.folder + "/koers.sqlite")
        #expect(try generator.record(into: store) == 50)
        let book = try TrajectoryBook(workspace: workspace, store: store)
        #expect(book.trajectories.count == 50)
        #expect(book.eventSource.events(from: LocalDate("2024-08-01")!, through: LocalDate("2025-07-31")!).count > 50)
    }
}
