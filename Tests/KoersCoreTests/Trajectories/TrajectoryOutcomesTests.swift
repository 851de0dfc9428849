import Foundation
import Testing
@testable import KoersCore

@Suite("koers starter outcomes: anonymous counts per start year that survive erasure")
struct TrajectoryOutcomesTests {
    func add(_ store: Store, _ id: String, start: String, end: (String, Trajectory.EndReason)? = nil) throws {
        let t = Trajectory(id: id, kind: .starter, name: "Naam \(id)", email: "\(id)@example.net", school: "de-linde",
                           start: LocalDate(start)!, mentor: "e.bosman", trainer: "l.mulder", template: "start",
                           end: end.map { .init(on: LocalDate($0.0)!, reason: $0.1) })
        #expect(try store.addTrajectory(t))
    }

    @Test("A constructed cohort: still in the trajectory after one, two and three years, left, finished, and events missed")
    func cohort() throws {
        let setup = TrajectoryFixture()
        let store = try setup.store()
        // 2022: one still running, one left after 9 months, one after 27 months, one (erased below) after 14 months.
        try add(store, "t-aaaaaa", start: "2022-09-01")
        try add(store, "t-bbbbbb", start: "2022-09-01", end: ("2023-06-30", .left))
        try add(store, "t-cccccc", start: "2022-09-01", end: ("2024-12-01", .left))
        try add(store, "t-eeeeee", start: "2022-09-01", end: ("2023-11-01", .left))
        // 2024: one running, one finished.
        try add(store, "t-dddddd", start: "2024-09-02")
        try add(store, "t-ffffff", start: "2024-09-02", end: ("2025-07-01", .finished))
        try store.recordDone("t-aaaaaa", occurrence: "welkomstgesprek", on: LocalDate("2022-09-03")!)
        try store.recordDone("t-aaaaaa", occurrence: "begeleidingsplan", on: LocalDate("2022-10-13")!)
        try store.recordDone("t-eeeeee", occurrence: "welkomstgesprek", on: LocalDate("2022-09-03")!)

        let now = "2025-10-01"
        let workspace = try setup.load()
        let book = try TrajectoryBook(workspace: workspace, store: store)
        let erased = try #require(book.trajectories.first { $0.id == "t-eeeeee" })
        _ = try store.eraseTrajectory(erased, plan: book.plan(of: erased), today: LocalDate(now)!)

        let out = setup.koers("starter", "outcomes", "--json", now: now)
        #expect(out.exitCode == .ok, "\(out.stderr)")
        let outcomes = TrajectoryOutcomes(kind: .starter, book: try TrajectoryBook(workspace: workspace, store: store),
                                          tombstones: try store.trajectoryTombstones(.starter), today: LocalDate(now)!)
        let y2022 = try #require(outcomes.cohorts.first { $0.year == 2022 })
        #expect([y2022.started, y2022.running, y2022.finished, y2022.left] as [Int] == [4, 1, 0, 3])
        #expect(y2022.stayed.map { "\($0.stayed)/\($0.eligible)" } == ["3/4", "2/4", "1/4"])
        // Six events each, all passed while running; three recorded as done.
        #expect([y2022.eventsDue, y2022.eventsDone, y2022.eventsMissed] as [Int] == [24, 3, 21])
        let y2024 = try #require(outcomes.cohorts.first { $0.year == 2024 })
        #expect([y2024.started, y2024.running, y2024.finished, y2024.left] as [Int] == [2, 1, 1, 0])
        #expect(y2024.stayed.map { "\($0.stayed)/\($0.eligible)" } == ["2/2", "0/0", "0/0"])
        #expect(outcomes.total.started == 6 && outcomes.total.eventsMissed == 33)
        #expect(out.stdout.contains("\"eventsMissed\" : 21"))

        let text = setup.koers("starter", "outcomes", now: now).stdout
        #expect(text.contains("startjaar  gestart  loopt  afgerond  vertrokken  na 1 jr  na 2 jr  na 3 jr\n"))
        #expect(text.contains("2022             4      1         0           3      3/4      2/4      1/4\n"), "\(text)")
        #expect(text.contains("2024             2      1         1           0      2/2        –        –\n"), "\(text)")
        #expect(text.contains("2022            24         3      21\n"), "\(text)")
        for line in text.split(separator: "\n") { #expect(line.count <= 80) }
        #expect(!text.contains("Naam"))
    }

    @Test("Whole months between two days")
    func months() {
        let d = { (text: String) in LocalDate(text)! }
        #expect(TrajectoryOutcomes.wholeMonths(from: d("2024-09-02"), to: d("2025-09-01")) == 11)
        #expect(TrajectoryOutcomes.wholeMonths(from: d("2024-09-02"), to: d("2025-09-02")) == 12)
        #expect(TrajectoryOutcomes.wholeMonths(from: d("2024-01-31"), to: d("2024-02-29")) == 1)
        #expect(TrajectoryOutcomes.wholeMonths(from: d("2024-09-02"), to: d("2024-09-01")) == 0)
    }
}
