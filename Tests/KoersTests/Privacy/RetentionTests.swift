import Foundation
import Testing
@testable import KoersModel
@testable import KoersFormats
@testable import KoersMail
@testable import KoersServices

@Suite("Retention: the daemon erases ended trajectories after privacy.retentionMonths")
struct RetentionTests {
    @Test("A trajectory ended 13 months ago is erased by the daemon's turn; one ended 11 months ago is kept, and the daemon wakes for it")
    func retention() throws {
        let setup = TrajectoryFixture(retentionMonths: 12)
        let old = try setup.addStarter(name: "Oud Geval", email: "oud@example.net", start: "2023-09-04", now: "2023-09-01")
        let recent = try setup.addStarter(name: "Recent Geval", email: "recent@example.net", start: "2023-09-04", now: "2023-09-01")
        #expect(setup.koers("starter", "end", old, "--reason", "left", "--on", "2024-09-15", now: "2024-09-15").exitCode == .ok)
        #expect(setup.koers("starter", "end", recent, "--reason", "finished", "--on", "2024-11-15", now: "2024-11-15").exitCode == .ok)
        let store = try setup.store()
        let service = ReminderService(workspace: try setup.load(), store: store,
                                      transport: FileTransport(folder: setup.fixture.folder + "/mail"), log: Log { _ in })
        let now = PlanningFixture.moment("2025-10-15T09:00:00+02:00")
        #expect(try service.eraseExpiredTrajectories(now: now) == 1)
        #expect(try store.trajectories().map(\.id) == [recent])
        #expect(try store.trajectoryTombstones(.starter).map(\.endReason) == [.left])
        #expect(try !setup.fileContains("Oud Geval"))
        #expect(try setup.fileContains("Recent Geval"))
        #expect(try service.eraseExpiredTrajectories(now: now) == 0)
        // The kept one is due on 15 November 2025, and the daemon's sleep ends by then.
        let wake = try #require(try service.nextWake(after: now))
        #expect(wake <= AgendaTimeZone.amsterdam.moment(LocalDate("2025-11-15")!))
    }
}
