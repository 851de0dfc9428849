import Foundation
import Testing
@testable import KoersModel

@Suite("koers scan report, and the scan section of the half-year and yearly reports")
struct ScanReportTests {
    private func scene() throws -> ScanFixture {
        let scene = ScanFixture()
        try scene.constructedRounds()
        return scene
    }

    @Test("Text fits 80 columns and names each school's points with their means and changes")
    func text() throws {
        let scene = try scene()
        let r = scene.koers("scan", "report", "zelfscan-2024")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        let text = r.stdout
        ReportRenderingTests.expectNarrow(text)
        #expect(text.hasPrefix("ZELFSCAN ZELFSCAN-2024: PROEFCHECKLIST\n"
            + "Afgenomen op 20 september 2024; vergeleken met zelfscan-2022 (20 september\n2022).\n"))
        #expect(text.contains("""
            OBS HET NOORDERLICHT, 2 RESPONDENTEN
            ════════════════════════════════════════════════════════════════════════════════

            Gemiddeld per categorie                           nu   vorige  verschil
            Cultuur                                          2,3      2,3       0,0
            Expertise                                        1,9      2,0      −0,1
            ───────────────────────────────────────────────────────────────────────
            Totaal                                           2,1      2,1      −0,1

            Sterkste punten
              A1    3,0  eerste stelling
              B1    3,0  vijfde stelling
              A2    2,5  tweede stelling

            Ontwikkelpunten
              A3    1,0  derde stelling
              B4    1,0  achtste stelling
              B2    1,5  zesde stelling

            Vooruitgegaan sinds zelfscan-2022
              A1    +1,0  eerste stelling (2,0 → 3,0)
              A2    +0,5  tweede stelling (2,0 → 2,5)
              B2    +0,5  zesde stelling (1,0 → 1,5)

            Achteruitgegaan sinds zelfscan-2022
              A3    −1,0  derde stelling (2,0 → 1,0)
              A4    −0,5  vierde stelling (3,0 → 2,5)

            Alle items
              A1    3,0  +1,0  eerste stelling
            """))
        #expect(text.contains("  B4    1,0     –  achtste stelling\n"))
        #expect(text.contains("OBS DE ZUIDERZON, 1 RESPONDENT"))
        #expect(text.contains("Geen antwoorden in zelfscan-2022 om mee te vergelijken."))
    }

    @Test("Markdown, HTML (parsed by Python's html.parser) and JSON carry the same results")
    func formats() throws {
        let scene = try scene()
        var r = scene.koers("scan", "report", "zelfscan-2024", "--format", "markdown", "--school", "noord")
        #expect(r.stdout.hasPrefix("# Zelfscan zelfscan-2024: Proefchecklist\n"))
        #expect(r.stdout.contains("| **Totaal** | 2,1 | 2,1 | −0,1 |"))
        #expect(r.stdout.contains("### Ontwikkelpunten\n\n- **A3** 1,0 — derde stelling\n- **B4** 1,0 — achtste stelling\n"))
        #expect(!r.stdout.contains("Alle scholen"), "one school's report")

        r = scene.koers("scan", "report", "zelfscan-2024", "--format", "html")
        let summary = try HTMLCheck.run(r.stdout)
        try ReportRenderingTests.expectWellFormed(summary)
        let headings = (summary["headings"] as? [[Any]] ?? []).map { "\($0[0]) \($0[1])" }
        #expect(headings.prefix(3) == ["1 Zelfscan zelfscan-2024: Proefchecklist", "2 Alle scholen, 2 scholen", "3 Sterkste punten"])
        #expect(headings.contains("3 Achteruitgegaan sinds zelfscan-2022"))
        #expect((summary["text"] as? String ?? "").contains("B1 vijfde stelling 3,0"))

        let out = scene.folder + "/scan.json"
        r = scene.koers("--json", "scan", "report", "zelfscan-2024", "--out", out)
        #expect(r.stderr == "Wrote the report on scan round zelfscan-2024 (json) to \(out).\n")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(root["format"] as? String == "koers-scan-report/1")
        #expect((root["previous"] as? [String: Any])?["id"] as? String == "zelfscan-2022")
        let schools = try #require(root["schools"] as? [[String: Any]])
        #expect(schools.map { $0["school"] as? String } == ["noord", "zuid"])
        #expect(schools[0]["strongest"] as? [String] == ["A1", "B1", "A2"])
        #expect(schools[0]["toDevelop"] as? [String] == ["A3", "B4", "B2"])
        #expect(schools[0]["declined"] as? [String] == ["A3", "A4"])
        let overall = try #require(schools[0]["overall"] as? [String: Any])
        #expect(overall["mean"] as? Double == 2.06)
        #expect(overall["change"] as? Double == -0.08)
        #expect((root["board"] as? [String: Any])?["strongest"] as? [String] == ["B1", "A4", "A2"])
    }

    @Test("A report reads the rounds held in its period and the rounds they are compared with, no others")
    func roundsForAPeriod() throws {
        let scene = try scene()
        try scene.record("zelfscan-2020", on: "2020-09-20", [("noord", "r1", "A1", 1)])
        try scene.record("zelfscan-2026", on: "2026-09-20", [("noord", "r1", "A1", 3)])
        let store = try scene.store()
        let all = try store.scanRounds()
        #expect(all.map(\.id) == ["zelfscan-2020", "zelfscan-2022", "lo-2023", "zelfscan-2024", "zelfscan-2026"])
        let read = try store.scanRounds(held: LocalDate("2024-07-01")!...LocalDate("2024-12-31")!)
        #expect(read.map(\.id) == ["zelfscan-2022", "zelfscan-2024"], "2024 and the proef round before it; not 2020, lo-2023 or 2026")
        #expect(read == all.filter { ["zelfscan-2022", "zelfscan-2024"].contains($0.id) }, "with every answer")
        #expect(try store.scanRounds(held: LocalDate("2025-01-01")!...LocalDate("2025-12-31")!).isEmpty)
    }

    @Test("A half-year report has a zelfscan section when a round was held in the period, up to the as-of day")
    func section() throws {
        let scene = try scene()
        var r = scene.koers("report", "halfyear", "2024-H2")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        ReportRenderingTests.expectNarrow(r.stdout)
        #expect(r.stdout.contains("""
            ZELFSCANS IN DEZE PERIODE

            Zelfscan zelfscan-2024: Proefchecklist
            Afgenomen op 20 september 2024; vergeleken met zelfscan-2022 (20 september
            2022).

            Gemiddeld per categorie                           nu   vorige  verschil
            Cultuur                                          2,2      2,3      −0,1
            """))
        #expect(r.stdout.contains("""
              OBS Het Noorderlicht, 2 respondenten: gemiddeld 2,1 (−0,1)
                + A1  eerste stelling
                + B1  vijfde stelling
                + A2  tweede stelling
                − A3  derde stelling
                − B4  achtste stelling
                − B2  zesde stelling
            """))
        #expect(!r.stdout.contains("lo-2023"), "another instrument's round of another year")

        r = scene.koers("report", "halfyear", "2024-H1")
        #expect(!r.stdout.contains("ZELFSCANS"), "no round in the period: no section")
        r = scene.koers("report", "halfyear", "2024-H1", "--as-of", "2024-10-01")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        #expect(!r.stdout.contains("ZELFSCANS"), "a round held after the period is not in it, whatever the as-of day")
        r = scene.koers("report", "halfyear", "2024-H2", now: "2024-09-10")
        #expect(!r.stdout.contains("ZELFSCANS"), "as of 10 September the round had not been held")
        r = scene.koers("report", "year", "2022", "--format", "markdown")
        #expect(r.stdout.contains("## Zelfscans in deze periode\n\n### Zelfscan zelfscan-2022: Proefchecklist\n"))

        r = scene.koers("report", "halfyear", "2024-H2", "--format", "html")
        let summary = try HTMLCheck.run(r.stdout)
        try ReportRenderingTests.expectWellFormed(summary)
        let headings = (summary["headings"] as? [[Any]] ?? []).map { "\($0[0]) \($0[1])" }
        #expect(headings.suffix(2) == ["2 Zelfscans in deze periode", "3 Zelfscan zelfscan-2024: Proefchecklist"])

        r = scene.koers("--json", "report", "halfyear", "2024-H2")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let scans = try #require(root["scans"] as? [[String: Any]])
        #expect(scans.map { ($0["round"] as? [String: Any])?["id"] as? String } == ["zelfscan-2024"])
    }
}
