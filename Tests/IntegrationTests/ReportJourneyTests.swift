import Foundation
import Testing

/// The coordinator's half-yearly report, end to end through the real binary on the bundled agenda
/// and the demo history.
@Suite("Report journey through the koers command")
struct ReportJourneyTests {
    @Test("koers report halfyear 2024-H1 --format html: one self-contained Dutch document that does not change afterwards")
    func halfYearHTML() throws {
        let site = try Installation()
        var r = try site.koers("history", "import", site.demoHistory, now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")

        r = try site.koers("report", "halfyear", "2024-H1", "--format", "html", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let html = r.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(html.contains("<title>Halfjaarrapportage ontwikkelagenda OOK, 2024 eerste half jaar</title>"))
        for forbidden in ["<style", "<script", "<link", "<img", "http://", "https://", " class="] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        let summary = try Self.check(html)
        #expect(summary["lang"] as? String == "nl")
        #expect(summary["thWithoutScope"] as? Int == 0)
        #expect((summary["th"] as? Int ?? 0) > 20)
        #expect((summary["nestingErrors"] as? [String]) == [])
        #expect((summary["forbidden"] as? [String]) == [])
        let text = summary["text"] as? String ?? ""
        for expected in ["Kwaliteitscultuur", "achterstallig sinds 2023-H2", "uitgesteld naar 2024-H2", "te besluiten",
                         "Gepland voor 2024 tweede half jaar, per rol", "Besluiten die voorliggen", "Directieteam"] {
            #expect(text.contains(expected), "\(expected)")
        }

        // Later progress does not change what the 2024-H1 report says.
        r = try site.koers("set", "KC-E2", "done", "--note", "Alsnog geëvalueerd", now: "2024-11-04")
        #expect(r.status == 0, "\(r.stderr)")
        let file = site.folder + "/2024-H1.html"
        r = try site.koers("report", "halfyear", "2024-H1", "--format", "html", "--out", file, now: "2024-11-04")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == html)

        // The text form fits a terminal.
        r = try site.koers("report", "year", "2024", now: "2024-11-04")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("VOORSTELLEN VOOR BIJSTELLING (BEREKEND DOOR KOERS)"))
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
    }

    /// `Tests/Support/html_report_check.py`: the document as Python's html.parser reads it, as JSON.
    static func check(_ html: String) throws -> [String: Any] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("koers-it-html-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let r = try KoersProcess.python([KoersProcess.repository + "/Tests/Support/html_report_check.py", input.path])
        #expect(r.status == 0, "python3: \(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
    }
}
