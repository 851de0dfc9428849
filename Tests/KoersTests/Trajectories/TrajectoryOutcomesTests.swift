import Foundation
import Testing
@testable import KoersModel
@testable import KoersStore

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
        #expect(text.contains("jaar    gestart  loopt  afgerond  vertrokken  gewist  na 1 jr  na 2 jr  na 3 jr\n"))
        #expect(text.contains("2022          4      1         0           3       0      3/4      2/4      1/4\n"), "\(text)")
        #expect(text.contains("2024          2      1         1           0       0      2/2        –        –\n"), "\(text)")
        #expect(text.contains("2022         24         3      21\n"), "\(text)")
        for line in text.split(separator: "\n") { #expect(line.count <= 80) }
        #expect(!text.contains("Naam"))
    }

    @Test("A trajectory erased while it still ran counts as erased, not as left; towards staying only for the years it ran")
    func erasedWhileRunning() throws {
        let setup = TrajectoryFixture()
        let store = try setup.store()
        try add(store, "t-aaaaaa", start: "2022-09-01")
        try add(store, "t-bbbbbb", start: "2022-09-01")
        try add(store, "t-cccccc", start: "2022-09-01", end: ("2023-03-01", .left))
        // Erased after 6 and after 18 months, both still running.
        #expect(setup.koers("person", "erase", "t-aaaaaa", now: "2023-03-01").exitCode == .ok)
        #expect(setup.koers("person", "erase", "t-bbbbbb", now: "2024-03-01").exitCode == .ok)
        #expect(try store.trajectoryTombstones(.starter).map(\.endReason) == [.erased, .erased])

        let now = "2025-10-01"
        let outcomes = TrajectoryOutcomes(kind: .starter, book: try TrajectoryBook(workspace: try setup.load(), store: store),
                                          tombstones: try store.trajectoryTombstones(.starter), today: LocalDate(now)!)
        let y2022 = try #require(outcomes.cohorts.first { $0.year == 2022 })
        #expect([y2022.started, y2022.running, y2022.finished, y2022.left, y2022.erased] as [Int] == [3, 0, 0, 1, 2])
        // After one year: the one erased after 18 months stayed, the one who left did not; the one
        // erased after 6 months is not known. After two years only the one who left is known.
        #expect(y2022.stayed.map { "\($0.stayed)/\($0.eligible)" } == ["1/2", "0/1", "0/1"])

        let text = setup.koers("starter", "outcomes", now: now).stdout
        #expect(text.contains("jaar    gestart  loopt  afgerond  vertrokken  gewist  na 1 jr  na 2 jr  na 3 jr\n"), "\(text)")
        #expect(text.contains("2022          3      0         0           1       2      1/2      0/1      0/1\n"), "\(text)")
        for line in text.split(separator: "\n") { #expect(line.count <= 80) }
        let json = setup.koers("starter", "outcomes", "--json", now: now).stdout
        #expect(json.contains("\"erased\" : 2"), "\(json)")
    }

    @Test("Tombstones written before migration 8 are kept; from then on a tombstone may say erased")
    func migrationKeepsTombstones() throws {
        let setup = TrajectoryFixture()
        let database = try Database(path: setup.databasePath)
        try Schema.migrator.migrate(database, upTo: 6)
        try database.run("""
            INSERT INTO trajectory_tombstone (kind, template, start_month, months, end_reason, events_due, events_done)
            VALUES ('starter', 'start', '2022-09', 9, 'left', 4, 1)
            """)
        #expect(throws: StoreError.self) {
            try database.run("""
                INSERT INTO trajectory_tombstone (kind, template, start_month, months, end_reason, events_due, events_done)
                VALUES ('starter', 'start', '2022-09', 9, 'erased', 4, 1)
                """)
        }
        let store = try setup.store()
        #expect(try store.trajectoryTombstones(.starter) == [
            TrajectoryTombstone(kind: .starter, template: "start", startMonth: YearMonth("2022-09")!, months: 9, endReason: .left,
                                eventsDue: 4, eventsDone: 1),
        ])
        try add(store, "t-aaaaaa", start: "2024-09-02")
        #expect(setup.koers("person", "erase", "t-aaaaaa", now: "2024-10-01").exitCode == .ok)
        #expect(try store.trajectoryTombstones(.starter).map(\.endReason) == [.left, .erased])
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
