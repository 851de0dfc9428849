import Foundation
import KoersTestSupport
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

    @Test("koers report halfyear 2024-H1 --archive keeps the report as the daemon keeps a mailed one, once, and koers site publishes it")
    func archiveByHand() throws {
        let site = try Installation()
        var r = try site.koers("history", "import", site.demoHistory, now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")

        r = try site.koers("report", "halfyear", "2024-H1", "--archive", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "archived the half-year report 2024-H1 as of 2024-06-30 as report 1; `koers report show 1` prints it, "
                + "and `koers site` (or the daemon, at its next site update) publishes it under rapporten/\n")
        r = try site.koers("report", "archive", now: "2024-10-15")
        #expect(r.stdout.contains("1   2024-H1  2024-06-30  2024-10-15    Halfjaarrapportage ontwikkelagenda OOK, 2024 eerste half jaar\n"),
                "\(r.stdout)")

        // Stored as the daemon stores a report it mails: all three forms, without who recorded each change.
        let html = try site.koers("report", "show", "1", "--format", "html", now: "2024-10-15").stdout
        let text = try site.koers("report", "show", "1", now: "2024-10-15").stdout
        let json = try site.koers("report", "show", "1", "--json", now: "2024-10-15").stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(text.hasPrefix("HALFJAARRAPPORTAGE ONTWIKKELAGENDA OOK, 2024 EERSTE HALF JAAR\n"))
        #expect(json.contains("\"format\" : \"koers-report/1\"") || json.contains("\"format\": \"koers-report/1\""), "\(json.prefix(200))")
        #expect(text.contains("- 27 mei 2024: uitgesteld naar 2024-H2. Wacht op de"), "the change with its note, without who recorded it")
        for form in [html, json] { #expect(form.contains("Wacht op de vaststelling van het beroepsbeeld (A3)"), "the notes are there") }
        for form in [html, text, json] {
            #expect(!form.contains("Carla Jansen") && !form.contains("c.jansen"), "no names of people: the archive is published")
        }

        // Once per period: a second --archive is refused and says where the first one is.
        r = try site.koers("report", "halfyear", "2024-H1", "--archive", now: "2025-01-10")
        #expect(r.status == 1)
        #expect(r.stderr == "Error: the half-year report 2024-H1 is already archived as report 1 (as of 2024-06-30); the archive keeps "
                + "one report per period and never replaces it; `koers report show 1` prints it\n")
        #expect(try site.koers("report", "show", "1", "--format", "html", now: "2025-01-10").stdout == html, "not replaced")
        // A half-year still running would stand in the archive for good: refused.
        r = try site.koers("report", "halfyear", "2024-H2", "--archive", now: "2024-10-15")
        #expect(r.status == 1)
        #expect(r.stderr.contains("2024-H2 runs until 2024-12-31; a half-year report is archived once the half-year is over"))
        r = try site.koers("report", "halfyear", "2024-H1", "--archive", "--format", "html", now: "2024-10-15")
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --format does not go with --archive"))
        // The yearly report may be a tussenstand, as the one the daemon mails in November.
        // Before the daemon mails the yearly report (14 November 2024), an archived tussenstand would be what it mails.
        r = try site.koers("report", "year", "2024", "--archive", now: "2024-10-15")
        #expect(r.status == 1)
        #expect(r.stderr.contains("the daemon mails the report on 2024 on 2024-11-14 and archives it then"), "\(r.stderr)")
        r = try site.koers("report", "year", "2024", "--archive", "--json", now: "2024-11-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"period\" : \"2024\""), "\(r.stdout)")

        // koers site lists both under rapporten/, each exactly as archived.
        let out = site.folder + "/site"
        r = try site.koers("site", "--out", out, now: "2024-11-15")
        #expect(r.status == 0, "\(r.stderr)")
        let index = try String(contentsOfFile: out + "/rapporten/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"halfyear-2024-H1.html\">Halfjaarrapportage ontwikkelagenda OOK, 2024 eerste half jaar</a>"), "\(index)")
        #expect(index.contains("<a href=\"year-2024.html\">Jaarrapportage ontwikkelagenda OOK, 2024</a>"))
        #expect(try String(contentsOfFile: out + "/rapporten/halfyear-2024-H1.html", encoding: .utf8) == html)
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
