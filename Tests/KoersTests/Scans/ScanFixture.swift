import Foundation
@testable import KoersCLI
@testable import KoersFormats
@testable import KoersModel
@testable import KoersStore
import KoersTestSupport

/// A configuration with three schools, the small agenda of `Fixture` and a small test instrument
/// (categories A and B, items A1–A4 and B1–B4, levels 1–3), in a throw-away folder with its own
/// SQLite file; "today" is 15 October 2024.
final class ScanFixture {
    let fixture = Fixture()
    let tz = AgendaTimeZone.amsterdam

    static let instrument = """
    {
      "format": "koers-scan-instrument/1",
      "id": "proef",
      "title": "Proefchecklist",
      "language": "nl",
      "scale": [
        { "value": 1, "label": "nog in startfase" },
        { "value": 2, "label": "gedeeltelijk ontwikkeld" },
        { "value": 3, "label": "sterk ontwikkeld" }
      ],
      "categories": [
        { "id": "cultuur", "title": "Cultuur", "items": [
          { "id": "A1", "text": "eerste stelling" }, { "id": "A2", "text": "tweede stelling" },
          { "id": "A3", "text": "derde stelling" }, { "id": "A4", "text": "vierde stelling" } ] },
        { "id": "expertise", "title": "Expertise", "items": [
          { "id": "B1", "text": "vijfde stelling" }, { "id": "B2", "text": "zesde stelling" },
          { "id": "B3", "text": "zevende stelling" }, { "id": "B4", "text": "achtste stelling" } ] }
      ]
    }
    """

    static let config = """
    {
      "format": "koers-config/1",
      "database": "koers.sqlite",
      "timeZone": "Europe/Amsterdam",
      "agendas": ["agenda.json"],
      "scanInstruments": ["proef.json", "LO_PATH"],
      "schools": [
        { "id": "noord", "name": "OBS Het Noorderlicht" },
        { "id": "zuid", "name": "OBS De Zuiderzon" },
        { "id": "oost", "name": "OBS Oostwind" }
      ],
      "people": [
        { "id": "c.jansen", "name": "Carla Jansen", "email": "c.jansen@example.org", "roles": ["co-oper", "directieteam"] },
        { "id": "p.smit", "name": "Pieter Smit", "email": "p.smit@example.org", "school": "noord", "roles": ["schoolleiders"] }
      ]
    }
    """

    init() {
        fixture.write("proef.json", Self.instrument)
        fixture.standard(config: Self.config.replacingOccurrences(
            of: "LO_PATH", with: Fixture.repository + "/Agendas/instruments/lerende-organisatie.json"))
    }

    var folder: String { fixture.folder }
    var configPath: String { fixture.folder + "/koers.json" }
    func workspace() throws -> Workspace { try fixture.load() }
    func store() throws -> Store { try Store(path: fixture.folder + "/koers.sqlite") }
    func day(_ text: String) -> Date { tz.moment(LocalDate(text)!, hour: 12) }

    /// `koers …` in process, as of `now` (default 15 October 2024).
    func koers(_ arguments: String..., now: String = "2024-10-15") -> CommandOutput {
        KoersTool.run(["--config", configPath] + arguments, environment: [:], clock: FixedClock(day(now)))
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { fixture.write(name, text) }

    /// Records answers directly: `("noord", "r1", "A1", 3)`.
    func record(_ round: String, on day: String, instrument: String = "proef",
                _ answers: [(school: String, respondent: String?, item: String, level: Int)]) throws {
        try store().recordScanResponses(answers.map { ScanResponse(school: $0.school, respondent: $0.respondent, item: $0.item, level: $0.level) },
                                        round: ScanRound(id: round, instrument: instrument, heldOn: LocalDate(day)!),
                                        replacing: false, at: self.day(day))
    }

    /// The constructed data set of the analysis tests:
    ///
    /// zelfscan-2024 (20 September 2024), school noord, respondents r1 and r2:
    /// A1 3,3 · A2 2,3 · A3 1,1 · A4 3,2 · B1 3,3 · B2 1,2 · B3 2,2 · B4 1,1
    /// school zuid, one answer each, no respondent label: A1 1 · A2 2 · A3 3
    ///
    /// zelfscan-2022 (20 September 2022), noord, r1 only: A1 2 · A2 2 · A3 2 · A4 3 · B1 3 · B2 1 · B3 2
    ///
    /// and in between a round of another instrument, which is not what 2024 is compared with.
    func constructedRounds() throws {
        try record("zelfscan-2022", on: "2022-09-20", [
            ("noord", "r1", "A1", 2), ("noord", "r1", "A2", 2), ("noord", "r1", "A3", 2), ("noord", "r1", "A4", 3),
            ("noord", "r1", "B1", 3), ("noord", "r1", "B2", 1), ("noord", "r1", "B3", 2),
        ])
        try record("lo-2023", on: "2023-09-20", instrument: "lerende-organisatie", [("noord", "r1", "OC1", 1)])
        let noord = [("A1", 3, 3), ("A2", 2, 3), ("A3", 1, 1), ("A4", 3, 2), ("B1", 3, 3), ("B2", 1, 2), ("B3", 2, 2), ("B4", 1, 1)]
        var answers: [(school: String, respondent: String?, item: String, level: Int)] = []
        for (item, first, second) in noord { answers += [("noord", "r1", item, first), ("noord", "r2", item, second)] }
        answers += [("zuid", nil, "A1", 1), ("zuid", nil, "A2", 2), ("zuid", nil, "A3", 3)]
        try record("zelfscan-2024", on: "2024-09-20", answers)
    }
}
