import Foundation
@testable import KoersModel
import KoersTestSupport
import Testing

@Suite("Budget in reports: planned against realised per waarborg, per source and in total")
struct BudgetReportTests {
    func summary(_ scene: MeasureScene, _ period: ReportPeriod, asOf: String) throws -> BudgetSummary? {
        let workspace = try scene.fixture.load()
        let store = try scene.store()
        let builder = ReportBuilder(set: try AgendaSet(workspace: workspace, store: store), config: workspace.config,
                                    spending: try store.spending())
        return try builder.report(period, asOf: LocalDate(asOf)!).agendas[0].budget
    }

    static let h1 = ReportPeriod.halfYear(HalfYear("2024-H1")!)

    @Test("Per theme, per source and in total, as of the report's day, with the period's part")
    func numbers() throws {
        let scene = MeasureScene()
        scene.spendBudgetExample()
        let b = try #require(try summary(scene, Self.h1, asOf: "2024-06-30"))
        func cents(_ row: BudgetSummary.Row) -> [Int?] { [row.planned?.cents, row.spent.cents, row.remaining?.cents, row.spentInPeriod.cents] }
        #expect(b.themes.map(\.title) == ["Lerende leraar", "Kwaliteitscultuur"])
        // LL: 40 × 55,00 + 1.250,50 planned; 450 + 300 − 50 spent, all in 2024-H1 (1.234,50 in September does not count yet).
        #expect(cents(b.themes[0]) == [345_050, 70_000, 275_050, 70_000])
        // KC: 2.500 planned; 2.750 (2024-H1) + 99,95 (2023, KC-b has no budget) spent: overspent.
        #expect(cents(b.themes[1]) == [250_000, 284_995, -34_995, 275_000])
        #expect(cents(b.total) == [595_050, 354_995, 240_055, 345_000])
        #expect(b.sources.map(\.title) == ["regionale subsidie", "Geen bron opgegeven"])
        #expect(cents(b.sources[0]) == [470_000, 320_000, 150_000, 320_000])
        #expect(cents(b.sources[1]) == [125_050, 34_995, 90_055, 25_000])
        #expect(b.entries.map { "\($0.spending.on) \($0.spending.activity) \($0.spending.amount.cents)" } ==
                ["2024-02-01 LL-b 30000", "2024-02-15 LL-b -5000", "2024-03-12 LL-a 45000", "2024-05-20 KC-a 275000"])

        let year = try #require(try summary(scene, .year(2024), asOf: "2024-10-15"))
        #expect(cents(year.themes[0]) == [345_050, 193_450, 151_600, 193_450])
    }

    @Test("The text report's budget section: aligned Dutch amounts, the sources, the period's entries")
    func text() throws {
        let scene = MeasureScene()
        scene.spendBudgetExample()
        let r = scene.koers("report", "halfyear", "2024-H1")
        #expect(r.exitCode == .ok, "\(r.stderr)")
        ReportRenderingTests.expectNarrow(r.stdout)
        #expect(r.stdout.contains("""
            BUDGET

            Waarborg                   begroot        besteed      resterend     in periode
            Lerende leraar          € 3.450,50       € 700,00     € 2.750,50       € 700,00
            Kwaliteitscultuur       € 2.500,00     € 2.849,95      € -349,95     € 2.750,00
            ───────────────────────────────────────────────────────────────────────────────
            Totaal                  € 5.950,50     € 3.549,95     € 2.400,55     € 3.450,00

            Begroot volgens de agenda; besteed = vastgelegd tot en met de standdatum;
            resterend = begroot min besteed (negatief: overschreden); in periode = het deel
            van het bestede in 2024 eerste half jaar.

            Per bron                   begroot        besteed      resterend     in periode
            regionale subsidie      € 4.700,00     € 3.200,00     € 1.500,00     € 3.200,00
            Geen bron opgegeven     € 1.250,50       € 349,95       € 900,55       € 250,00

            Uitgaven in deze periode:
              1 februari 2024       LL-b: € 300,00
              15 februari 2024      LL-b: € -50,00. correctie
              12 maart 2024         LL-a: € 450,00 (6 uur). Inhuur trainer
              20 mei 2024           KC-a: € 2.750,00. Afname zelfscan

            """), "\(r.stdout)")
    }

    @Test("Markdown, HTML and JSON carry the same numbers")
    func otherFormats() throws {
        let scene = MeasureScene()
        scene.spendBudgetExample()
        let md = scene.koers("report", "halfyear", "2024-H1", "--format", "markdown").stdout
        #expect(md.contains("""
            ### Budget

            | Waarborg | Begroot | Besteed | Resterend | In periode |
            |---|--:|--:|--:|--:|
            | Lerende leraar | € 3.450,50 | € 700,00 | € 2.750,50 | € 700,00 |
            | Kwaliteitscultuur | € 2.500,00 | € 2.849,95 | € -349,95 | € 2.750,00 |
            | **Totaal** | **€ 5.950,50** | **€ 3.549,95** | **€ 2.400,55** | **€ 3.450,00** |
            """))
        #expect(md.contains("| regionale subsidie | € 4.700,00 | € 3.200,00 | € 1.500,00 | € 3.200,00 |"))
        #expect(md.contains("- 12 maart 2024: LL-a: € 450,00 (6 uur). Inhuur trainer"))

        let html = scene.koers("report", "halfyear", "2024-H1", "--format", "html").stdout
        let check = try HTMLCheck.run(html)
        try ReportRenderingTests.expectWellFormed(check)
        let headings = (check["headings"] as? [[Any]] ?? []).map { "\($0[0]) \($0[1])" }
        #expect(headings.contains("3 Budget") && headings.contains("4 Per bron") && headings.contains("4 Uitgaven in deze periode"))
        let text = check["text"] as? String ?? ""
        for expected in ["€ 3.450,50", "€ -349,95", "€ 5.950,50", "regionale subsidie", "Inhuur trainer", "Zelfscan afnemen."] {
            #expect(text.contains(expected), "\(expected)")
        }

        let json = scene.koers("report", "halfyear", "2024-H1", "--json").stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let budget = try #require((root["agendas"] as? [[String: Any]])?.first?["budget"] as? [String: Any])
        let total = try #require(budget["total"] as? [String: Any])
        #expect(total["planned"] as? Double == 5950.5 && total["spent"] as? Double == 3549.95 && total["remaining"] as? Double == 2400.55)
        #expect(json.contains("\"planned\": 5950.50,"), "amounts are exact to the cent in the JSON text")
        let entries = try #require(budget["entries"] as? [[String: Any]])
        #expect(entries.map { $0["activity"] as? String } == ["LL-b", "LL-b", "LL-a", "KC-a"])
        #expect(entries[2]["hours"] as? Int == 6)
    }

    @Test("No budget section without budgets and spending")
    func absent() throws {
        let scene = MeasureScene(agenda: Fixture.agenda)
        #expect(try summary(scene, Self.h1, asOf: "2024-06-30") == nil)
        let r = scene.koers("report", "halfyear", "2024-H1")
        #expect(r.exitCode == .ok && !r.stdout.contains("BUDGET"))
        #expect(scene.koers("report", "halfyear", "2024-H1", "--json").stdout.contains("\"budget\": null"))
        // Spending alone brings it: planned stays "–".
        _ = scene.koers("spend", "LL-a", "120", "--on", "2024-05-01")
        let after = scene.koers("report", "halfyear", "2024-H1").stdout
        #expect(after.contains("Lerende leraar                   –       € 120,00              –       € 120,00"), "\(after)")
        #expect(!after.contains("Per bron"))
    }
}
