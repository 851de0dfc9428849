import Foundation
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport
import Testing

@Suite("The report archive")
struct ReportArchiveTests {
    let fixture = Fixture()
    let t0 = Timestamp.parse("2024-07-05T06:00:00Z")!

    @Test("A period is archived once: the first report stays, exactly as it was, also after reopening")
    func archivedOnce() throws {
        let store = try Store(path: fixture.folder + "/koers.sqlite")
        let first = try store.archiveReport(kind: .halfYear, period: "2024-H1", asOf: LocalDate("2024-06-30")!,
                                            title: "Halfjaarrapportage 2024-H1", html: "<p>één</p>", text: "één",
                                            json: "{}", at: t0)
        let second = try store.archiveReport(kind: .halfYear, period: "2024-H1", asOf: LocalDate("2024-06-30")!,
                                             title: "anders", html: "<p>twee</p>", text: "twee", json: "{}",
                                             at: t0.addingTimeInterval(60))
        #expect(second == first)
        let reopened = try Store(path: fixture.folder + "/koers.sqlite")
        #expect(try reopened.archivedReports() == [first])
        #expect(try reopened.archivedReport(id: first.id)?.html == "<p>één</p>")
        #expect(try reopened.archivedReport(kind: .year, period: "2024") == nil)
    }

    @Test("Archived reports cannot be changed")
    func appendOnly() throws {
        let store = try Store(path: fixture.folder + "/koers.sqlite")
        try store.archiveReport(kind: .year, period: "2024", asOf: LocalDate("2024-11-14")!, title: "Jaarrapportage 2024",
                                html: "", text: "", json: "{}", at: t0)
        #expect(throws: StoreError.self) {
            try store.database.run("UPDATE report SET text = 'x'")
        }
    }
}
