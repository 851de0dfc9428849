import Foundation
@testable import KoersFormats
@testable import KoersMail
@testable import KoersModel
@testable import KoersServices
@testable import KoersStore
import KoersTestSupport
import Testing

/// The daemon mails the half-year and yearly reports on their day, once per recipient, from the
/// archive, and keeps the site current.
@Suite("Mailing reports and publishing the site")
struct ReportMailingTests {
    let fixture = Fixture()
    let tz = AgendaTimeZone.amsterdam

    func local(_ day: String, _ hour: Int = 8, _ minute: Int = 0) -> Date {
        tz.moment(LocalDate(day)!, hour: hour, minute: minute)
    }

    static let config = Fixture.config.replacingOccurrences(of: "\"people\": [", with: """
    "reports": { "recipientRoles": ["directieteam", "schoolleiders"], "siteFolder": "site" },
      "people": [
    """)

    /// A service whose daemon last ran on `lastRun`.
    func service(lastRun: String, lines: LogLines? = nil) throws -> (ReminderService, Store) {
        fixture.standard(config: Self.config)
        let workspace = try fixture.load()
        let store = try Store(path: workspace.config.databasePath)
        try store.setDaemonValue("reports-planned-through", lastRun)
        return (ReminderService(workspace: workspace, store: store,
                                transport: FileTransport(folder: fixture.folder + "/mail"), log: lines?.log ?? Log { _ in }), store)
    }

    func reportMails(_ store: Store) throws -> [Store.OutboxMessage] {
        try store.outbox(statuses: [.pending, .sent]).filter { $0.key.hasPrefix("report|") }.sorted { $0.key < $1.key }
    }

    func record(_ store: Store, _ workspace: Workspace, step: String, _ kind: StepStatus.Kind, on day: String) throws {
        let agenda = workspace.agendas[0]
        let placed = try #require(agenda.placedStep(StepKey(step)!))
        try store.record(agenda: agenda.id, step: placed, to: kind, target: nil, at: local(day, 12),
                         recordedAt: local(day, 12), by: "c.jansen", note: nil, timeZone: tz)
    }

    @Test("On the fifth working day of July each recipient gets the half-year report, once, exactly as archived")
    func halfYearReport() throws {
        let (service, store) = try service(lastRun: "2024-07-01")
        try record(store, service.workspace, step: "LL-A3", .done, on: "2024-05-10")

        #expect(try service.enqueueDueReports(now: local("2024-07-05", 7, 59)) == 0)
        #expect(try service.enqueueDueReports(now: local("2024-07-05")) == 2)
        let archived = try #require(try store.archivedReport(kind: .halfYear, period: "2024-H1"))
        #expect(archived.asOf == LocalDate("2024-06-30"))
        #expect(archived.text.contains("LL-A3"))
        #expect(!archived.text.contains("Carla Jansen"), "the archive is published: no recorders' names")

        let mails = try reportMails(store)
        #expect(mails.map(\.key) == ["report|halfyear:2024-H1|c.jansen", "report|halfyear:2024-H1|p.smit"])
        #expect(mails.allSatisfy { $0.subject == archived.title })
        let bytes = String(decoding: mails[0].message, as: UTF8.self)
        #expect(bytes.contains("multipart/alternative"))

        try record(store, service.workspace, step: "LL-A4", .inProgress, on: "2024-07-05")
        #expect(try service.enqueueDueReports(now: local("2024-07-05", 9)) == 0)
        #expect(try store.archivedReport(kind: .halfYear, period: "2024-H1") == archived)
    }

    @Test("A copy queued after a crash is built from the archive, not computed again")
    func copiesComeFromTheArchive() throws {
        let (service, store) = try service(lastRun: "2024-07-01")
        try store.archiveReport(kind: .halfYear, period: "2024-H1", asOf: LocalDate("2024-06-30")!,
                                title: "Halfjaarrapportage zoals gearchiveerd", html: "<!DOCTYPE html><html lang=\"nl\"><body><p>archief</p></body></html>",
                                text: "archief", json: "{}", at: local("2024-07-05"))
        #expect(try service.enqueueDueReports(now: local("2024-07-05", 8, 1)) == 2)
        #expect(try reportMails(store).allSatisfy { $0.subject == "Halfjaarrapportage zoals gearchiveerd" })
    }

    @Test("After downtime a report is still sent within the half-year after its period, and recorded as stale later")
    func catchUp() throws {
        let (late, lateStore) = try service(lastRun: "2024-06-01")
        #expect(try late.enqueueDueReports(now: local("2024-12-02", 10)) == 4)
        #expect(try reportMails(lateStore).map(\.key).map { $0.split(separator: "|")[1] } == ["halfyear:2024-H1", "halfyear:2024-H1", "year:2024", "year:2024"])

        let other = Fixture()
        other.standard(config: Self.config)
        let workspace = try other.load()
        let store = try Store(path: workspace.config.databasePath)
        try store.setDaemonValue("reports-planned-through", "2024-06-01")
        let service = ReminderService(workspace: workspace, store: store, transport: FileTransport(folder: other.folder + "/mail"),
                                      log: Log { _ in })
        #expect(try service.enqueueDueReports(now: local("2025-01-03", 10)) == 0)
        #expect(try store.handledReminderKeys(["report|halfyear:2024-H1|p.smit", "report|year:2024|p.smit"]).count == 2)
        #expect(try store.archivedReports().isEmpty, "a stale report is not built")
    }

    @Test("The daemon wakes for the next report, and preview-style runs list it")
    func nextWakeAndObserver() throws {
        let (service, _) = try service(lastRun: "2024-07-01")
        let wake = try #require(try service.nextWake(after: local("2024-07-04", 9)))
        #expect(wake <= local("2024-07-05"))
        var seen: [(String, String)] = []
        service.observer = { person, message, _ in seen.append((person.id, message.subject)) }
        try service.enqueueDueReports(now: local("2024-07-05"))
        #expect(seen.map(\.0) == ["c.jansen", "p.smit"])
        #expect(seen.allSatisfy { $0.1.hasPrefix("Halfjaarrapportage") })
    }

    @Test("The site is written at start, after a change in the database and on a new day, and not otherwise")
    func sitePublisher() throws {
        let lines = LogLines()
        let (service, store) = try service(lastRun: "2024-07-01", lines: lines)
        let publisher = SitePublisher(log: service.log)
        func written() -> Int { lines.count(containing: "site written") }

        publisher.publishIfNeeded(workspace: service.workspace, store: store, now: local("2024-07-05"))
        #expect(written() == 1)
        #expect(FileManager.default.fileExists(atPath: fixture.folder + "/site/index.html"))
        publisher.publishIfNeeded(workspace: service.workspace, store: store, now: local("2024-07-05", 9))
        #expect(written() == 1)

        let cli = try Store(path: service.workspace.config.databasePath)
        try record(cli, service.workspace, step: "LL-A4", .inProgress, on: "2024-07-05")
        publisher.publishIfNeeded(workspace: service.workspace, store: store, now: local("2024-07-05", 10))
        #expect(written() == 2)
        publisher.publishIfNeeded(workspace: service.workspace, store: store, now: local("2024-07-06", 10))
        #expect(written() == 3)
    }
}
