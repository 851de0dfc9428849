import Foundation
import Testing
@testable import KoersModel
@testable import KoersFormats

@Suite("Indicator trend: baseline → latest measurement → target, direction and distance")
struct IndicatorTrendTests {
    /// Baseline 10 (September 2022), target 30 (July 2026), unit "plekken".
    func line(_ values: [(Double, String)], baseline: Double? = 10, target: Double? = 30) -> IndicatorLine {
        IndicatorLine(id: "plekken", title: "Leerwerkplekken", unit: "plekken", theme: nil,
                      baseline: baseline.map { .init(value: $0, date: PlannedDate("2022-09"), note: nil) },
                      target: target.map { .init(value: $0, date: PlannedDate("2026-07"), note: nil) },
                      measurements: values.map { IndicatorMeasurement(agenda: "meet", indicator: "plekken", value: $0.0, on: LocalDate($0.1)!) },
                      targetDatePassed: false)
    }

    func wording(_ l: IndicatorLine) -> String? { IndicatorWording.courseAndTrend(l) }

    @Test("Baseline 10, measurements 14 and 18, target 30: rising, the right way, 12 to go")
    func constructedCase() throws {
        let l = line([(14, "2023-11-15"), (18, "2024-04-10")])
        let t = try #require(IndicatorTrend(l))
        #expect(t.direction == .rising && t.change == 4 && t.towardsTarget == true && t.remaining == 12 && !t.reached)
        #expect(t.previous == .init(value: 14, date: PlannedDate("2023-11-15")!, isBaseline: false))
        #expect(IndicatorWording.course(l) == "nulmeting 10 → gemeten 18 → doel 30 plekken")
        #expect(IndicatorWording.trend(t) == "stijgend (+4 sinds de meting van 15 november 2023), de goede kant op; nog 12 te gaan")
        #expect(wording(line([(14, "2023-11-15")])) ==
                "nulmeting 10 → gemeten 14 → doel 30 plekken: stijgend (+4 sinds de nulmeting van september 2022), de goede kant op; nog 16 te gaan")
    }

    @Test("Falling, level, reached, a falling target, no baseline, no target, no measurement")
    func variants() {
        #expect(wording(line([(18, "2024-04-10"), (15, "2024-09-01")])) ==
                "nulmeting 10 → gemeten 15 → doel 30 plekken: dalend (-3 sinds de meting van 10 april 2024), de verkeerde kant op; nog 15 te gaan")
        #expect(wording(line([(18, "2024-04-10"), (18, "2024-09-01")])) ==
                "nulmeting 10 → gemeten 18 → doel 30 plekken: gelijk sinds de meting van 10 april 2024; nog 12 te gaan")
        #expect(wording(line([(18, "2024-04-10"), (31, "2024-09-01")])) ==
                "nulmeting 10 → gemeten 31 → doel 30 plekken: stijgend (+13 sinds de meting van 10 april 2024); doel bereikt")
        #expect(wording(line([(15, "2024-04-10"), (12.5, "2024-09-01")], baseline: 20, target: 10)) ==
                "nulmeting 20 → gemeten 12,5 → doel 10 plekken: dalend (-2,5 sinds de meting van 10 april 2024), de goede kant op; nog 2,5 te gaan")
        #expect(wording(line([(23, "2024-09-01")], baseline: nil)) == "gemeten 23 → doel 30 plekken: eerste meting; nog 7 te gaan")
        #expect(wording(line([(2.3, "2024-04-10"), (3.4, "2024-09-01")], target: nil)) ==
                "nulmeting 10 → gemeten 3,4 plekken: stijgend (+1,1 sinds de meting van 10 april 2024)")
        #expect(wording(line([])) == nil)
        #expect(IndicatorTrend(line([])) == nil)
    }

    @Test("Every renderer shows the course, the trend and the measurements of the period, as of the report's day")
    func rendered() throws {
        let scene = MeasureScene()
        scene.measureTrendExample()
        _ = scene.koers("measure", "plekken", "25", "--on", "2024-09-01")

        let text = scene.koers("report", "halfyear", "2024-H1")
        #expect(text.exitCode == .ok, "\(text.stderr)")
        #expect(text.stdout.contains("""
              Leerwerkplekken (Lerende leraar)
                nulmeting:  10 plekken (september 2022)
                doel:       30 plekken (juli 2026)
                gemeten:    18 plekken op 10 april 2024, 40% van de weg naar het doel
                            ████████░░░░░░░░░░░░ 40%
                verloop:    nulmeting 10 → gemeten 18 → doel 30 plekken: stijgend (+4 sinds
                            de meting van 15 november 2023), de goede kant op; nog 12 te
                            gaan
                metingen in deze periode:
                            10 april 2024: 18 plekken. Telling april
              Studenten
                nulmeting:  20 studenten (december 2021)
                doel:       geen doel
                gemeten:    nog geen metingen

            """), "\(text.stdout)")
        #expect(!text.stdout.contains("25 plekken"), "September lies after the as-of day")

        let interim = scene.koers("report", "year", "2024", "--as-of", "2024-03-31").stdout
        #expect(interim.contains("gemeten:    14 plekken op 15 november 2023, 20% van de weg naar het doel"))
        #expect(interim.contains("stijgend (+4 sinds\n                de nulmeting van september 2022), de goede kant op; nog 16 te\n"))
        #expect(!interim.contains("metingen in deze periode"), "nothing measured in 2024 up to 31 March")

        let md = scene.koers("report", "halfyear", "2024-H1", "--format", "markdown").stdout
        #expect(md.contains("| Indicator | Waarborg | Nulmeting | Doel | Gemeten | Verloop |"))
        #expect(md.contains("| nulmeting 10 → gemeten 18 → doel 30 plekken: stijgend (+4 sinds de meting van 15 november 2023), de goede kant op; nog 12 te gaan |"))
        #expect(md.contains("#### Metingen in deze periode\n\n- **Leerwerkplekken**: 10 april 2024: 18 plekken. Telling april\n"))

        let html = scene.koers("report", "halfyear", "2024-H1", "--format", "html").stdout
        #expect(html.contains("<th scope=\"col\" style=\"text-align:left;padding:5px 8px;border-bottom:2px solid #8c959f;vertical-align:bottom;font-weight:bold;\">Stand</th>"))
        #expect(html.contains("<br>Verloop: nulmeting 10 → gemeten 18 → doel 30 plekken: stijgend (+4 sinds de meting van 15 november 2023), de goede kant op; nog 12 te gaan<br>"))
        #expect(html.contains("<li>10 april 2024: 18 plekken. Telling april</li>"))
        let check = try HTMLCheck.run(html)
        try ReportRenderingTests.expectWellFormed(check)

        let json = scene.koers("report", "halfyear", "2024-H1", "--json").stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let agenda = try #require((root["agendas"] as? [[String: Any]])?.first)
        let plekken = try #require((agenda["indicators"] as? [[String: Any]])?.first)
        #expect((plekken["measurements"] as? [[String: Any]])?.compactMap { $0["value"] as? Int } == [14, 18])
        let trend = try #require(plekken["trend"] as? [String: Any])
        #expect(trend["direction"] as? String == "rising" && trend["change"] as? Int == 4 && trend["since"] as? String == "2023-11-15")
        #expect(trend["towardsTarget"] as? Bool == true && trend["remaining"] as? Int == 12 && trend["reached"] as? Bool == false)
        #expect((agenda["indicators"] as? [[String: Any]])?.last?["trend"] is NSNull)
    }
}
