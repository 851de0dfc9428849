import Foundation
@testable import KoersModel
import KoersTestSupport
import Testing

/// The directors' journey: the real daemon mails the half-year report over SMTP at the start of the
/// new half-year, archives it, and publishes it on the site; `koers report archive` and `show`
/// give back exactly what was mailed.
@Suite("Directors receive the half-year report", .serialized)
struct ReportDeliveryJourneyTests {
    @Test("The 2024-H2 report reaches the directieteam and the Co-OP'er on 10 January 2025, once, as archived and published")
    func halfYearReportJourney() throws {
        let server = try SMTPTestServer(.accept)
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("koers-pw-\(UUID().uuidString)").path
        try (SMTPTestServer.password + "\n").write(toFile: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: secret) }
        let daemon = try DaemonProcess(mail: """
            { "from": \(DaemonTests.from), "transport": "smtp",
              "smtp": { "url": "\(server.url)", "heloName": "koers.test", "username": "\(SMTPTestServer.user)",
                        "passwordFile": "\(secret)", "caFile": "\(server.certificate)", "timeoutSeconds": 10 } }
            """, reports: #"{ "siteFolder": "site" }"#)

        // The Christmas holiday of region noord ends on 5 January; the fifth working day after is Friday 10 January.
        try daemon.start(now: "2025-01-10T07:59:57+01:00")
        func reports() -> [SMTPTestServer.Received] {
            server.messages.filter { String(decoding: $0.bytes, as: UTF8.self).contains("Halfjaarrapportage") }
        }
        #expect(DaemonProcess.eventually { reports().count >= 4 }, "\(daemon.log)")
        #expect(DaemonProcess.eventually { FileManager.default.fileExists(atPath: daemon.folder + "/site/rapporten/index.html") })
        let status = try daemon.output(["status", "--json"])
        let state = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(state["daemonRunning"] as? Bool == true, "\(status.stdout)")
        #expect(state["archivedReports"] as? Int == 1)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)

        let mailed = reports()
        #expect(Set(mailed.flatMap(\.recipients)) == ["c.jansen@example.org", "a.dewit@example.org", "b.hoekstra@example.org", "f.kuiper@example.org"])
        #expect(mailed.count == 4)
        let parsed = try MailTest.parse(mailed[0].bytes)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.partTypes.contains("text/plain") && parsed.partTypes.contains("text/html"))
        #expect(parsed.subject?.hasPrefix("Halfjaarrapportage") == true)

        let archive = try daemon.output(["report", "archive", "--json"])
        #expect(archive.status == 0)
        let lines = try JSONSerialization.jsonObject(with: Data(archive.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(lines.map { $0["period"] as? String } == ["2024-H2"])
        #expect(lines.first?["asOf"] as? String == "2024-12-31")
        let html = try daemon.output(["report", "show", "\(lines.first?["id"] as? Int ?? 0)", "--format", "html"])
        #expect(html.status == 0)
        let mailedHTML = parsed.html?.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(mailedHTML?.trimmingCharacters(in: .newlines) == html.stdout.trimmingCharacters(in: .newlines),
                "the mail's HTML part is the archived report")
        let published = try String(contentsOfFile: daemon.folder + "/site/rapporten/halfyear-2024-H2.html", encoding: .utf8)
        #expect(published == html.stdout)

        // Restarted the same day: nothing is sent again.
        try daemon.start(now: "2025-01-10T09:00:00+01:00")
        #expect(DaemonProcess.eventually { daemon.log.contains("started") })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        #expect(reports().count == 4)
    }
}
