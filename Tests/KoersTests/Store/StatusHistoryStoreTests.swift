import Foundation
@testable import KoersCLI
@testable import KoersFormats
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport
import Testing

@Suite("Status history in the store")
struct StatusHistoryStoreTests {
    let tz = AgendaTimeZone.amsterdam

    func day(_ s: String) -> Date { tz.moment(LocalDate(s)!, hour: 12) }

    /// A fixture with the small agenda and an opened store; the fixture's folder lives as long as this.
    struct Scene {
        let fixture = Fixture()
        let workspace: Workspace
        let store: Store
        let placed: PlacedStep

        init() throws {
            fixture.standard()
            workspace = try fixture.load()
            store = try Store(path: workspace.config.databasePath)
            placed = try #require(workspace.agendas[0].placedStep(StepKey("LL-A1")!))
        }
    }

    @Test("A recorded change survives closing and reopening the database file")
    func reopen() throws {
        let s = try Scene(); let store = s.store, placed = s.placed
        try store.record(agenda: "mini", step: placed, to: .inProgress, target: nil, at: day("2023-02-01"),
                         recordedAt: day("2023-02-01"), by: "c.jansen", note: "Gestart", timeZone: tz)
        try store.record(agenda: "mini", step: placed, to: .done, target: nil, at: day("2023-05-01"),
                         recordedAt: day("2023-05-02"), by: "c.jansen", note: nil, timeZone: tz)
        let path = s.workspace.config.databasePath
        let reopened = try Store(path: path)
        let history = try reopened.history(agenda: "mini", step: placed.key)
        #expect(history.events.map(\.status) == [.inProgress, .done])
        #expect(history.events[0].note == "Gestart")
        #expect(history.events[0].by == "c.jansen")
        #expect(history.events[1].recordedAt == day("2023-05-02"))
        #expect(history.status(asOf: day("2023-03-01")) == .inProgress)
        #expect(try reopened.integrityProblems().isEmpty)
    }

    @Test("An impossible change is refused and nothing is written")
    func refused() throws {
        let s = try Scene(); let store = s.store, placed = s.placed
        try store.record(agenda: "mini", step: placed, to: .done, target: nil, at: day("2023-05-01"),
                         recordedAt: day("2023-05-01"), by: nil, note: nil, timeZone: tz)
        #expect(throws: StatusTransition.Refusal.self) {
            try store.record(agenda: "mini", step: placed, to: .done, target: nil, at: day("2023-05-02"),
                             recordedAt: day("2023-05-02"), by: nil, note: nil, timeZone: tz)
        }
        #expect(try store.history(agenda: "mini", step: placed.key).events.count == 1)
    }

    @Test("A change cannot be dated before the step's last change")
    func backdating() throws {
        let s = try Scene(); let store = s.store, placed = s.placed
        try store.record(agenda: "mini", step: placed, to: .inProgress, target: nil, at: day("2023-05-01"),
                         recordedAt: day("2023-05-01"), by: nil, note: nil, timeZone: tz)
        #expect(throws: RecordRefusal.self) {
            try store.record(agenda: "mini", step: placed, to: .done, target: nil, at: day("2023-04-01"),
                             recordedAt: day("2023-05-03"), by: nil, note: nil, timeZone: tz)
        }
    }

    @Test("Postponing moves where the step is expected, and the database keeps the target")
    func postpone() throws {
        let s = try Scene(); let store = s.store, placed = s.placed, workspace = s.workspace
        try store.record(agenda: "mini", step: placed, to: .postponed, target: HalfYear("2024-H1"), at: day("2023-06-20"),
                         recordedAt: day("2023-06-20"), by: nil, note: "Schuift door", timeZone: tz)
        let history = try Store(path: workspace.config.databasePath).history(agenda: "mini", step: placed.key)
        #expect(history.status(asOf: day("2023-07-01")) == .postponed(to: HalfYear("2024-H1")!))
        #expect(history.period(of: placed.step, asOf: day("2023-07-01")) == HalfYear("2024-H1"))
    }

    @Test("The history table is append-only: updates and deletes are refused by the database itself")
    func appendOnly() throws {
        let s = try Scene(); let store = s.store, placed = s.placed
        try store.record(agenda: "mini", step: placed, to: .done, target: nil, at: day("2023-05-01"),
                         recordedAt: day("2023-05-01"), by: nil, note: nil, timeZone: tz)
        #expect(throws: StoreError.self) { try store.database.run("UPDATE status_event SET status = 'planned'") }
        #expect(throws: StoreError.self) { try store.database.run("DELETE FROM status_event") }
        #expect(try store.history(agenda: "mini", step: placed.key).events.count == 1)
    }

    @Test("A new database is migrated to the latest schema, in WAL mode, readable by its owner and its folder's group only")
    func fresh() throws {
        let s = try Scene(); let store = s.store, workspace = s.workspace
        #expect(try store.database.scalarInt("PRAGMA user_version") == Int64(store.schemaVersion))
        #expect(try store.database.rows("PRAGMA journal_mode").first?.text(0) == "wal")
        let attributes = try FileManager.default.attributesOfItem(atPath: workspace.config.databasePath)
        #expect((attributes[.posixPermissions] as? Int) == 0o660)
    }

    @Test("A database written by a newer Koers is refused with a clear error, untouched")
    func newer() throws {
        let s = try Scene(); let store = s.store, workspace = s.workspace
        try store.database.execute("PRAGMA user_version = 99")
        #expect(throws: StoreError.newerSchema(found: 99, supported: store.schemaVersion)) {
            _ = try Store(path: workspace.config.databasePath)
        }
    }

    @Test("History under a step key the agenda no longer has is found, and kept")
    func orphans() throws {
        let s = try Scene(); let store = s.store, placed = s.placed, f = s.fixture
        try store.record(agenda: "mini", step: placed, to: .done, target: nil, at: day("2023-05-01"),
                         recordedAt: day("2023-05-01"), by: nil, note: nil, timeZone: tz)
        // Next year's revision renames A1 to A0.
        f.write("agenda.json", Fixture.agenda.replacingOccurrences(of: "{ \"id\": \"A1\"", with: "{ \"id\": \"A0\""))
        let revised = try f.load()
        let found = try CheckCommand.orphanedHistory(revised)
        #expect(found.count == 1)
        #expect(found[0].message.contains("LL-A1"))
        #expect(try store.stepsWithHistory(agenda: "mini") == [StepKey("LL-A1")!])
    }
}
