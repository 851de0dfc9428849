import Foundation
@testable import KoersFormats
@testable import KoersModel
@testable import KoersServices
@testable import KoersStore
import KoersTestSupport
import Testing

@Suite("Report rendering: text, Markdown, HTML and JSON")
struct ReportRenderingTests {
    @Test("Text fits 80 columns and shows the summary as numbers and a bar")
    func text() throws {
        let scene = try ReportScene()
        let report = try scene.report(ReportScene.h1, asOf: "2024-06-30")
        let text = TextReportRenderer().render(report)
        Self.expectNarrow(text)
        #expect(text.hasPrefix("HALFJAARRAPPORTAGE ONTWIKKELAGENDA SV, 2024 EERSTE HALF JAAR\n"))
        #expect(text.contains("Periode 1 januari 2024 – 30 juni 2024; stand per 30 juni 2024."))
        #expect(text.contains("Waarborg            gepland   ✓   ▶   →   ✗   ○   !  voortgang\n"))
        // 1 done, 1 postponed, 1 dropped, 1 open of 4; one overdue from before; 33% done.
        #expect(text.contains("Lerende leraar            4   1   0   1   1   1   1  █████▒▒▒▒▒×××××░░░░░  33%\n"))
        #expect(text.contains("Totaal                    6   2   1   1   1   1   1  "))
        #expect(text.contains("  ! LL-A1  Oriëntatie\n           achterstallig sinds 2023-H2, in uitvoering\n"))
        #expect(text.contains("- 15 mei 2024: afgerond (Pieter Smit). Vastgesteld"))
        #expect(text.contains("uitgesteld uit 2023-H2 · afgerond"))
        #expect(text.contains("  ! LL-B2  Beschrijven <concept> & delen\n"), "due in March: late by the end of June")
        #expect(text.contains("→ te besluiten"))
        #expect(!text.contains("VOORSTELLEN"), "proposals belong to the yearly report")

        let year = TextReportRenderer().render(try scene.report(ReportScene.y2024, asOf: "2024-12-31"))
        Self.expectNarrow(year)
        #expect(year.contains("VOORSTELLEN VOOR BIJSTELLING (BEREKEND DOOR KOERS)"))
        #expect(year.contains("input voor de jaarlijkse bijstelling"))
    }

    @Test("Markdown has pipe tables, code-span bars and escapes agenda text")
    func markdown() throws {
        let scene = try ReportScene()
        let md = MarkdownReportRenderer().render(try scene.report(ReportScene.y2024, asOf: "2024-12-31"))
        #expect(md.hasPrefix("# Jaarrapportage ontwikkelagenda SV, 2024\n"))
        #expect(md.contains("| Waarborg | Gepland | ✓ Afgerond | ▶ In uitvoering | → Uitgesteld | ✗ Vervallen | ○ Open | ! Achterstallig | Voortgang |"))
        #expect(md.contains("| **Totaal** | 8 | 2 | 1 | 0 | 1 | 4 | 1 | `"))
        #expect(md.contains("**LL-B2** Beschrijven \\<concept\\> & delen"))
        #expect(md.contains("- eerste punt\n- tweede punt"), "list items of the goal stay a list")
        #expect(md.contains("### Voorstellen voor bijstelling (berekend door Koers)"))
        #expect(md.contains("1. LL-A1 (Oriëntatie) is achterstallig sinds 2023-H2, langer dan een half jaar.  \n   *Voorstel:* Opnieuw plannen"))
    }

    @Test("HTML is one self-contained document with real table headers, parsed by Python's html.parser")
    func html() throws {
        let scene = try ReportScene()
        try scene.record("LL-A3", .postponed, to: "2025-H1", on: "2024-12-01")
        let html = HTMLReportRenderer().render(try scene.report(ReportScene.y2024, asOf: "2024-12-31"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        let summary = try HTMLCheck.run(html)
        try Self.expectWellFormed(summary)
        #expect(summary["title"] as? String == "Jaarrapportage ontwikkelagenda SV, 2024")
        let headings = (summary["headings"] as? [[Any]] ?? []).map { "\($0[0]) \($0[1])" }
        #expect(headings.first == "1 Jaarrapportage ontwikkelagenda SV, 2024")
        #expect(headings.contains("3 Samenvatting: stappen gepland in kalenderjaar 2024"))
        #expect(headings.contains("3 Lerende leraar (LL)"))
        #expect(headings.contains("4 Uit eerdere perioden"))
        #expect(headings.contains("3 Voorstellen voor bijstelling (berekend door Koers)"))
        let text = summary["text"] as? String ?? ""
        #expect(text.contains("Beschrijven <concept> & delen"), "escaped in the source, read back as written")
        #expect(text.contains("achterstallig sinds 2023-H2"))
        #expect(text.contains("✓ 2"), "bar parts carry their mark and number, readable without colour")
        #expect(html.contains("Beschrijven &lt;concept&gt; &amp; delen"))
        #expect(!html.contains("<style") && !html.contains("<script"))
    }

    @Test("JSON has stable members in a fixed order and the numbers of the model")
    func json() throws {
        let scene = try ReportScene()
        let report = try scene.report(ReportScene.h1, asOf: "2024-06-30")
        let text = JSONReportRenderer().render(report)
        let root = try JSONParser.parse(text)
        guard case .object(let members) = root.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["format", "kind", "period", "from", "through", "asOf", "complete", "title", "agendas", "scans"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "koers-report/1")
        #expect(json["kind"] as? String == "halfyear" && json["period"] as? String == "2024-H1")
        #expect(json["asOf"] as? String == "2024-06-30")
        let agenda = try #require((json["agendas"] as? [[String: Any]])?.first)
        let total = try #require((agenda["summary"] as? [String: Any])?["total"] as? [String: Any])
        #expect(total["planned"] as? Int == 6 && total["done"] as? Int == 2 && total["inProgress"] as? Int == 1)
        #expect(total["overdue"] as? Int == 1)
        let ll = try #require((agenda["themes"] as? [[String: Any]])?.first)
        let a3 = try #require((ll["steps"] as? [[String: Any]])?.first { $0["key"] as? String == "LL-A3" })
        #expect(a3["status"] as? String == "postponed" && a3["postponedTo"] as? String == "2024-H2")
        #expect(a3["category"] as? String == "postponed")
        #expect(a3["due"] is NSNull, "absent values are null, never missing")
        #expect(agenda["proposals"] is NSNull)
        // Same input, same bytes.
        #expect(JSONReportRenderer().render(try scene.report(ReportScene.h1, asOf: "2024-06-30")) == text)
    }

    @Test("The bundled agenda with the demo history renders in every format, every period, within the rules")
    func bundled() throws {
        let fixture = Fixture()
        let workspace = try fixture.example()
        let store = try Store(path: workspace.config.databasePath)
        var set = try AgendaSet(workspace: workspace, store: store)
        _ = try HistoryImport.run(file: Fixture.repository + "/Agendas/demo/ook-2022-2024.history.json", set: set, store: store,
                                  config: workspace.config, recordedAt: workspace.config.timeZone.moment(LocalDate("2024-10-15")!, hour: 12))
        set = try AgendaSet(workspace: workspace, store: store)
        let builder = ReportBuilder(set: set, config: workspace.config)
        let periods: [(ReportPeriod, String)] = [
            (.halfYear(HalfYear("2023-H1")!), "2023-06-30"), (.halfYear(HalfYear("2024-H1")!), "2024-06-30"),
            (.halfYear(HalfYear("2024-H2")!), "2024-10-15"), (.year(2023), "2023-12-31"), (.year(2024), "2024-10-15"),
        ]
        for (period, asOf) in periods {
            let report = try builder.report(period, asOf: LocalDate(asOf)!)
            Self.expectNarrow(TextReportRenderer().render(report))
            try Self.expectWellFormed(try HTMLCheck.run(HTMLReportRenderer().render(report)))
            _ = try JSONParser.parse(JSONReportRenderer().render(report))
        }
        // 2024-H1 of the demo: 8 steps planned; KC-B3 and KC-A4 postponed to 2024-H2, LL-A3 and KC-E2 overdue.
        let h1 = try builder.report(.halfYear(HalfYear("2024-H1")!), asOf: LocalDate("2024-06-30")!).agendas[0]
        #expect(h1.summary.total == StatusCounts(done: 3, inProgress: 1, postponed: 3, dropped: 1, open: 0, overdue: 2))
        #expect(h1.themes.flatMap(\.earlier).filter { $0.overdue != nil }.map(\.key.description) == ["LL-A3", "KC-E2"])
    }

    // MARK: Helpers

    static func expectNarrow(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.count <= 80, "too wide (\(line.count)): \(line)", sourceLocation: sourceLocation)
            #expect(!line.hasSuffix(" "), "trailing space: \(line)", sourceLocation: sourceLocation)
        }
    }

    static func expectWellFormed(_ s: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(s["doctype"] as? String == "DOCTYPE html", sourceLocation: sourceLocation)
        #expect(s["lang"] as? String == "nl", sourceLocation: sourceLocation)
        #expect(s["charset"] as? String == "utf-8", sourceLocation: sourceLocation)
        #expect((s["forbidden"] as? [String]) == [], "no script, style, link, img…", sourceLocation: sourceLocation)
        #expect((s["external"] as? [String]) == [], "nothing loaded from elsewhere", sourceLocation: sourceLocation)
        #expect((s["eventAttributes"] as? [String]) == [], sourceLocation: sourceLocation)
        #expect(s["classAttributes"] as? Int == 0, "inline styles only", sourceLocation: sourceLocation)
        #expect((s["dataTables"] as? Int ?? 0) >= 1, sourceLocation: sourceLocation)
        #expect((s["th"] as? Int ?? 0) > 0, sourceLocation: sourceLocation)
        #expect(s["thWithoutScope"] as? Int == 0, "every header cell says what it heads", sourceLocation: sourceLocation)
        #expect((s["skippedHeadingLevels"] as? [Any])?.isEmpty == true, sourceLocation: sourceLocation)
        #expect((s["unclosed"] as? [String]) == [], sourceLocation: sourceLocation)
        #expect((s["nestingErrors"] as? [String]) == [], sourceLocation: sourceLocation)
    }
}

/// Runs `Tests/Support/html_report_check.py` (Python's html.parser) on a document and returns its
/// JSON summary.
enum HTMLCheck {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "html_report_check.py gave no JSON object" }
    }

    static func run(_ html: String) throws -> [String: Any] {
        let output = try Python.withFile(html) { path in
            try Python.run([Fixture.repository + "/Tests/Support/html_report_check.py", path])
        }
        guard let result = try JSONSerialization.jsonObject(with: output) as? [String: Any] else { throw Failure() }
        return result
    }
}
