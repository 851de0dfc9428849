import Foundation
import KoersTestSupport
import Testing

/// The coordinator records indicator measurements and spending with the real binary, and the
/// reports show the trend towards the target and the money spent.
@Suite("Measure and spend journey through the koers command")
struct MeasureJourneyTests {
    @Test("koers measure and koers spend, then the half-year reports show the trend and the budget as of their day")
    func measureSpendReport() throws {
        let site = try Installation()
        var r = try site.koers("measure", "leerwerkplekken", "12", "--on", "2024-03-01", "--note", "Telling voorjaar", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "leerwerkplekken: 12 leerwerkplekken (2024-03-01)\n")
        r = try site.koers("measure", "leerwerkplekken", "18", "--on", "2024-09-02", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")

        r = try site.koers("measure", "leerwerkplekken", "achttien", "--on", "2024-09-02", now: "2024-10-15")
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: \"achttien\" is not a number"))
        r = try site.koers("measure", "stageplekken", "3", "--on", "2024-09-02", now: "2024-10-15")
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: no indicator \"stageplekken\"; known indicators: leerwerkplekken, hbo-studenten, "
                                   + "mbo-studenten, schoolopleiders-aangesteld, schoolopleiders-velon\n"))

        r = try site.koers("spend", "LO-a", "450", "--on", "2024-09-12", "--hours", "6", "--note", "Inhuur trainer", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "LO-a: € 450,00, 6 uur (2024-09-12)\n")
        r = try site.koers("spend", "LO-z", "450", "--on", "2024-09-12", now: "2024-10-15")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: no activity \"LO-z\""))

        r = try site.koers("report", "halfyear", "2024-H2", now: "2024-10-15")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("""
                gemeten:    18 leerwerkplekken op 2 september 2024, 60% van de weg naar het
                            doel
                            ████████████░░░░░░░░ 60%
                verloop:    gemeten 18 → doel 30 leerwerkplekken: stijgend (+6 sinds de
                            meting van 1 maart 2024), de goede kant op; nog 12 te gaan
                metingen in deze periode:
                            2 september 2024: 18 leerwerkplekken
            """), "\(r.stdout)")
        #expect(r.stdout.contains("Leeromgeving                     –       € 450,00              –       € 450,00\n"))
        #expect(r.stdout.contains("  12 september 2024     LO-a: € 450,00 (6 uur). Inhuur trainer\n"))
        for line in r.stdout.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }

        // The 2024-H1 report, as of its last day, knows nothing of September.
        r = try site.koers("report", "halfyear", "2024-H1", now: "2024-10-15")
        #expect(r.stdout.contains("gemeten:    12 leerwerkplekken op 1 maart 2024"))
        #expect(r.stdout.contains("verloop:    gemeten 12 → doel 30 leerwerkplekken: eerste meting; nog 18 te\n                gaan\n"))
        #expect(!r.stdout.contains("18 leerwerkplekken") && !r.stdout.contains("BUDGET"))

        r = try site.koers("measure", "--list", "leerwerkplekken", now: "2024-10-15")
        #expect(r.stdout == """
            Aantal leerwerkplekken (leerwerkplekken)
              doel:       30 leerwerkplekken (juni 2026)
              2024-03-01  12 leerwerkplekken. Telling voorjaar
              2024-09-02  18 leerwerkplekken

            """)
    }
}
