import Foundation
import Testing
@testable import KoersModel
@testable import KoersFormats
@testable import KoersMail
@testable import KoersServices

@Suite("The daemon's mailed reports include measurements and spending up to their as-of day")
struct ReportMailingMeasurementTests {
    @Test("The archived 2024-H1 report has May's measurement and spending, not July's")
    func archived() throws {
        let scene = MeasureScene()
        _ = scene.koers("measure", "plekken", "18", "--on", "2024-05-02", now: "2024-07-03")
        _ = scene.koers("measure", "plekken", "21", "--on", "2024-07-02", now: "2024-07-03")
        _ = scene.koers("spend", "KC-a", "2750", "--on", "2024-05-20", now: "2024-07-03")
        _ = scene.koers("spend", "KC-a", "100", "--on", "2024-07-01", now: "2024-07-03")
        let workspace = try scene.fixture.load()
        let store = try scene.store()
        try store.setDaemonValue("reports-planned-through", "2024-07-01")
        let service = ReminderService(workspace: workspace, store: store, transport: FileTransport(folder: scene.fixture.folder + "/mail"),
                                      log: Log { _ in })
        #expect(try service.enqueueDueReports(now: scene.tz.moment(LocalDate("2024-07-05")!, hour: 8)) > 0)
        let archived = try #require(try store.archivedReport(kind: .halfYear, period: "2024-H1"))
        #expect(archived.text.contains("gemeten:    18 plekken op 2 mei 2024"))
        #expect(!archived.text.contains("21 plekken"))
        #expect(archived.text.contains("Kwaliteitscultuur       € 2.500,00     € 2.750,00      € -250,00     € 2.750,00"))
        #expect(archived.json.contains("\"trend\": {"))
    }
}
