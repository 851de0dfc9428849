/// The Dutch phrases every scan renderer uses, so text, Markdown, HTML and the report section say
/// the same thing.
package enum ScanWording {
    /// "Zelfscan zelfscan-2024: Checklist lerende organisatie"
    package static func title(_ r: ScanReport) -> String { "Zelfscan \(r.round.id): \(r.instrument.title)" }

    /// "Afgenomen op 20 september 2024; vergeleken met zelfscan-2022 (20 september 2022)."
    package static func held(_ r: ScanReport) -> String {
        let comparison = r.previous.map { "vergeleken met \($0.id) (\(ReportWording.date($0.heldOn)))" }
            ?? "de eerste meting met dit instrument (nulmeting)"
        return "Afgenomen op \(ReportWording.date(r.round.heldOn)); \(comparison)."
    }

    /// "Schaal: 1 = nog in startfase, 2 = gedeeltelijk ontwikkeld, 3 = sterk ontwikkeld."
    package static func scale(_ r: ScanReport) -> String {
        "Schaal: " + r.instrument.scale.map { "\($0.value) = \($0.label)" }.joined(separator: ", ") + "."
    }

    package static let rule = "Berekend door Koers. Per school is de score van een item het gemiddelde niveau over de respondenten "
        + "die het beantwoordden; voor alle scholen samen het gemiddelde van de scholen. De score van een categorie en het "
        + "totaal zijn het gemiddelde van de beantwoorde items. Sterkste punten en ontwikkelpunten zijn de items met de "
        + "hoogste en de laagste score, bij gelijke score in de volgorde van de checklist: drie van elk, minder als minder "
        + "dan zes items zijn beantwoord."

    /// "OBS De Linde, 3 respondenten" or "Alle scholen, 6 scholen".
    package static func group(_ g: ScanReport.Group) -> String {
        let count = g.school == nil ? (g.respondents == 1 ? "1 school" : "\(g.respondents) scholen")
                                    : (g.respondents == 1 ? "1 respondent" : "\(g.respondents) respondenten")
        return "\(g.name), \(count)"
    }

    package static func mean(_ m: ScanMean?) -> String { m?.dutch ?? "–" }
    package static func change(_ m: ScanMean?) -> String { m?.signedDutch ?? "–" }

    /// "1,5 → 2,5"
    package static func movement(_ s: ScanReport.Score) -> String { "\(mean(s.previous)) → \(mean(s.mean))" }

    package static func improvedHeading(_ r: ScanReport) -> String { "Vooruitgegaan sinds \(r.previous?.id ?? "de vorige meting")" }
    package static func declinedHeading(_ r: ScanReport) -> String { "Achteruitgegaan sinds \(r.previous?.id ?? "de vorige meting")" }

    /// Why a group has no comparison: no earlier round, or the group did not answer in it.
    package static func noComparison(_ r: ScanReport) -> String {
        r.previous == nil ? "Geen vorige meting om mee te vergelijken." : "Geen antwoorden in \(r.previous!.id) om mee te vergelijken."
    }

    package static let noPoints = "Te weinig items beantwoord."
    package static let nothingChanged = "Geen."
}
